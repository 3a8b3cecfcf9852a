/**
 * The data the catalogue tests read, put on top of the demo catalogue through the admin API (SQL only to
 * pick existing rows): a sale price list, a customer-group price list and its logged-in customer, a draft
 * product, a second sales channel with its own publishable key and a product only there, a product with
 * several options, variants and images, a collection and a product type, and a cart in the Tunisia region.
 */
import { sql, storeClient, testEnv } from "../helpers/env"
import { admin } from "../fitment/helpers"
import { ok } from "./helpers"

export type Fixtures = {
  tag: string
  regionId: string
  cartId: string
  /** `cookie` header value of the logged-in group customer (medusa-js auth.authenticate) */
  customerCookie: string
  /** bearer token of the same customer (POST /store/auth/token) */
  customerToken: string
  groupId: string
  saleListId: string
  groupListId: string
  draft: { id: string; handle: string }
  elsewhere: { id: string; handle: string }
  rich: { id: string; handle: string; variantIds: string[] }
  defaultChannelId: string
  otherChannelId: string
  /** publishable key bound to the second channel only */
  otherKey: string
  /** publishable key bound to the default channel */
  defaultKey: string
  collectionId: string
  typeId: string
  /** published products of the default channel (id, handle), in id order */
  products: Array<{ id: string; handle: string }>
  /** a parent category (with children) and leaf categories that hold products */
  parentCategoryIds: string[]
  leafCategoryIds: string[]
  tagIds: string[]
  brandIds: string[]
  /** vehicles with many parts, and one with a few */
  vehicleIds: string[]
  makeIds: string[]
  modelIds: string[]
  saleVariantIds: string[]
  groupVariantIds: string[]
}

const DAY = 24 * 3600 * 1000

export async function createFixtures(): Promise<Fixtures> {
  const tag = `cat${Date.now().toString(36)}`
  const [{ id: regionId }] = await sql(
    `SELECT id FROM region WHERE currency_code = 'tnd' AND deleted_at IS NULL LIMIT 1`
  )
  const [{ default_sales_channel_id: defaultChannelId }] = await sql(
    `SELECT default_sales_channel_id FROM store LIMIT 1`
  )

  const products = await sql<{ id: string; handle: string }>(
    `SELECT p.id, p.handle FROM product p
      WHERE p.status = 'published' AND p.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM product_sales_channel s WHERE s.product_id = p.id AND s.sales_channel_id = $1)
      ORDER BY p.id`,
    [defaultChannelId]
  )
  // variants spread over the catalogue (every 7th), half on sale, a third for the customer group (overlapping)
  const variants = await sql<{ id: string; amount: number }>(
    `SELECT v.id, ma.amount FROM product_variant v
       JOIN product_variant_money_amount pvma ON pvma.variant_id = v.id AND pvma.deleted_at IS NULL
       JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.currency_code = 'tnd' AND ma.price_list_id IS NULL AND ma.region_id IS NULL
      WHERE v.deleted_at IS NULL ORDER BY v.id`
  )
  const spread = variants.filter((_, i) => i % 7 === 0)
  const sale = spread.filter((_, i) => i % 2 === 0)
  const group = spread.filter((_, i) => i % 3 === 0)

  const collection = ok(
    await admin("POST", "/admin/collections", {
      title: `Kits ${tag}`,
      handle: `kits-${tag}`,
    }),
    "collection"
  )
  const collectionId = collection.collection.id

  // the product with several options, variants and images, in the collection, with a type and tags
  const colours = ["Noir", "Gris"]
  const sizes = ["S", "M", "L"]
  const richVariants = colours.flatMap((c, ci) =>
    sizes.map((s, si) => ({
      title: `${c} / ${s}`,
      sku: `RICH-${tag}-${ci}${si}`,
      inventory_quantity: ci * 3 + si, // the first one is out of stock
      manage_inventory: true,
      allow_backorder: si === 2,
      prices: [
        { currency_code: "tnd", amount: 45000 + ci * 5000 + si * 1250 },
        ...(si === 1
          ? [{ region_id: regionId, amount: 43500 + ci * 5000 }]
          : []),
      ],
      options: [{ value: c }, { value: s }],
    }))
  )
  const richBody = ok(
    await admin("POST", "/admin/products", {
      title: `Housse de siège ${tag}`,
      subtitle: "Tissu renforcé",
      handle: `housse-${tag}`,
      description: "Housse de siège avant, plusieurs couleurs et tailles.",
      status: "published",
      collection_id: collectionId,
      type: { value: `Accessoire ${tag}` },
      tags: [{ value: "accessoire" }, { value: `t-${tag}` }],
      images: [
        `https://img.test.shabou.tn/${tag}/1.jpg`,
        `https://img.test.shabou.tn/${tag}/2.jpg`,
        `https://img.test.shabou.tn/${tag}/3.jpg`,
      ],
      thumbnail: `https://img.test.shabou.tn/${tag}/thumb.jpg`,
      weight: 900,
      options: [{ title: "Couleur" }, { title: "Taille" }],
      variants: richVariants,
      metadata: { mpn: `HS-${tag}` },
    }),
    "rich product"
  )
  const rich = {
    id: richBody.product.id as string,
    handle: richBody.product.handle as string,
    variantIds: (richBody.product.variants as any[]).map((v) => v.id as string),
  }
  const typeId = richBody.product.type_id as string
  // a few demo products join the collection, the type stays on the rich product only
  ok(
    await admin("POST", `/admin/collections/${collectionId}/products/batch`, {
      product_ids: products.filter((_, i) => i % 40 === 5).map((p) => p.id),
    }),
    "collection products"
  )

  const saleList = ok(
    await admin("POST", "/admin/price-lists", {
      name: `Soldes ${tag}`,
      description: "Soldes d'hiver",
      type: "sale",
      status: "active",
      starts_at: new Date(Date.now() - DAY).toISOString(),
      ends_at: new Date(Date.now() + 30 * DAY).toISOString(),
      prices: [
        ...sale.map((v, i) => ({
          variant_id: v.id,
          currency_code: "tnd",
          amount: Math.max(
            1000,
            Math.round((v.amount * (i % 2 ? 0.8 : 0.9)) / 10) * 10
          ),
        })),
        { variant_id: rich.variantIds[1], currency_code: "tnd", amount: 39900 },
        { variant_id: rich.variantIds[4], region_id: regionId, amount: 41000 },
      ],
    }),
    "sale price list"
  )
  // a sale that is over: core must ignore it, and so must the read model
  ok(
    await admin("POST", "/admin/price-lists", {
      name: `Soldes passées ${tag}`,
      description: "Terminées",
      type: "sale",
      status: "active",
      starts_at: new Date(Date.now() - 30 * DAY).toISOString(),
      ends_at: new Date(Date.now() - DAY).toISOString(),
      prices: sale
        .slice(0, 5)
        .map((v) => ({ variant_id: v.id, currency_code: "tnd", amount: 1000 })),
    }),
    "expired price list"
  )

  const groupBody = ok(
    await admin("POST", "/admin/customer-groups", { name: `Garages ${tag}` }),
    "customer group"
  )
  const groupId = groupBody.customer_group.id
  const email = `garage-${tag}@test.shabou.tn`
  const password = `pw-${tag}`
  const customer = ok(
    await admin("POST", "/admin/customers", {
      email,
      first_name: "Garage",
      last_name: "Ben Salah",
      password,
    }),
    "customer",
    201
  )
  ok(
    await admin("POST", `/admin/customer-groups/${groupId}/customers/batch`, {
      customer_ids: [{ id: customer.customer.id }],
    }),
    "group member"
  )
  const groupList = ok(
    await admin("POST", "/admin/price-lists", {
      name: `Tarif garages ${tag}`,
      description: "Remise professionnels",
      type: "override",
      status: "active",
      customer_groups: [{ id: groupId }],
      prices: [
        ...group.map((v) => ({
          variant_id: v.id,
          currency_code: "tnd",
          amount: Math.max(1000, Math.round((v.amount * 0.75) / 10) * 10),
        })),
        { variant_id: rich.variantIds[1], currency_code: "tnd", amount: 35000 },
        {
          variant_id: rich.variantIds[2],
          currency_code: "tnd",
          amount: 36000,
          min_quantity: 2,
        },
      ],
    }),
    "customer group price list"
  )

  // the customer logs in the way a storefront does
  const store = storeClient()
  const auth = await store.auth.authenticate({ email, password })
  const setCookie = (auth.response.headers["set-cookie"] ?? []) as string[]
  const customerCookie = setCookie.map((c) => c.split(";")[0]).join("; ")
  if (!customerCookie) {
    throw new Error("medusa-js auth.authenticate gave no session cookie")
  }
  const token = await store.auth.getToken({ email, password })
  const customerToken = token.access_token as string

  const draftBody = ok(
    await admin("POST", "/admin/products", {
      title: `Brouillon ${tag} plaquettes`,
      handle: `brouillon-${tag}`,
      status: "draft",
      options: [{ title: "Version" }],
      variants: [
        {
          title: "Standard",
          sku: `DRAFT-${tag}`,
          inventory_quantity: 5,
          prices: [{ currency_code: "tnd", amount: 25000 }],
          options: [{ value: "Standard" }],
        },
      ],
    }),
    "draft product"
  )
  const draft = {
    id: draftBody.product.id as string,
    handle: draftBody.product.handle as string,
  }

  const channel = ok(
    await admin("POST", "/admin/sales-channels", {
      name: `Comptoir ${tag}`,
      description: "Vente au comptoir",
    }),
    "sales channel"
  )
  const otherChannelId = channel.sales_channel.id as string
  const elsewhereBody = ok(
    await admin("POST", "/admin/products", {
      title: `Comptoir seulement ${tag} plaquettes`,
      handle: `comptoir-${tag}`,
      status: "published",
      sales_channels: [{ id: otherChannelId }],
      options: [{ title: "Version" }],
      variants: [
        {
          title: "Standard",
          sku: `COMPTOIR-${tag}`,
          inventory_quantity: 2,
          prices: [{ currency_code: "tnd", amount: 31000 }],
          options: [{ value: "Standard" }],
        },
      ],
    }),
    "product outside the default channel"
  )
  const elsewhere = {
    id: elsewhereBody.product.id as string,
    handle: elsewhereBody.product.handle as string,
  }
  // the second channel also sells a few demo products and the rich one
  ok(
    await admin(
      "POST",
      `/admin/sales-channels/${otherChannelId}/products/batch`,
      {
        product_ids: [
          rich.id,
          ...products.filter((_, i) => i % 50 === 3).map((p) => p.id),
        ].map((id) => ({ id })),
      }
    ),
    "second channel products"
  )
  const keys: string[] = []
  for (const [title, channelId] of [
    [`Comptoir ${tag}`, otherChannelId],
    [`Boutique ${tag}`, defaultChannelId],
  ]) {
    const key = ok(
      await admin("POST", "/admin/publishable-api-keys", { title }),
      "publishable key"
    )
    const keyId = key.publishable_api_key.id as string
    ok(
      await admin(
        "POST",
        `/admin/publishable-api-keys/${keyId}/sales-channels/batch`,
        { sales_channel_ids: [{ id: channelId }] }
      ),
      "key channel"
    )
    keys.push(keyId)
  }

  const cart = await store.carts.create({ region_id: regionId })
  const cartId = cart.cart.id

  const parents = await sql<{ id: string }>(
    `SELECT c.id FROM product_category c WHERE EXISTS (SELECT 1 FROM product_category k WHERE k.parent_category_id = c.id)
      AND c.is_active AND NOT c.is_internal ORDER BY c.id`
  )
  const leaves = await sql<{ id: string }>(
    `SELECT c.id FROM product_category c WHERE EXISTS (SELECT 1 FROM product_category_product x WHERE x.product_category_id = c.id)
      ORDER BY c.id`
  )
  const tags = await sql<{ id: string }>(
    `SELECT DISTINCT t.id FROM product_tag t JOIN product_tags pt ON pt.product_tag_id = t.id ORDER BY t.id`
  )
  const brands = await sql<{ id: string }>(`SELECT id FROM brand ORDER BY id`)
  const vehicles = await sql<{ vehicle_id: string }>(
    `(SELECT vehicle_id FROM fitment GROUP BY 1 ORDER BY count(*) DESC, vehicle_id LIMIT 6)
     UNION ALL (SELECT vehicle_id FROM fitment GROUP BY 1 ORDER BY count(*), vehicle_id LIMIT 3)`
  )
  const makes = await sql<{ id: string }>(
    `SELECT id FROM vehicle_make ORDER BY id LIMIT 6`
  )
  const models = await sql<{ id: string }>(
    `SELECT id FROM vehicle_model ORDER BY id LIMIT 8`
  )

  return {
    tag,
    regionId,
    cartId,
    customerCookie,
    customerToken,
    groupId,
    saleListId: saleList.price_list.id,
    groupListId: groupList.price_list.id,
    draft,
    elsewhere,
    rich,
    defaultChannelId,
    otherChannelId,
    otherKey: keys[0],
    defaultKey: keys[1],
    collectionId,
    typeId,
    products,
    parentCategoryIds: parents.map((r) => r.id),
    leafCategoryIds: leaves.map((r) => r.id),
    tagIds: tags.map((r) => r.id),
    brandIds: brands.map((r) => r.id),
    vehicleIds: vehicles.map((r) => r.vehicle_id),
    makeIds: makes.map((r) => r.id),
    modelIds: models.map((r) => r.id),
    saleVariantIds: sale.map((v) => v.id),
    groupVariantIds: group.map((v) => v.id),
  }
}

export const baseUrl = () => testEnv().baseUrl
