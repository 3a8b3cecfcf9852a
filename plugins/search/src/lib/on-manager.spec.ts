import { onManager } from "./on-manager"

describe("onManager", () => {
  type Repo = { manager: unknown; name: string }
  function manager() {
    const bound: Repo[] = []
    const m = {
      withRepository: (r: Repo): Repo => {
        const copy = { ...r, manager: m }
        bound.push(copy)
        return copy
      },
    }
    return { m, bound }
  }

  it("gives the repository itself on its own manager (nothing allocated)", () => {
    const { m, bound } = manager()
    const repo: Repo = { manager: m, name: "documents" }
    expect(onManager(m, repo)).toBe(repo)
    expect(bound).toEqual([])
  })

  it("binds a copy to another manager (a transaction's)", () => {
    const { m: base } = manager()
    const { m: tx, bound } = manager()
    const repo: Repo = { manager: base, name: "documents" }
    const copy = onManager(tx, repo)
    expect(copy).not.toBe(repo)
    expect(copy).toEqual({ manager: tx, name: "documents" })
    expect(bound).toEqual([copy])
  })
})
