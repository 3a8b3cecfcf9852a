import { storeClient } from "./env"

/**
 * Places an order as a storefront would (medusa-js: cart in the Tunisia region, address, first
 * shipping option, manual payment, complete) and returns the order id; `baseUrl`: another server instance.
 */
export async function placeOrder(variantId: string, quantity: number, email = "client@example.tn", baseUrl?: string): Promise<string> {
  const client = storeClient(baseUrl)
  const { regions } = await client.regions.list()
  const tunisia = regions.find((r) => r.currency_code === "tnd")
  if (!tunisia) {
    throw new Error("no TND region in the demo data")
  }
  let { cart } = await client.carts.create({ region_id: tunisia.id })
  ;({ cart } = await client.carts.lineItems.create(cart.id, { variant_id: variantId, quantity }))
  ;({ cart } = await client.carts.update(cart.id, {
    email,
    shipping_address: {
      first_name: "Amel",
      last_name: "Trabelsi",
      address_1: "3 avenue Habib Bourguiba",
      city: "Sfax",
      postal_code: "3000",
      country_code: "tn",
      phone: "+21698123456",
    },
  }))
  const { shipping_options } = await client.shippingOptions.listCartOptions(cart.id)
  ;({ cart } = await client.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id! }))
  ;({ cart } = await client.carts.createPaymentSessions(cart.id))
  ;({ cart } = await client.carts.setPaymentSession(cart.id, { provider_id: "manual" }))
  const completed = await client.carts.complete(cart.id)
  if (completed.type !== "order") {
    throw new Error(`cart ${cart.id} did not become an order: ${completed.type}`)
  }
  return (completed.data as { id: string }).id
}
