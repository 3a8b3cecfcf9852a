import { redact, redactValue, registerSecrets, secretsFromEnv } from "./redact"

describe("redact", () => {
  it("masks bearer tokens, passwords, keys in URLs, session cookies and URL credentials", () => {
    const out = redact(
      "authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiMSJ9.c2lnbmF0dXJlc2lnbg password=hunter2-secret " +
        "GET https://places.googleapis.com/v1/places:searchText?key=AIzaSyA-1234567890abcdefghijklmnop&x=1 " +
        "cookie: connect.sid=s%3Aabc.def; postgres://shop:dbpass123@db:5432/shabou"
    )
    expect(out).not.toMatch(
      /eyJhbGci|hunter2|AIzaSyA-1234567890|abc\.def|dbpass123/
    )
    expect(out).toContain("[redacted]")
    expect(out).toContain("postgres://shop:[redacted]@db:5432/shabou")
  })

  it("masks configured secrets wherever they appear", () => {
    registerSecrets(["plain-configured-value-42", "abc"])
    expect(redact("failed with plain-configured-value-42 inside")).toBe(
      "failed with [redacted] inside"
    )
    expect(redact("abc stays: too short to be a secret")).toBe(
      "abc stays: too short to be a secret"
    )
  })

  it("reads secret-looking variables from the environment", () => {
    expect(
      secretsFromEnv({
        GOOGLE_PLACES_API_KEY: "k-123456",
        JWT_SECRET: "j-123456",
        PORT: "9000",
        METRICS_TOKEN: "m-123456",
      }).sort()
    ).toEqual(["j-123456", "k-123456", "m-123456"])
  })
})

describe("redactValue", () => {
  it("masks fields by name, deeply, and redacts strings", () => {
    expect(
      redactValue({
        email: "a@b.tn",
        password: "x",
        nested: { Authorization: "Bearer y", list: ["token=zzz12345"] },
        cookie: "",
      })
    ).toEqual({
      email: "a@b.tn",
      password: "[redacted]",
      nested: { Authorization: "[redacted]", list: ["token=[redacted]"] },
      cookie: "",
    })
  })
})
