/**
 * The warmer's search for missing bodies (MISSING_BODIES_SQL) probes each product's body on the
 * primary key, whatever the planner's statistics say. Planned as an anti-join with statistics taken
 * before a rebuild (a few hundred documents, an empty body table), it compared every document with
 * every body of the context in a nested loop: minutes on both cores at 100,000 products, seen in
 * `npm run bench:store`. The statistics are faked inside a transaction that is rolled back.
 */
import { Client } from "pg"
import { MISSING_BODIES_SQL } from "../../plugins/search/src/lib/read-model-sql"
import { testEnv } from "../helpers/env"

type PlanNode = {
  "Node Type": string
  "Relation Name"?: string
  "Index Name"?: string
  "Parent Relationship"?: string
  "Subplan Name"?: string
  Plans?: PlanNode[]
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)]
}

/** The plan of MISSING_BODIES_SQL for the no-region context, with `fake` run first (then undone). */
async function planWith(fake: string[]): Promise<PlanNode[]> {
  const client = new Client({ connectionString: testEnv().databaseUrl })
  await client.connect()
  try {
    await client.query("BEGIN")
    for (const statement of fake) {
      await client.query(statement)
    }
    // a statement the server plans for these very values, as node-postgres sends it
    const { rows } = await client.query(
      `EXPLAIN (FORMAT JSON) ${MISSING_BODIES_SQL}`,
      ["-", 100, [], null, null]
    )
    return nodes(rows[0]["QUERY PLAN"][0].Plan)
  } finally {
    await client.query("ROLLBACK").catch(() => undefined)
    await client.end()
  }
}

/** The body table is read by a subplan, once per document (an index probe at scale), never joined. */
function expectProbePerDocument(plan: PlanNode[]): void {
  const types = plan.map((n) => n["Node Type"])
  expect(types).not.toContain("Materialize")
  expect(types.filter((t) => /Join|Nested Loop/.test(t))).toEqual([])
  const probe = plan.filter(
    (n) =>
      n["Parent Relationship"] === "SubPlan" &&
      /catalogue_body/i.test(n["Relation Name"] ?? n["Index Name"] ?? "")
  )
  expect(probe.length).toBe(1)
}

describe("the warmer's search for missing bodies", () => {
  it("probes each product's body on the primary key with the real statistics", async () => {
    expectProbePerDocument(await planWith([]))
  })

  it("still probes per product with statistics from before a rebuild (a few hundred documents)", async () => {
    expectProbePerDocument(
      await planWith([
        `UPDATE pg_class SET reltuples = 400, relpages = 40, relallvisible = 0 WHERE oid = 'search_document'::regclass`,
        `DELETE FROM pg_statistic WHERE starelid = 'search_document'::regclass`,
        `DELETE FROM pg_statistic WHERE starelid = 'catalogue_body'::regclass`,
      ])
    )
  })
})
