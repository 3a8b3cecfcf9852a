import { actorId } from "./actor"

describe("actorId", () => {
  it("reads the session user (userId) or the token user (id)", () => {
    expect(actorId({ user: { userId: "usr_1" } })).toBe("usr_1")
    expect(actorId({ user: { id: "usr_2" } })).toBe("usr_2")
    expect(actorId({ user: { userId: "usr_1", id: "usr_2" } })).toBe("usr_1")
  })

  it("is null without a user", () => {
    expect(actorId({})).toBeNull()
    expect(actorId({ user: {} })).toBeNull()
    expect(actorId(undefined)).toBeNull()
  })
})
