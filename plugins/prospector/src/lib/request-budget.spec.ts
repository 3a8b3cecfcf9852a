import { BudgetExceededError, RequestBudget } from "./request-budget"

describe("RequestBudget", () => {
  it("allows exactly perRun requests", () => {
    const b = new RequestBudget({ perRun: 3, perMonth: 100 })
    expect([b.consume(), b.consume(), b.consume(), b.consume()]).toEqual([
      true,
      true,
      true,
      false,
    ])
    expect(b.usedThisRun).toBe(3)
    expect(b.blockedBy()).toBe("run")
  })

  it("counts what was already used this month", () => {
    const b = new RequestBudget({ perRun: 10, perMonth: 5, usedThisMonth: 4 })
    expect(b.remaining).toBe(1)
    expect(b.consume()).toBe(true)
    expect(b.consume()).toBe(false)
    expect(b.usedThisMonth).toBe(5)
    expect(() => b.consumeOrThrow()).toThrow(BudgetExceededError)
    expect(() => b.consumeOrThrow()).toThrow(/month limit of 5/)
  })

  it("rejects invalid limits", () => {
    expect(() => new RequestBudget({ perRun: -1, perMonth: 1 })).toThrow(
      /perRun/
    )
    expect(() => new RequestBudget({ perRun: 1, perMonth: 1.5 })).toThrow(
      /perMonth/
    )
  })
})
