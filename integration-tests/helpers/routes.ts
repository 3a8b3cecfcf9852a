import fs from "fs"
import path from "path"
import { testEnv } from "./env"

const ROOT = path.resolve(__dirname, "..", "..")
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

/** One custom file route: `path` keeps Medusa's `:param` segments (`/admin/brands/:id`). */
export type CustomRoute = {
  method: Method
  path: string
  params: string[]
  file: string
  owner: string
}

function routeFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) {
    return out
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      routeFiles(full, out)
    } else if (entry.name === "route.ts") {
      out.push(full)
    }
  }
  return out
}

/**
 * Every custom route, read from the route files themselves (`plugins/*\/src/api/**\/route.ts` and
 * `src/api/**\/route.ts`, the exported GET/POST/PUT/PATCH/DELETE handlers), so a new route is covered by
 * every test that uses this list without editing it. `owner` is the plugin name, or "project".
 */
export function customRoutes(
  filter: { owner?: string; scope?: "admin" | "store" } = {}
): CustomRoute[] {
  const apiDirs = [
    ...fs.readdirSync(path.join(ROOT, "plugins")).map((p) => ({
      owner: p,
      dir: path.join(ROOT, "plugins", p, "src", "api"),
    })),
    { owner: "project", dir: path.join(ROOT, "src", "api") },
  ]
  const out: CustomRoute[] = []
  for (const { owner, dir } of apiDirs) {
    if (filter.owner && filter.owner !== owner) {
      continue
    }
    for (const file of routeFiles(dir).sort()) {
      const segments = path.relative(dir, path.dirname(file)).split(path.sep)
      const params = segments
        .filter((s) => /^\[.+\]$/.test(s))
        .map((s) => s.slice(1, -1))
      const urlPath =
        "/" +
        segments
          .map((s) => (/^\[.+\]$/.test(s) ? `:${s.slice(1, -1)}` : s))
          .join("/")
      const source = fs.readFileSync(file, "utf8")
      for (const m of source.matchAll(
        /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g
      )) {
        out.push({
          method: m[1] as Method,
          path: urlPath,
          params,
          file: path.relative(ROOT, file),
          owner,
        })
      }
    }
  }
  return out.filter(
    (r) => !filter.scope || r.path.startsWith(`/${filter.scope}/`)
  )
}

/** The route's URL with each `:param` replaced (by default with an id that does not exist). */
export function routeUrl(
  route: CustomRoute,
  fill: (param: string) => string = () => "bogus_id_000"
): string {
  return route.path.replace(/:([A-Za-z_]+)/g, (_, name) =>
    encodeURIComponent(fill(name))
  )
}

/**
 * Calls every route with `headers` instead of the admin's credentials (none, or a wrong token; a JSON `{}` body for
 * writes) and returns those that did NOT answer 401, as "METHOD /path → status": the expected result is an empty list.
 */
export async function routesAnsweringWithout(
  routes: CustomRoute[],
  headers: Record<string, string>
): Promise<string[]> {
  const wrong: string[] = []
  for (const r of routes) {
    const write = r.method !== "GET" && r.method !== "DELETE"
    const res = await fetch(`${testEnv().baseUrl}${routeUrl(r)}`, {
      method: r.method,
      headers: write
        ? { ...headers, "content-type": "application/json" }
        : headers,
      body: write ? "{}" : undefined,
    })
    await res.arrayBuffer()
    if (res.status !== 401) {
      wrong.push(`${r.method} ${r.path} → ${res.status}`)
    }
  }
  return wrong
}
