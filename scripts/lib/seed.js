/**
 * Loads the demo catalogue of `data/` into an empty database through Medusa's
 * own services, in ONE transaction: either everything is stored or nothing.
 * A database that already holds a region or a product is left untouched, so
 * re-running never duplicates nor fails.
 *
 * Plugins add their part of the demo data through a seeder service: any
 * registered service whose name ends in `DemoSeederService` gets
 * `seed({ manager, products, data, log })` called inside the same transaction.
 */
const fs = require("fs")
const path = require("path")

const DATA_DIR = path.resolve(__dirname, "..", "..", "data")

function readJson(name) {
  const file = path.join(DATA_DIR, name)
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch (e) {
    throw new Error(
      `Cannot read demo data ${path.relative(process.cwd(), file)}: ${e.message}`
    )
  }
}

async function isEmpty(container) {
  const manager = container.resolve("manager")
  const [{ regions }] = await manager.query(
    "SELECT count(*)::int AS regions FROM region WHERE deleted_at IS NULL"
  )
  const [{ products }] = await manager.query(
    "SELECT count(*)::int AS products FROM product WHERE deleted_at IS NULL"
  )
  return regions === 0 && products === 0
}

function seederServices(container) {
  return Object.keys(container.registrations)
    .filter((name) => name.endsWith("DemoSeederService"))
    .sort()
    .map((name) => ({ name, service: container.resolve(name) }))
}

async function seedDemo(container, { log = console.log, force = false } = {}) {
  if (!force && !(await isEmpty(container))) {
    log("demo catalogue already present: seed skipped")
    return { seeded: false }
  }
  const started = Date.now()
  const storeData = readJson("store.json")
  const categories = readJson("categories.json")
  const products = readJson("products.json")

  const manager = container.resolve("manager")
  const storeService = container.resolve("storeService")
  const regionService = container.resolve("regionService")
  const shippingOptionService = container.resolve("shippingOptionService")
  const shippingProfileService = container.resolve("shippingProfileService")
  const productCategoryService = container.resolve("productCategoryService")
  const productService = container.resolve("productService")
  const productVariantService = container.resolve("productVariantService")

  const result = await manager.transaction(async (tx) => {
    await storeService.withTransaction(tx).update({
      name: storeData.store.name,
      currencies: storeData.store.currencies,
      default_currency_code: storeData.store.default_currency_code,
      metadata: storeData.store.metadata,
    })
    const store = await storeService.withTransaction(tx).retrieve()
    const defaultProfile = await shippingProfileService
      .withTransaction(tx)
      .retrieveDefault()

    const regionIds = {}
    for (const r of storeData.regions) {
      const { id: key, ...input } = r
      const region = await regionService.withTransaction(tx).create(input)
      regionIds[key] = region.id
    }

    for (const so of storeData.shipping_options) {
      const { region, ...input } = so
      if (!regionIds[region]) {
        throw new Error(
          `data/store.json: shipping option "${so.name}" names unknown region "${region}"`
        )
      }
      await shippingOptionService.withTransaction(tx).create({
        ...input,
        region_id: regionIds[region],
        profile_id: defaultProfile.id,
      })
    }

    const categoryIds = {}
    categories.forEach((c, i) => {
      if (
        c.parent &&
        !categories.slice(0, i).some((p) => p.handle === c.parent)
      ) {
        throw new Error(
          `data/categories.json row ${i + 1}: parent "${c.parent}" of "${c.handle}" must come before it`
        )
      }
    })
    let rank = 0
    for (const c of categories) {
      const category = await productCategoryService.withTransaction(tx).create({
        name: c.name,
        handle: c.handle,
        description: c.description || "",
        is_active: true,
        is_internal: false,
        parent_category_id: c.parent ? categoryIds[c.parent] : null,
        metadata: { name_ar: c.name_ar },
        rank: rank++,
      })
      categoryIds[c.handle] = category.id
    }

    const productIds = {}
    const variantIds = {}
    for (const [i, p] of products.entries()) {
      const where = `data/products.json item ${i + 1} (${p.handle})`
      const categoryRefs = (p.categories || []).map((h) => {
        if (!categoryIds[h]) {
          throw new Error(`${where}: unknown category "${h}"`)
        }
        return { id: categoryIds[h] }
      })
      const product = await productService.withTransaction(tx).create({
        title: p.title,
        handle: p.handle,
        subtitle: p.subtitle || null,
        description: p.description,
        status: "published",
        weight: p.weight_g || null,
        material: null,
        mid_code: p.mpn || null,
        options: p.options.map((o) => ({ title: o.title })),
        categories: categoryRefs,
        tags: (p.tags || []).map((value) => ({ value })),
        sales_channels: [{ id: store.default_sales_channel_id }],
        profile_id: defaultProfile.id,
        metadata: {
          title_ar: p.title_ar,
          mpn: p.mpn,
          oe_numbers: p.oe_numbers || [],
          cross_references: p.cross_references || [],
          universal: Boolean(p.universal),
        },
      })
      productIds[p.handle] = product.id
      const optionIds = Object.fromEntries(
        product.options.map((o) => [o.title, o.id])
      )
      for (const [rankV, v] of p.variants.entries()) {
        const variant = await productVariantService
          .withTransaction(tx)
          .create(product.id, {
            title: v.title,
            sku: v.sku,
            ean: v.ean || null,
            barcode: v.ean || null,
            inventory_quantity: v.inventory_quantity,
            manage_inventory: true,
            allow_backorder: false,
            variant_rank: rankV,
            prices: [{ currency_code: "tnd", amount: v.price }],
            options: Object.entries(v.options).map(([title, value]) => {
              if (!optionIds[title]) {
                throw new Error(
                  `${where}: variant ${v.sku} uses unknown option "${title}"`
                )
              }
              return { option_id: optionIds[title], value }
            }),
            metadata: { mpn: p.mpn },
          })
        variantIds[v.sku] = variant.id
      }
    }

    // One transaction gives every row the same now(): products are dated one minute apart in file
    // order (the first is the oldest), as if added over time, so that "newest first" is one order
    await tx.query(
      `UPDATE product p SET created_at = now() - make_interval(mins => x.n::int), updated_at = now() - make_interval(mins => x.n::int)
         FROM unnest($1::text[]) WITH ORDINALITY AS x(id, n) WHERE p.id = x.id`,
      [Object.values(productIds).reverse()]
    )

    const extra = {}
    for (const { name, service } of seederServices(container)) {
      extra[name] = await service.withTransaction(tx).seed({
        manager: tx,
        products,
        productIds,
        variantIds,
        dataDir: DATA_DIR,
        log,
      })
    }
    return {
      regions: Object.keys(regionIds).length,
      categories: categories.length,
      products: products.length,
      variants: Object.keys(variantIds).length,
      extra,
    }
  })
  log(
    `demo catalogue seeded: ${result.products} products, ${result.variants} variants, ` +
      `${result.categories} categories, ${result.regions} region(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
  return { seeded: true, ...result }
}

module.exports = { seedDemo, isEmpty }
