/**
 * The shopper's journey through medusa-js, on the demo data: the cart's
 * vehicle and each line's fit verdict (a part that does not fit is flagged, not refused; a vehicle without any
 * fitment data gets "unknown"), the order keeping both, and the admin route the order page reads.
 */
import { sql, testEnv } from "../helpers/env"
import { adminCall, refused } from "../helpers/http"
import { DemoPicks, demoPicks, guest, signedIn } from "./journey-data"
import { checkoutCart, tunisiaRegionId } from "../helpers/orders"

jest.setTimeout(180000)

/** Demo data: a vehicle with a part that fits it, a part with fitment data that does not, a vehicle no part is linked to. */
let demo: DemoPicks

beforeAll(async () => {
  demo = await demoPicks()
})

describe("the cart's vehicle, the verdict of each line, the order", () => {
  const lineOf = (cart: any, variantId: string) =>
    cart.items.find((i: any) => i.variant_id === variantId)

  it("core refuses cart metadata; the vehicle route stores it and checks every line", async () => {
    let { cart } = await guest.carts.create({
      region_id: await tunisiaRegionId(guest),
    })
    expect(
      (
        await refused(
          guest.carts.update(cart.id, {
            metadata: { vehicle: demo.fitVehicle },
          } as any)
        )
      ).status
    ).toBe(400)
    ;({ cart } = await guest.carts.lineItems.create(cart.id, {
      variant_id: demo.fitVariant,
      quantity: 1,
    }))
    expect(lineOf(cart, demo.fitVariant).fitment).toBeNull()

    const set = await guest.client.request(
      "POST",
      `/store/carts/${cart.id}/vehicle`,
      { vehicle_id: demo.fitVehicle }
    )
    expect(set.vehicle).toMatchObject({
      id: demo.fitVehicle,
      label: expect.stringContaining(" · "),
      vin: null,
      garage_vehicle_id: null,
    })
    expect(lineOf(set.cart, demo.fitVariant).fitment).toMatchObject({
      vehicle_id: demo.fitVehicle,
      verdict: "fits",
    })
    expect(
      (await guest.client.request("GET", `/store/carts/${cart.id}/vehicle`))
        .vehicle
    ).toMatchObject({ id: demo.fitVehicle })

    // a part that does not fit is added, and flagged with the reason
    ;({ cart } = await guest.carts.lineItems.create(cart.id, {
      variant_id: demo.otherVariant,
      quantity: 1,
    }))
    expect(lineOf(cart, demo.otherVariant).fitment).toMatchObject({
      verdict: "does_not_fit",
      reason: "the part has fitment data and this vehicle is not in it",
    })
    // a second add of the same variant still merges into its line (the verdict is not in the line's metadata)
    ;({ cart } = await guest.carts.lineItems.create(cart.id, {
      variant_id: demo.fitVariant,
      quantity: 1,
    }))
    expect(cart.items).toHaveLength(2)
    expect(lineOf(cart, demo.fitVariant)).toMatchObject({
      quantity: 2,
      fitment: { verdict: "fits" },
    })
    // GET /store/carts/:id shows the verdicts too
    expect(
      lineOf((await guest.carts.retrieve(cart.id)).cart, demo.otherVariant)
        .fitment.verdict
    ).toBe("does_not_fit")

    // a vehicle without any fitment data: unknown, with the reason, for every line
    const unknown = await guest.client.request(
      "POST",
      `/store/carts/${cart.id}/vehicle`,
      { vehicle_id: demo.noDataVehicle }
    )
    for (const item of unknown.cart.items) {
      expect(item.fitment).toMatchObject({
        vehicle_id: demo.noDataVehicle,
        verdict: "unknown",
        reason: "no fitment data for this vehicle yet: no part is linked to it",
      })
    }
    expect(unknown.vehicle.vin).toBeNull()
    const product = (
      await sql(`SELECT product_id FROM product_variant WHERE id = $1`, [
        demo.otherVariant,
      ])
    )[0].product_id
    expect(
      await guest.client.request(
        "GET",
        `/store/products/${product}/fitment?vehicle_id=${demo.noDataVehicle}`
      )
    ).toMatchObject({
      verdict: "unknown",
      reason: "no fitment data for this vehicle yet: no part is linked to it",
    })

    // taking the vehicle off takes the verdicts off
    const cleared = await guest.client.request(
      "DELETE",
      `/store/carts/${cart.id}/vehicle`
    )
    expect(cleared.vehicle).toBeNull()
    expect(cleared.cart.items.map((i: any) => i.fitment)).toEqual([null, null])

    expect(
      await refused(
        guest.client.request("POST", `/store/carts/${cart.id}/vehicle`, {})
      )
    ).toEqual({
      status: 400,
      message: "vehicle_id: is required (or garage_vehicle_id)",
    })
  })

  it("a VIN given with the cart's vehicle must agree with it: same make, a model year it was built in", async () => {
    const { cart } = await guest.carts.create({
      region_id: await tunisiaRegionId(guest),
    })
    const vin = "VF1RFB000G1234567" // Renault, model year 1986 or 2016
    const set = await guest.client.request(
      "POST",
      `/store/carts/${cart.id}/vehicle`,
      { vehicle_id: demo.renault2016, vin: "vf1-rfb000g1234567" }
    )
    expect(set.vehicle).toMatchObject({ id: demo.renault2016, vin })
    expect(
      await refused(
        guest.client.request("POST", `/store/carts/${cart.id}/vehicle`, {
          vehicle_id: demo.peugeot,
          vin,
        })
      )
    ).toEqual({
      status: 400,
      message: `vin: VIN ${vin} (Renault, model year 1986 or 2016) is not a Peugeot (vehicle ${demo.peugeot})`,
    })
    const [{ id: recentRenault, year_from }] = await sql(
      `SELECT v.id, v.year_from FROM vehicle v JOIN vehicle_make mk ON mk.id = v.make_id WHERE mk.name = 'Renault' AND v.year_from >= 2019 AND v.year_to IS NULL ORDER BY v.id LIMIT 1`
    )
    const old = "VF1RFB000A1234567" // model year 1980 or 2010
    expect(
      await refused(
        guest.client.request("POST", `/store/carts/${cart.id}/vehicle`, {
          vehicle_id: recentRenault,
          vin: old,
        })
      )
    ).toEqual({
      status: 400,
      message: `vin: VIN ${old} (Renault, model year 1980 or 2010) does not match vehicle ${recentRenault}, built ${year_from}–today`,
    })
    expect(
      (
        await refused(
          guest.client.request("POST", `/store/carts/${cart.id}/vehicle`, {
            vehicle_id: demo.renault2016,
            vin: "VF1RFB000G123456",
          })
        )
      ).message
    ).toMatch(/^vin: VIN must have 17 characters/)
    expect(
      await refused(
        guest.client.request("POST", `/store/carts/${cart.id}/vehicle`, {
          vehicle_id: demo.renault2016,
          vin: 17,
        })
      )
    ).toEqual({ status: 400, message: "vin: must be a text of 17 characters" })
    // the refused calls left the accepted vehicle in place
    expect(
      (await guest.client.request("GET", `/store/carts/${cart.id}/vehicle`))
        .vehicle
    ).toMatchObject({ id: demo.renault2016, vin })
    expect(
      (
        await refused(
          guest.client.request("POST", `/store/carts/${cart.id}/vehicle`, {
            vehicle_id: "veh_nope",
          })
        )
      ).status
    ).toBe(404)
    expect(
      (
        await refused(
          guest.client.request("POST", `/store/carts/cart_nope/vehicle`, {
            vehicle_id: demo.fitVehicle,
          })
        )
      ).status
    ).toBe(404)
    expect(
      await refused(
        guest.client.request("POST", `/store/carts/${cart.id}/vehicle`, {
          garage_vehicle_id: "gveh_x",
        })
      )
    ).toMatchObject({ status: 401 })
  })

  it("the order keeps the vehicle and each line's verdict; the admin reads them", async () => {
    const me = await signedIn("garage-order")
    const own = (
      await me.client.request("POST", "/store/customers/me/garage", {
        vehicle_id: demo.fitVehicle,
        name: "Ma 208",
      })
    ).garage_vehicle
    let { cart } = await me.carts.create({
      region_id: await tunisiaRegionId(me),
    })
    ;({ cart } = await me.carts.lineItems.create(cart.id, {
      variant_id: demo.fitVariant,
      quantity: 1,
    }))
    ;({ cart } = await me.carts.lineItems.create(cart.id, {
      variant_id: demo.otherVariant,
      quantity: 3,
    }))
    // another customer's garage vehicle is not this customer's
    const stranger = await signedIn("garage-stranger")
    const theirs = (
      await stranger.client.request("POST", "/store/customers/me/garage", {
        vehicle_id: demo.noDataVehicle,
      })
    ).garage_vehicle
    expect(
      (
        await refused(
          me.client.request("POST", `/store/carts/${cart.id}/vehicle`, {
            garage_vehicle_id: theirs.id,
          })
        )
      ).status
    ).toBe(404)

    const set = await me.client.request(
      "POST",
      `/store/carts/${cart.id}/vehicle`,
      { garage_vehicle_id: own.id }
    )
    expect(set.vehicle).toMatchObject({
      id: demo.fitVehicle,
      garage_vehicle_id: own.id,
    })
    const { customer } = await me.customers.retrieve()
    const orderId = await checkoutCart(me, cart.id, customer.email)

    const { order } = (await adminCall("GET", `/admin/orders/${orderId}`)).body
    expect(order.metadata.vehicle).toMatchObject({
      id: demo.fitVehicle,
      label: set.vehicle.label,
      garage_vehicle_id: own.id,
    })
    const fitment = await adminCall("GET", `/admin/orders/${orderId}/fitment`)
    expect(fitment.status).toBe(200)
    expect(fitment.body.vehicle).toMatchObject({
      id: demo.fitVehicle,
      label: set.vehicle.label,
    })
    const verdicts = Object.fromEntries(
      fitment.body.lines.map((l: any) => [l.quantity, l.verdict])
    )
    expect(verdicts).toEqual({ 1: "fits", 3: "does_not_fit" })
    expect(fitment.body.lines.find((l: any) => l.quantity === 3).reason).toBe(
      "the part has fitment data and this vehicle is not in it"
    )

    // the completed cart's vehicle cannot change any more; the order keeps what it had
    expect(
      (
        await refused(
          me.client.request("POST", `/store/carts/${cart.id}/vehicle`, {
            vehicle_id: demo.noDataVehicle,
          })
        )
      ).status
    ).toBe(400)
    expect(
      (await adminCall("GET", `/admin/orders/order_nope/fitment`)).status
    ).toBe(404)
    const anonymous = await fetch(
      `${testEnv().baseUrl}/admin/orders/${orderId}/fitment`
    )
    expect(anonymous.status).toBe(401)
  })
})
