/**
 * What the fuzz test sends: fast-check generators of bad query strings and JSON bodies (field names the
 * routes read, hostile strings, nested values), and the real demo ids to put in `:param` segments.
 */
import fc from "fast-check"

export const FIELD_NAMES = [
  "id",
  "name",
  "handle",
  "title",
  "q",
  "limit",
  "offset",
  "order",
  "sort",
  "expand",
  "fields",
  "status",
  "type",
  "vehicle_id",
  "vehicle_ids",
  "make_id",
  "model_id",
  "brand_id",
  "product_id",
  "variant_id",
  "page_ids",
  "year",
  "year_from",
  "year_to",
  "engine_code",
  "fuel",
  "ktype",
  "number",
  "vin",
  "url",
  "price",
  "amount",
  "metadata",
  "is_universal",
  "dry_run",
  "from",
  "to",
  "horizon",
  "period",
  "email",
  "note",
  "position",
  "quantity",
  "source",
  "target",
  "keep_id",
  "merge_ids",
  "selector",
  "active",
  "category",
  "sku",
  "trigger",
  "$gt",
  "__proto__",
]

export const nasty = fc.constantFrom(
  "",
  " ",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "null",
  "undefined",
  "true",
  "[object Object]",
  "' OR '1'='1",
  "--",
  "%",
  "%00",
  "\u0000",
  "../../etc/passwd",
  "😀",
  "مرحبا",
  "é".repeat(3),
  "x".repeat(3000),
  "2024-02-30",
  "9999999999999999999999",
  "0x10",
  "1.5",
  "prod_",
  "veh_nope",
  "<script>alert(1)</script>",
  "a,b,,c",
  '{"a":1}'
)
export const textValue = fc.oneof(
  nasty,
  fc.string({ maxLength: 40 }),
  fc.integer().map(String)
)

export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    nasty,
    fc.string({ maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant({ $gt: "" }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), tie("value"), { maxKeys: 4 })
  ),
})).value

/** A query string: known and random keys, nasty values, repeats (`x=a&x=b`), lists (`x[]=`), nesting (`x[k]=`). */
export const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...FIELD_NAMES),
        fc.stringMatching(/^[a-z_]{1,12}$/)
      ),
      fc.constantFrom("", "[]", "[0]", "[1]", "[k]", "[0][k]"),
      textValue
    ),
    { maxLength: 5 }
  )
  .map((pairs) =>
    pairs
      .map(
        ([k, suffix, v]) =>
          `${encodeURIComponent(k)}${suffix}=${encodeURIComponent(v)}`
      )
      .join("&")
  )

/** A request body as sent on the wire: malformed JSON, JSON that is not an object, or an object of bad fields. */
export const refusedBody = fc.oneof(
  fc.constantFrom(
    '{"name": "Bosch",',
    "{",
    "[",
    "nul",
    '{"a":1}}',
    "'single'",
    "{name: 1}",
    '"text"',
    "123",
    "[]",
    "null",
    "true",
    "[1,2]"
  ),
  fc.array(jsonValue, { maxLength: 3 }).map((a) => JSON.stringify(a))
)
export const anyBody = fc.oneof(
  { weight: 1, arbitrary: refusedBody },
  {
    weight: 4,
    arbitrary: fc
      .dictionary(fc.constantFrom(...FIELD_NAMES), jsonValue, { maxKeys: 5 })
      .map((o) => JSON.stringify(o)),
  }
)

/** Real ids for GET routes (demo data), by route path. */
export const REAL_IDS: Array<[RegExp, string]> = [
  [
    /^\/admin\/products\/:id\/fitment\/:link_id$/,
    `SELECT product_id AS id, id AS link_id FROM fitment ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/products\/:id\/part-numbers\/:number_id$/,
    `SELECT product_id AS id, id AS number_id FROM part_number ORDER BY id LIMIT 1`,
  ],
  [
    /^\/(admin|store)\/products\/:id\//,
    `SELECT id FROM product WHERE status = 'published' AND deleted_at IS NULL ORDER BY id LIMIT 1`,
  ],
  [/^\/admin\/brands\/:id$/, `SELECT id FROM brand ORDER BY id LIMIT 1`],
  [
    /^\/store\/brands\/:handle$/,
    `SELECT handle FROM brand ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/vehicles\/makes\/:id$/,
    `SELECT id FROM vehicle_make ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/vehicles\/models\/:id$/,
    `SELECT id FROM vehicle_model ORDER BY id LIMIT 1`,
  ],
  [
    /^\/(admin|store)\/vehicles\/:id$/,
    `SELECT id FROM vehicle ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/fitment\/imports\/:id/,
    `SELECT id FROM fitment_import ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/prospector\/leads\/:id$/,
    `SELECT id FROM prospector_lead ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/prospector\/watched-pages\/:id$/,
    `SELECT id FROM prospector_watched_page ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/prospector\/reports\/:id$/,
    `SELECT id FROM prospector_report ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/prospector\/runs\/:id$/,
    `SELECT id FROM prospector_run ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/prospector\/alerts\/:id$/,
    `SELECT id FROM prospector_price_alert ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/orion\/runs\/:id$/,
    `SELECT id FROM orion_forecast_run ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/orion\/alerts\/:id\//,
    `SELECT id FROM orion_alert ORDER BY id LIMIT 1`,
  ],
  [
    /^\/admin\/orion\/settings\/:id$/,
    `SELECT id FROM orion_restock_setting ORDER BY id LIMIT 1`,
  ],
]
