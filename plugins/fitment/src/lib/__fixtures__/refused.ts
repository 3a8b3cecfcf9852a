import { MedusaError } from "@medusajs/utils"

/** The error `fn` throws (a MedusaError where the code refuses a request); fails the test when it throws none. */
export function refused(fn: () => unknown): MedusaError {
  try {
    fn()
  } catch (e) {
    return e as MedusaError
  }
  throw new Error("expected an error")
}
