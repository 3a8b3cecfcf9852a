const { assertProductionSecrets, secretProblem } = require("./secrets")

const strong = "f".repeat(16) + "0123456789abcdef"

describe("production secrets", () => {
  it("names what is wrong with a secret", () => {
    expect(secretProblem("JWT_SECRET", undefined)).toBe("JWT_SECRET is not set")
    expect(secretProblem("JWT_SECRET", "")).toBe("JWT_SECRET is not set")
    expect(secretProblem("JWT_SECRET", "supersecret")).toBe(
      'JWT_SECRET is a documented default ("supersecret")'
    )
    expect(secretProblem("COOKIE_SECRET", "change-me-cookie")).toBe(
      'COOKIE_SECRET is a documented default ("change-me-cookie")'
    )
    expect(secretProblem("COOKIE_SECRET", "x".repeat(31))).toBe(
      "COOKIE_SECRET is shorter than 32 characters (31)"
    )
    expect(secretProblem("COOKIE_SECRET", strong)).toBeNull()
  })

  it("only applies in production, and lists every problem in one message", () => {
    expect(() =>
      assertProductionSecrets({ NODE_ENV: "development" })
    ).not.toThrow()
    expect(() =>
      assertProductionSecrets({
        NODE_ENV: "production",
        JWT_SECRET: strong,
        COOKIE_SECRET: strong,
      })
    ).not.toThrow()
    expect(() =>
      assertProductionSecrets({
        NODE_ENV: "production",
        JWT_SECRET: "supersecret",
      })
    ).toThrow(
      /^refusing to start in production: JWT_SECRET is a documented default \("supersecret"\); COOKIE_SECRET is not set\. /
    )
  })
})
