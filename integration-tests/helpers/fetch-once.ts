/**
 * Node's fetch reuses keep-alive sockets; after a long idle spell (a CLI run, a 20k-row import) the server may
 * have closed one just as it is reused, and the request fails with EPIPE/ECONNRESET before reaching the
 * server. Such a request is sent again once; any answer from the server (errors included) is returned as is.
 */
export async function fetchOnce(
  url: string,
  init?: RequestInit
): Promise<Response> {
  try {
    return await fetch(url, init)
  } catch (e) {
    if (closedSocket(e)) {
      return await fetch(url, init)
    }
    throw e
  }
}

/** Did this fetch fail on a socket the server had closed (the request never reached it)? */
function closedSocket(e: unknown): boolean {
  const code = (e as { cause?: { code?: string } }).cause?.code
  return !!code && ["EPIPE", "ECONNRESET", "UND_ERR_SOCKET"].includes(code)
}
