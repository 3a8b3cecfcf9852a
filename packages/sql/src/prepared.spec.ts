import {
  preparedQuery,
  runStatement,
  statementName,
  type QueryManager,
} from "./prepared"

describe("statementName", () => {
  it("names a text the same way every time, and two texts two ways", () => {
    const a = statementName("SELECT 1 FROM vehicle WHERE id = $1")
    expect(statementName("SELECT 1 FROM vehicle WHERE id = $1")).toBe(a)
    expect(statementName("SELECT 2 FROM vehicle WHERE id = $1")).not.toBe(a)
    // PostgreSQL cuts identifiers at 63 bytes: a longer name would collide with its own prefix
    expect(a).toMatch(/^s_[0-9a-f]{24}$/)
  })
})

describe("preparedQuery", () => {
  function manager(inTransaction: boolean) {
    const calls: { via: string; args: unknown[] }[] = []
    const m: QueryManager = {
      query: async (...args) => {
        calls.push({ via: "manager", args })
        return [{ n: 1 }]
      },
      queryRunner: inTransaction ? { isTransactionActive: true } : undefined,
      connection: {
        driver: {
          master: {
            query: async (config: unknown) => {
              calls.push({ via: "pool", args: [config] })
              return { rows: [{ n: 2 }] }
            },
          },
        },
      },
    }
    return { m, calls }
  }

  it("runs a named statement on the pool, with the values bound", async () => {
    const { m, calls } = manager(false)
    const sql = "SELECT $1::int AS n"
    await expect(preparedQuery(m, sql, [2])).resolves.toEqual([{ n: 2 }])
    expect(calls).toEqual([
      {
        via: "pool",
        args: [{ name: statementName(sql), text: sql, values: [2] }],
      },
    ])
  })

  it("stays on the transaction's connection inside a transaction", async () => {
    const { m, calls } = manager(true)
    await expect(preparedQuery(m, "SELECT $1::int AS n", [1])).resolves.toEqual(
      [{ n: 1 }]
    )
    expect(calls).toEqual([
      { via: "manager", args: ["SELECT $1::int AS n", [1]] },
    ])
  })
})

describe("runStatement", () => {
  it("prepares only the statements marked so", async () => {
    const via: string[] = []
    const m: QueryManager = {
      query: async () => {
        via.push("manager")
        return []
      },
      connection: {
        driver: {
          master: {
            query: async () => {
              via.push("pool")
              return { rows: [] }
            },
          },
        },
      },
    }
    await runStatement(m, { sql: "SELECT 1", params: [] })
    await runStatement(m, { sql: "SELECT 1", params: [], prepared: true })
    expect(via).toEqual(["manager", "pool"])
  })
})
