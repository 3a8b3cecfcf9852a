import { KeptByKey } from "./kept-by-key"

describe("KeptByKey", () => {
  it("keeps the value while the key stays the same and makes a new one when it changes", () => {
    const kept = new KeptByKey<{ n: number }>()
    let made = 0
    const make = () => ({ n: ++made })
    const first = kept.get("a|1", make)
    expect(first).toEqual({ n: 1 })
    expect(kept.get("a|1", make)).toBe(first)
    const second = kept.get("b|1", make)
    expect(second).toEqual({ n: 2 })
    expect(kept.get("b|1", make)).toBe(second)
    expect(kept.get("a|1", make)).toEqual({ n: 3 })
    expect(made).toBe(3)
  })
})
