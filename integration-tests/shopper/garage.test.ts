/**
 * "Mon garage" through medusa-js for a signed-in customer, on the demo data: adding a vehicle by selector and
 * by VIN, naming it, picking the current one, removing it.
 */
import { countRows } from "../helpers/env"
import { refused } from "../helpers/http"
import { demoPicks, guest, signedIn } from "./journey-data"

jest.setTimeout(180000)

let fitVehicle: string
let renault2016: string
let peugeot: string

beforeAll(async () => {
  ;({ fitVehicle, renault2016, peugeot } = await demoPicks())
})

describe("Mon garage (signed-in customer)", () => {
  it("needs a signed-in customer", async () => {
    expect(
      await refused(guest.client.request("GET", "/store/customers/me/garage"))
    ).toMatchObject({ status: 401 })
    expect(
      await refused(
        guest.client.request("POST", "/store/customers/me/garage", {
          vehicle_id: fitVehicle,
        })
      )
    ).toMatchObject({ status: 401 })
  })

  it("adds by selector and by VIN, names, picks the current one, removes", async () => {
    const me = await signedIn("garage-amel")
    const first = (
      await me.client.request("POST", "/store/customers/me/garage", {
        vehicle_id: fitVehicle,
        name: "  La voiture de  Amel ",
      })
    ).garage_vehicle
    expect(first).toMatchObject({
      object: "garage_vehicle",
      vehicle_id: fitVehicle,
      name: "La voiture de Amel",
      is_current: true,
      vin: null,
    })
    expect(first.label).toMatch(/^La voiture de Amel \(.+ · \d{4} – /)
    expect(first.vehicle).toMatchObject({
      id: fitVehicle,
      make: { name: expect.any(String) },
      model: { name: expect.any(String) },
    })

    // by VIN: a Renault VIN whose model year letter G is 1986 or 2016 stands for several vehicles of the base → the customer picks one
    const vin = "VF1RFB000G1234567"
    const many = await refused(
      me.client.request("POST", "/store/customers/me/garage", { vin })
    )
    expect(many.status).toBe(400)
    expect(many.message).toMatch(
      /^vehicle_id: VIN VF1RFB000G1234567 \(Renault, model year 1986 or 2016\) matches \d+\+? vehicles; pick yours/
    )
    const wrongMake = await refused(
      me.client.request("POST", "/store/customers/me/garage", {
        vin,
        vehicle_id: peugeot,
      })
    )
    expect(wrongMake).toEqual({
      status: 400,
      message: `vin: VIN VF1RFB000G1234567 (Renault, model year 1986 or 2016) is not a Peugeot (vehicle ${peugeot})`,
    })
    expect(
      (
        await refused(
          me.client.request("POST", "/store/customers/me/garage", {
            vin: "VF1RFB000G123456",
          })
        )
      ).message
    ).toMatch(/^vin: /)
    const second = (
      await me.client.request("POST", "/store/customers/me/garage", {
        vin: "vf1-rfb000g1234567",
        vehicle_id: renault2016,
      })
    ).garage_vehicle
    expect(second).toMatchObject({
      vehicle_id: renault2016,
      vin,
      is_current: false,
      name: null,
    })

    let list = await me.client.request("GET", "/store/customers/me/garage")
    expect(list.count).toBe(2)
    expect(list.garage_vehicles.map((g: any) => [g.id, g.is_current])).toEqual([
      [first.id, true],
      [second.id, false],
    ])

    // pick the Renault as the current one, rename it
    const picked = (
      await me.client.request(
        "POST",
        `/store/customers/me/garage/${second.id}`,
        { is_current: true, name: "Clio du travail" }
      )
    ).garage_vehicle
    expect(picked).toMatchObject({
      is_current: true,
      name: "Clio du travail",
      vin,
    })
    list = await me.client.request("GET", "/store/customers/me/garage")
    expect(list.garage_vehicles.map((g: any) => [g.id, g.is_current])).toEqual([
      [second.id, true],
      [first.id, false],
    ])
    expect(
      await refused(
        me.client.request("POST", `/store/customers/me/garage/${second.id}`, {
          is_current: false,
        })
      )
    ).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^is_current: pick another vehicle/),
    })
    expect(
      await refused(
        me.client.request("POST", `/store/customers/me/garage/${second.id}`, {
          colour: "rouge",
        })
      )
    ).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^colour: unknown field/),
    })
    expect(
      await refused(
        me.client.request("POST", "/store/customers/me/garage", {
          vehicle_id: "veh_nope",
        })
      )
    ).toMatchObject({ status: 404 })

    // another customer sees none of it and cannot touch it
    const other = await signedIn("garage-other")
    expect(
      (await other.client.request("GET", "/store/customers/me/garage")).count
    ).toBe(0)
    expect(
      (
        await refused(
          other.client.request(
            "DELETE",
            `/store/customers/me/garage/${first.id}`
          )
        )
      ).status
    ).toBe(404)
    expect(
      (
        await refused(
          other.client.request(
            "POST",
            `/store/customers/me/garage/${first.id}`,
            { name: "x" }
          )
        )
      ).status
    ).toBe(404)

    // removing the current vehicle makes the other one current
    expect(
      await me.client.request(
        "DELETE",
        `/store/customers/me/garage/${second.id}`
      )
    ).toMatchObject({ id: second.id, object: "garage_vehicle", deleted: true })
    list = await me.client.request("GET", "/store/customers/me/garage")
    expect(list.garage_vehicles.map((g: any) => [g.id, g.is_current])).toEqual([
      [first.id, true],
    ])
    expect(await countRows("garage_vehicle WHERE id = $1", [second.id])).toBe(0)
  })
})
