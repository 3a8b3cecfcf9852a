import { Button, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
// the run as the server types it (a type only: nothing of the server is bundled)
import type {
  OrionForecastRun,
  OrionRunProgress,
} from "../../../plugins/orion/src/models/orion-forecast-run"
import { AdminApiError, adminFetch } from "../lib/api"
import type { Jsonified } from "../lib/api"
import { formatDate, formatNumber } from "../lib/format"

/** A forecast run of GET /admin/orion/runs: the model's columns the progress line reads. */
export type ForecastRun = Jsonified<
  OrionRunProgress & Pick<OrionForecastRun, "error">
>

/** "forecasting 120/300 variants" → plain French. */
export function runStageText(stage: string | null): string {
  if (!stage) {
    return ""
  }
  const m =
    /forecasting (\d+)\/(\d+)/.exec(stage) ??
    /forecasting (\d+) variants/.exec(stage)
  if (m) {
    return m[2]
      ? `calcul des prévisions : ${m[1]} pièces sur ${m[2]}`
      : `calcul des prévisions de ${m[1]} pièces`
  }
  const known: Record<string, string> = {
    queued: "en attente",
    "loading history": "lecture des ventes",
    "storing forecasts": "enregistrement des prévisions",
    "alerts and insights": "mise à jour des alertes",
    done: "terminé",
  }
  return known[stage] ?? stage
}

/**
 * "Lancer une prévision": starts a forecast run (POST /admin/orion/runs), then follows it
 * (GET /admin/orion/runs/:id every second) with a progress bar; `onFinished` when it ends.
 */
export const ReassortRunProgress = ({
  onFinished,
}: {
  onFinished: () => void
}) => {
  const [run, setRun] = useState<ForecastRun | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)

  // the latest run, to show a run already going when the page opens
  useEffect(() => {
    adminFetch<{ runs: ForecastRun[] }>("/orion/runs", { query: { limit: 1 } })
      .then((r) => setRun(r.runs[0] ?? null))
      .catch(() => undefined)
  }, [])

  useEffect(() => {
    if (!run || run.status !== "running") {
      return
    }
    const timer = setTimeout(() => {
      adminFetch<{ run: ForecastRun }>(`/orion/runs/${run.id}`)
        .then((r) => {
          setRun(r.run)
          if (r.run.status !== "running") {
            onFinished()
          }
        })
        .catch((e) => setMessage((e as Error).message))
    }, 1000)
    return () => clearTimeout(timer)
    // polls once per run state; the parent's callback is read when the run ends
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run])

  const start = async () => {
    setStarting(true)
    setMessage(null)
    try {
      const r = await adminFetch<{ run: ForecastRun }>("/orion/runs", {
        method: "POST",
        body: {},
      })
      setRun(r.run)
    } catch (e) {
      if (e instanceof AdminApiError && e.status === 409) {
        setMessage(
          "Une prévision est déjà en cours : sa progression s'affiche ci-dessous."
        )
        const r = await adminFetch<{ runs: ForecastRun[] }>("/orion/runs", {
          query: { limit: 1 },
        })
        setRun(r.runs[0] ?? null)
      } else {
        setMessage(`La prévision n'a pas pu démarrer : ${(e as Error).message}`)
      }
    } finally {
      setStarting(false)
    }
  }

  const running = run?.status === "running"
  return (
    <div className="flex flex-col gap-y-2" data-testid="forecast-run">
      <div className="flex items-center gap-x-3">
        <Button
          variant="secondary"
          size="small"
          onClick={start}
          disabled={starting || running}
          isLoading={starting}
        >
          Lancer une prévision
        </Button>
        {run ? (
          <Text
            size="small"
            className="text-ui-fg-subtle"
            data-testid="forecast-run-status"
          >
            {running
              ? `Prévision en cours : ${Math.round(run.progress * 100)} % — ${runStageText(run.stage)}`
              : run.status === "succeeded"
                ? `Dernière prévision terminée le ${formatDate(run.finished_at, true)}${run.variant_count !== null ? ` (${formatNumber(run.variant_count)} pièces)` : ""}`
                : `La dernière prévision a échoué le ${formatDate(run.finished_at, true)}`}
          </Text>
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            Aucune prévision lancée pour l'instant.
          </Text>
        )}
      </div>
      {running ? (
        <div
          className="h-2 w-full rounded bg-ui-bg-subtle overflow-hidden"
          role="progressbar"
          aria-valuenow={Math.round(run.progress * 100)}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          <div
            className="h-full bg-ui-fg-interactive transition-all"
            style={{ width: `${Math.round(run.progress * 100)}%` }}
          />
        </div>
      ) : null}
      {message ? (
        <Text size="small" className="text-ui-fg-error">
          {message}
        </Text>
      ) : null}
    </div>
  )
}
