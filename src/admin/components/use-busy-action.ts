import { useCallback, useState } from "react"

import { errorMessage } from "./ui"

/**
 * A widget's write, one at a time: `busy` while it runs, the previous error cleared, a failure shown
 * through `describe` (the API's message by default). `setError` is there for the widget's own checks
 * and reads.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(
    async (
      action: () => Promise<void>,
      describe: (e: unknown) => string = errorMessage
    ) => {
      setBusy(true)
      setError(null)
      try {
        await action()
      } catch (e) {
        setError(describe(e))
      } finally {
        setBusy(false)
      }
    },
    []
  )
  return { busy, error, setError, run }
}
