import { download } from "./download"

function answer() {
  const headers: Record<string, string> = {}
  const res = {
    code: 0,
    status(code: number) {
      res.code = code
      return res
    },
    setHeader(name: string, value: string) {
      headers[name] = value
      return res
    },
  }
  return { res, headers }
}

describe("download", () => {
  it("answers 200 with a CSV attachment by default, cacheable", () => {
    const { res, headers } = answer()
    download(res, { filename: "prospects-2026-12-03.csv" })
    expect(res.code).toBe(200)
    expect(headers).toEqual({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="prospects-2026-12-03.csv"',
    })
  })

  it("sets Cache-Control no-store when asked", () => {
    const { res, headers } = answer()
    download(res, { filename: "reassort.csv", noStore: true })
    expect(headers["Cache-Control"]).toBe("no-store")
  })

  it("takes another content type (an HTML report)", () => {
    const { res, headers } = answer()
    download(res, {
      filename: "rapport.html",
      type: "text/html; charset=utf-8",
    })
    expect(headers["Content-Type"]).toBe("text/html; charset=utf-8")
    expect(headers["Content-Disposition"]).toBe(
      'attachment; filename="rapport.html"'
    )
  })
})
