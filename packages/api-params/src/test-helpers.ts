import { MedusaError } from "@medusajs/utils"

/** Runs `fn` and returns the MedusaError it throws (fails the test when it returns or throws something else). */
export function caught(fn: () => unknown): MedusaError {
  try {
    fn()
  } catch (e) {
    // not toBeInstanceOf: @medusajs/utils is compiled to ES5, where a subclass of Error is a plain Error
    expect(e).toBeInstanceOf(Error)
    expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    return e as MedusaError
  }
  throw new Error("expected an INVALID_DATA MedusaError, nothing was thrown")
}
