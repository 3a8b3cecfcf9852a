import http from "http"

/**
 * A GET to this same server on a connection of its own, closed after the answer: no kept-alive
 * socket holds up the server's graceful shutdown.
 */
export function internalGet(
  url: string,
  headers: Record<string, string>
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString("utf8"),
        })
      )
      res.on("error", reject)
    })
    req.on("error", reject)
  })
}
