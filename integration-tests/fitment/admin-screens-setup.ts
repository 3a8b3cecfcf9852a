/**
 * Shared by the fitment screens tests (admin-screens.test.ts): the Ecranmake vehicles and the products linked to
 * them, and a background import polled to its end.
 */
import { adminCall } from "../helpers/http"
import { sleep } from "../helpers/poll"
import { admin, createProduct, importVehicles, link } from "./helpers"

/** Posts a background import and polls GET /admin/fitment/imports/:id until it is no longer running. */
export async function backgroundImport(
  type: "vehicles" | "fitments",
  csv: string,
  flags: { dry_run?: boolean; skip_invalid?: boolean } = {}
) {
  const form = new FormData()
  form.append("type", type)
  form.append("background", "true")
  if (flags.dry_run) form.append("dry_run", "true")
  if (flags.skip_invalid) form.append("skip_invalid", "true")
  form.append("file", new Blob([csv], { type: "text/csv" }), `${type}-bg.csv`)
  const res = await adminCall("POST", "/admin/fitment/imports", undefined, {
    form,
  })
  expect(res.status).toBe(202)
  const started = res.body.import
  expect(started).toMatchObject({
    status: "running",
    type,
    file_name: `${type}-bg.csv`,
    progress: { stage: "queued", percent: 0 },
  })
  const seen: number[] = []
  for (let i = 0; i < 600; i++) {
    const poll = await admin("GET", `/admin/fitment/imports/${started.id}`)
    expect(poll.status).toBe(200)
    seen.push(poll.body.import.progress?.percent ?? 100)
    if (poll.body.import.status !== "running") {
      return { id: started.id as string, job: poll.body.import, seen }
    }
    await sleep(100)
  }
  throw new Error(`import ${started.id} still running`)
}

/**
 * Imports the Ecranmake vehicles (Sigma 1.4 and its double 1.4 i, Sigma 1.6, Tau 1.2 and 1.5, Ypsilon 1.0) into
 * `v` by "model engine", creates a disc, a pad and a filter into `p`, and links them to Sigma and Tau.
 */
export async function createScreenCatalogue(
  p: Record<string, string>,
  v: Record<string, string>
): Promise<void> {
  const { vehicles } = await importVehicles("Ecranmake", [
    "Ecranmake,Sigma,2010,2015,1.4,ES14",
    "Ecranmake,Sigma,2010,2015,1.4 i,ES14",
    "Ecranmake,Sigma,2016,,1.6,ES16",
    "Ecranmake,Tau,2012,2017,1.2,ET12",
    "Ecranmake,Tau,2018,,1.5,ET15",
    "Ecranmake,Ypsilon,2019,,1.0,EY10",
  ])
  for (const r of vehicles) v[`${r.model} ${r.engine}`] = r.id
  expect(Object.keys(v).sort()).toEqual([
    "Sigma 1.4",
    "Sigma 1.4 i",
    "Sigma 1.6",
    "Tau 1.2",
    "Tau 1.5",
    "Ypsilon 1.0",
  ])
  p.disc = await createProduct("Disque Ecran", "ecran-disque", "ECR-DISC")
  p.pad = await createProduct("Plaquette Ecran", "ecran-plaquette", "ECR-PAD")
  p.filter = await createProduct("Filtre Ecran", "ecran-filtre", "ECR-FLT")
  await link(p.disc, {
    vehicle_id: v["Sigma 1.4"],
    position: "front",
    quantity: 2,
  })
  await link(p.pad, {
    vehicle_id: v["Sigma 1.4"],
    position: "front",
    quantity: 4,
  })
  await link(p.filter, { vehicle_id: v["Sigma 1.4"] })
  await link(p.disc, {
    vehicle_id: v["Sigma 1.4 i"],
    position: "front",
    quantity: 2,
    note_fr: "Doublon",
  })
  await link(p.pad, {
    vehicle_id: v["Sigma 1.4 i"],
    position: "rear",
    quantity: 4,
  })
  await link(p.filter, { vehicle_id: v["Tau 1.2"] })
}
