const { mulberry32, shuffled } = require("./prng")

describe("mulberry32 (Orion's Rng loaded from its source)", () => {
  it("gives the same stream as the generators always had", () => {
    const rnd = mulberry32(20261031)
    expect([rnd(), rnd(), rnd()]).toEqual([
      0.44861268787644804, 0.40789801022037864, 0.1959831900894642,
    ])
    const one = mulberry32(1)
    expect([one(), one(), one()]).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ])
  })

  it("keeps one stream per seed", () => {
    const a = mulberry32(7)
    const b = mulberry32(7)
    a()
    expect(b()).not.toBe(a())
  })
})

describe("shuffled", () => {
  it("gives the order the generator and the bench always had, and leaves its input as it was", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(shuffled(items, mulberry32(4))).toEqual([
      4, 6, 5, 7, 9, 8, 1, 2, 3, 10,
    ])
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(shuffled(["a", "b", "c", "d", "e"], mulberry32(20261031))).toEqual([
      "e",
      "d",
      "a",
      "b",
      "c",
    ])
  })
})
