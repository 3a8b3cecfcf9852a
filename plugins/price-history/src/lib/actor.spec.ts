import { describeRequest } from "./actor"
import {
  changeContextStatement,
  currentChangeContext,
  runWithChangeContext,
} from "./change-context"

describe("describeRequest", () => {
  it.each([
    [
      "POST",
      "/admin/products/prod_1/variants/v_1",
      { userId: "usr_1" },
      "admin",
      "usr_1",
    ],
    ["POST", "/admin/products/prod_1", { userId: "usr_2" }, "admin", "usr_2"],
    [
      "POST",
      "/admin/price-lists/pl_1/prices/batch",
      { userId: "usr_1" },
      "price_list",
      "usr_1",
    ],
    [
      "DELETE",
      "/admin/price-lists/pl_1",
      { userId: "usr_1" },
      "price_list",
      "usr_1",
    ],
    [
      "POST",
      "/admin/products/prod_1",
      { id: "usr_3", email: "bot@x.tn" },
      "api",
      "usr_3",
    ],
    ["POST", "/store/carts", undefined, "api", null],
    ["POST", "/admin/price-listsX", { userId: "usr_1" }, "admin", "usr_1"],
  ])("%s %s → %s", (method, path, user, source, actor) => {
    const ctx = describeRequest({ method, path, user })
    expect(ctx.source).toBe(source)
    expect(ctx.actor).toBe(actor)
    expect(ctx.origin).toBe(`${method} ${path}`)
  })

  it("drops the query string from the origin", () => {
    expect(
      describeRequest({
        method: "get",
        path: "/admin/products?x=1",
        user: null,
      }).origin
    ).toBe("GET /admin/products")
  })
})

describe("change context", () => {
  it("is visible across awaits inside run, and not outside", async () => {
    expect(currentChangeContext()).toBeUndefined()
    const seen = await runWithChangeContext(
      { source: "import", actor: "usr_9", origin: null },
      async () => {
        await new Promise((r) => setTimeout(r, 5))
        return currentChangeContext()
      }
    )
    expect(seen).toEqual({ source: "import", actor: "usr_9", origin: null })
    expect(currentChangeContext()).toBeUndefined()
  })

  it("builds a transaction-local set_config statement", () => {
    const st = changeContextStatement({
      source: "admin",
      actor: null,
      origin: "x".repeat(900),
    })
    expect(st.text).toContain("set_config('shabou.price_source', $1, true)")
    expect(st.params[0]).toBe("admin")
    expect(st.params[1]).toBe("")
    expect(st.params[2]).toHaveLength(500)
  })
})
