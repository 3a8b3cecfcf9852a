import { normalisePath, routePattern } from "./route-pattern"

describe("normalisePath", () => {
  it("replaces Medusa ids, UUIDs, numbers and long tokens, keeps words", () => {
    expect(
      normalisePath(
        "/admin/products/prod_01HQZX5Y8K2M3N4P5Q6R7S8T9V/variants/variant_01HQZX5Y8K2M3N4P5Q6R7S8T9W"
      )
    ).toBe("/admin/products/:id/variants/:id")
    expect(
      normalisePath("/store/orders/3fa85f64-5717-4562-b3fc-2c963f66afa6?x=1")
    ).toBe("/store/orders/:id")
    expect(normalisePath("/admin/fitment/vehicles/1234")).toBe(
      "/admin/fitment/vehicles/:id"
    )
    expect(normalisePath("/store/products/brake-pads-front")).toBe(
      "/store/products/brake-pads-front"
    )
    expect(
      normalisePath("/admin/orion/runs/orun_01J0AAAAAAAAAAAAAAAAAAAAAA/")
    ).toBe("/admin/orion/runs/:id")
    expect(normalisePath("/")).toBe("/")
  })

  it("treats undecodable segments as ids", () => {
    expect(normalisePath("/store/products/%E0%A4%A")).toBe(
      "/store/products/:id"
    )
  })
})

describe("routePattern", () => {
  it("uses the matched Express route under its router's base", () => {
    expect(
      routePattern({
        route: { path: "/products/:id" },
        baseUrl: "/admin",
        originalUrl: "/admin/products/prod_1234567890",
      })
    ).toBe("/admin/products/:id")
    expect(
      routePattern({
        route: { path: "/" },
        baseUrl: "/store/products",
        originalUrl: "/store/products?limit=2",
      })
    ).toBe("/store/products")
    // an error unwound the routers (baseUrl restored): the normalised path instead
    expect(
      routePattern({
        route: { path: "/:user_id" },
        baseUrl: "",
        originalUrl: "/admin/users/usr_01HQZX5Y8K2M3N4P5Q6R7S8T9V",
      })
    ).toBe("/admin/users/:id")
    expect(
      routePattern({
        route: { path: "/" },
        baseUrl: "",
        originalUrl: "/store/products?limit=x",
      })
    ).toBe("/store/products")
  })

  it("falls back to the normalised path, one label for unknown paths and static files", () => {
    expect(routePattern({ originalUrl: "/health" })).toBe("/health")
    expect(
      routePattern({ originalUrl: "/wp-login.php" }, { unmatched: true })
    ).toBe("unmatched")
    expect(
      routePattern(
        { route: { path: "/x" }, originalUrl: "/x" },
        { unmatched: true }
      )
    ).toBe("unmatched")
    expect(routePattern({ originalUrl: "/app/assets/index-abc123.js" })).toBe(
      "/app/assets/*"
    )
    expect(
      routePattern({
        originalUrl: "/app/a/orders/order_01HQZX5Y8K2M3N4P5Q6R7S8T9V",
      })
    ).toBe("/app/*")
    expect(
      routePattern({
        originalUrl: "/store/products/prod_01HQZX5Y8K2M3N4P5Q6R7S8T9V",
      })
    ).toBe("/store/products/:id")
    // a 404 of a real route keeps its label
    expect(
      routePattern({
        originalUrl: "/store/products/prod_doesnotexist0000000000",
      })
    ).toBe("/store/products/:id")
  })
})
