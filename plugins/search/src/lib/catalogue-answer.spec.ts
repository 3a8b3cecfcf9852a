import { earliest, notFound, withoutKey } from "./catalogue-answer"

describe("catalogue answers", () => {
  it("withoutKey drops the publishable key and its channels", () => {
    expect(
      withoutKey({
        customerId: "cus_1",
        forward: { "x-publishable-api-key": "pk_1", cookie: "c" },
        keyChannelIds: ["sc_1"],
      })
    ).toEqual({ customerId: "cus_1", forward: { cookie: "c" } })
  })

  it("earliest is the first expiry, or none", () => {
    expect(earliest([null, null])).toBeUndefined()
    expect(
      earliest([null, "2030-01-02T00:00:00Z", "2030-01-01T00:00:00Z"])
    ).toBe(Date.parse("2030-01-01T00:00:00Z"))
  })

  it("notFound is core's 404 body", () => {
    expect(notFound("prod_1")).toEqual({
      status: 404,
      body: '{"type":"not_found","message":"Product with id: prod_1 was not found"}',
      productIds: [],
    })
  })
})
