import type Medusa from "@medusajs/medusa-js"
import { storeClient } from "./env"

/** The id of the demo's Tunisia (TND) region. */
export async function tunisiaRegionId(
  client: Medusa = storeClient()
): Promise<string> {
  const { regions } = await client.regions.list()
  const tunisia = regions.find((r) => r.currency_code === "tnd")
  if (!tunisia) {
    throw new Error("no TND region in the demo data")
  }
  return tunisia.id
}

/**
 * Ships a cart as a storefront would (medusa-js): a shipping address in Sfax (and `email` when given), then
 * the shipping option whose name matches `shipping`, or the first one; throws when none matches. Returns the
 * cart and the option chosen.
 */
export async function shipCart(
  client: Medusa,
  cartId: string,
  { email, shipping }: { email?: string; shipping?: RegExp } = {}
) {
  let { cart } = await client.carts.update(cartId, {
    ...(email ? { email } : {}),
    shipping_address: {
      first_name: "Amel",
      last_name: "Trabelsi",
      address_1: "3 avenue Habib Bourguiba",
      city: "Sfax",
      postal_code: "3000",
      country_code: "tn",
      phone: "+21698123456",
    },
  })
  const { shipping_options } = await client.shippingOptions.listCartOptions(
    cart.id
  )
  const option = shipping
    ? shipping_options.find((o) => shipping.test(o.name!))
    : shipping_options[0]
  if (!option) {
    throw new Error(
      `no shipping option matches ${shipping} among ${shipping_options.map((o) => o.name).join(", ")}`
    )
  }
  ;({ cart } = await client.carts.addShippingMethod(cart.id, {
    option_id: option.id!,
  }))
  return { cart, option }
}

/**
 * Checks a cart out as a storefront would (medusa-js: address, the shipping option whose name matches
 * `shipping` or the first one, manual payment, complete) and returns the order id.
 */
export async function checkoutCart(
  client: Medusa,
  cartId: string,
  email = "client@example.tn",
  shipping?: RegExp
): Promise<string> {
  let { cart } = await shipCart(client, cartId, { email, shipping })
  ;({ cart } = await client.carts.createPaymentSessions(cart.id))
  ;({ cart } = await client.carts.setPaymentSession(cart.id, {
    provider_id: "manual",
  }))
  const completed = await client.carts.complete(cart.id)
  if (completed.type !== "order") {
    throw new Error(
      `cart ${cart.id} did not become an order: ${completed.type}`
    )
  }
  return (completed.data as { id: string }).id
}

/**
 * Places an order as a storefront would (medusa-js: cart in the Tunisia region, address, first
 * shipping option, manual payment, complete) and returns the order id; `baseUrl`: another server instance.
 */
export async function placeOrder(
  variantId: string,
  quantity: number,
  email = "client@example.tn",
  baseUrl?: string
): Promise<string> {
  const client = storeClient(baseUrl)
  let { cart } = await client.carts.create({
    region_id: await tunisiaRegionId(client),
  })
  ;({ cart } = await client.carts.lineItems.create(cart.id, {
    variant_id: variantId,
    quantity,
  }))
  return await checkoutCart(client, cart.id, email)
}
