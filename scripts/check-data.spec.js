const { spawnSync } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")

const DATA = path.join(__dirname, "..", "data")
const check = (dir) =>
  spawnSync(
    process.execPath,
    [path.join(__dirname, "check-data.js"), "--data", dir],
    { encoding: "utf8" }
  )

describe("demo data (data/)", () => {
  it("passes every check: unique SKUs and EANs, known brands and categories, resolvable fitments, counts", () => {
    const r = check(DATA)
    expect(r.stderr + r.stdout).toMatch(/^check-data: OK/m)
    expect(r.status).toBe(0)
  })

  it("reports a broken copy row by row and exits non-zero", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shabou-data-"))
    try {
      for (const f of fs.readdirSync(DATA)) {
        fs.copyFileSync(path.join(DATA, f), path.join(dir, f))
      }
      const products = JSON.parse(
        fs.readFileSync(path.join(dir, "products.json"), "utf8")
      )
      products[1].variants[0].sku = products[0].variants[0].sku
      products[2].brand = "no-such-brand"
      fs.writeFileSync(
        path.join(dir, "products.json"),
        JSON.stringify(products)
      )
      const r = check(dir)
      expect(r.status).not.toBe(0)
      const out = r.stderr + r.stdout
      expect(out).toMatch(/products\.json.*duplicate.*sku|sku.*duplicate/i)
      expect(out).toMatch(/no-such-brand/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
