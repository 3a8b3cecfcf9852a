/** What `download` needs of an Express / Medusa response. */
export interface DownloadAnswer {
  status(code: number): unknown
  setHeader(name: string, value: string): unknown
}

export interface DownloadOptions {
  /** The file name offered to the browser, as is (callers keep quotes and line breaks out of it). */
  filename: string
  /** The Content-Type (default `text/csv; charset=utf-8`). */
  type?: string
  /** `Cache-Control: no-store`: the file reflects the data of the moment (default false). */
  noStore?: boolean
}

/** The headers of a file download (200, `Content-Disposition: attachment`), set before the body is written. */
export function download(
  res: DownloadAnswer,
  {
    filename,
    type = "text/csv; charset=utf-8",
    noStore = false,
  }: DownloadOptions
): void {
  res.status(200)
  res.setHeader("Content-Type", type)
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`)
  if (noStore) {
    res.setHeader("Cache-Control", "no-store")
  }
}
