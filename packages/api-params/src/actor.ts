/** The id of the admin user behind a request (session or API token), for audit rows; null when anonymous. */
export function actorId(req: unknown): string | null {
  const user = (
    req as { user?: { userId?: string; id?: string } } | null | undefined
  )?.user
  return user?.userId ?? user?.id ?? null
}
