import net from "net"

/**
 * A TCP forwarder to a real service (Redis, PostgreSQL) that a test can cut and restore, to see how
 * the server behaves when that service goes away: close() drops every connection and stops listening,
 * open() listens again on the same port.
 */
export interface TcpProxy {
  port: number
  url(scheme: string, path?: string): string
  close(): Promise<void>
  open(): Promise<void>
}

export async function startTcpProxy(target: {
  host: string
  port: number
}): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  let server: net.Server | null = null
  let port = 0
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host)
        sockets.add(client)
        sockets.add(upstream)
        const drop = () => {
          client.destroy()
          upstream.destroy()
          sockets.delete(client)
          sockets.delete(upstream)
        }
        client.on("error", drop).on("close", drop)
        upstream.on("error", drop).on("close", drop)
        client.pipe(upstream)
        upstream.pipe(client)
      })
      server.once("error", reject)
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port
        resolve()
      })
    })
  await listen()
  return {
    get port() {
      return port
    },
    url: (scheme, path = "") => `${scheme}://127.0.0.1:${port}${path}`,
    async close() {
      for (const s of sockets) {
        s.destroy()
      }
      sockets.clear()
      if (server) {
        const s = server
        server = null
        await new Promise<void>((resolve) => s.close(() => resolve()))
      }
    },
    async open() {
      if (!server) {
        await listen()
      }
    },
  }
}
