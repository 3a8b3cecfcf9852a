import { sumOverChunks } from "./chunk-counts"

describe("sumOverChunks", () => {
  it("writes the parts one after the other and adds up the counts asked for", async () => {
    const written: number[][] = []
    const total = await sumOverChunks(
      [[1, 2], [3]],
      ["inserted", "updated"],
      async (part) => {
        written.push(part)
        return { inserted: part.length, updated: 1, ignored: 9 }
      }
    )
    expect(written).toEqual([[1, 2], [3]])
    expect(total).toEqual({ inserted: 3, updated: 2 })
  })

  it("counts 0 when there is nothing to write", async () => {
    const write = jest.fn()
    expect(await sumOverChunks([], ["opened"], write)).toEqual({ opened: 0 })
    expect(write).not.toHaveBeenCalled()
  })
})
