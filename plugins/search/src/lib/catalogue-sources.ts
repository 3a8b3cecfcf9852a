/**
 * The tables a rendered catalogue body is made of, and how a change in one reaches the queue
 * (`search_dirty`): shared by the migration and the loader that installs the triggers on tables
 * created after it (the fitment plugin's).
 */
import { FITMENT_LIST_SOURCES } from "./fitment-sources"

/** Product ids of variants in ROWS (by variant_id). */
const VIA_VARIANT = `SELECT v.product_id FROM ROWS r JOIN product_variant v ON v.id = r.variant_id`

/**
 * Tables a rendered product body is made of, beyond those the search document already hears
 * (product, variant, categories, channels, tags, fitment, brand): [table, "via" | "marker", argument].
 */
export const CATALOGUE_SOURCES: [string, "via" | "marker", string][] = [
  [
    "money_amount",
    "via",
    `SELECT v.product_id FROM ROWS r JOIN product_variant_money_amount pvma ON pvma.money_amount_id = r.id
       JOIN product_variant v ON v.id = pvma.variant_id`,
  ],
  ["product_variant_money_amount", "via", VIA_VARIANT],
  [
    "price_list",
    "via",
    `SELECT v.product_id FROM ROWS r JOIN money_amount ma ON ma.price_list_id = r.id
       JOIN product_variant_money_amount pvma ON pvma.money_amount_id = ma.id
       JOIN product_variant v ON v.id = pvma.variant_id`,
  ],
  [
    "price_list_customer_groups",
    "via",
    `SELECT v.product_id FROM ROWS r JOIN money_amount ma ON ma.price_list_id = r.price_list_id
       JOIN product_variant_money_amount pvma ON pvma.money_amount_id = ma.id
       JOIN product_variant v ON v.id = pvma.variant_id`,
  ],
  ["product_images", "via", `SELECT r.product_id FROM ROWS r`],
  [
    "image",
    "via",
    `SELECT pi.product_id FROM ROWS r JOIN product_images pi ON pi.image_id = r.id`,
  ],
  ["product_option", "via", `SELECT r.product_id FROM ROWS r`],
  ["product_option_value", "via", VIA_VARIANT],
  [
    "product_collection",
    "via",
    `SELECT p.id FROM ROWS r JOIN product p ON p.collection_id = r.id`,
  ],
  [
    "product_type",
    "via",
    `SELECT p.id FROM ROWS r JOIN product p ON p.type_id = r.id`,
  ],
  [
    "product_tag",
    "via",
    `SELECT pt.product_id FROM ROWS r JOIN product_tags pt ON pt.product_tag_id = r.id`,
  ],
  ["product_shipping_profile", "via", `SELECT r.product_id FROM ROWS r`],
  ["product_tax_rate", "via", `SELECT r.product_id FROM ROWS r`],
  ["shipping_profile", "marker", "*all"],
  ["region", "marker", "*all"],
  ["tax_rate", "marker", "*all"],
  ["product_type_tax_rate", "marker", "*all"],
  ...FITMENT_LIST_SOURCES.map((table): [string, "marker", string] => [
    table,
    "marker",
    "*lists",
  ]),
  ["product_category", "marker", "*lists"],
  ["sales_channel", "marker", "*lists"],
  ["publishable_api_key_sales_channel", "marker", "*lists"],
  ["store", "marker", "*lists"],
]
