import { kept } from "./kept-values"

describe("kept", () => {
  it("makes a value once and shares it with concurrent callers", async () => {
    const map = new Map<string, Promise<number>>()
    const make = jest.fn(async () => 7)
    const [a, b] = await Promise.all([
      kept(map, "k", make),
      kept(map, "k", make),
    ])
    expect([a, b]).toEqual([7, 7])
    expect(make).toHaveBeenCalledTimes(1)
  })

  it("does not keep a failure", async () => {
    const map = new Map<string, Promise<number>>()
    await expect(
      kept(map, "k", () => Promise.reject(new Error("no")))
    ).rejects.toThrow("no")
    await new Promise((r) => setImmediate(r))
    expect(map.has("k")).toBe(false)
    await expect(kept(map, "k", async () => 1)).resolves.toBe(1)
  })

  it("drops the oldest value past the limit", async () => {
    const map = new Map<string, Promise<number>>()
    await kept(map, "a", async () => 1, 2)
    await kept(map, "b", async () => 2, 2)
    await kept(map, "c", async () => 3, 2)
    expect([...map.keys()]).toEqual(["b", "c"])
  })
})
