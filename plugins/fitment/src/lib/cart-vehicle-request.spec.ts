import { MedusaError } from "@medusajs/utils"
import { cartVehicleRequest } from "./cart-vehicle-request"
import { refused } from "./__fixtures__/refused"

describe("cartVehicleRequest", () => {
  it("reads a vehicle of the base, trimmed, with its VIN", () => {
    expect(
      cartVehicleRequest(
        "cart_1",
        { vehicle_id: " veh_1 ", vin: "VF1" },
        null,
        null
      )
    ).toEqual({ vehicle_id: "veh_1", vin: "VF1" })
    expect(
      cartVehicleRequest(
        "cart_1",
        { vehicle_id: "veh_1", vin: null },
        null,
        null
      )
    ).toEqual({ vehicle_id: "veh_1", vin: null })
  })

  it("refuses a missing vehicle or a VIN that is not a text", () => {
    const missing = refused(() => cartVehicleRequest("c", {}, null, null))
    expect(missing.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(missing.message).toBe(
      "vehicle_id: is required (or garage_vehicle_id)"
    )
    const vin = refused(() =>
      cartVehicleRequest("c", { vehicle_id: "veh_1", vin: 17 }, null, null)
    )
    expect(vin.message).toBe("vin: must be a text of 17 characters")
  })

  it("reads a garage vehicle of the signed-in customer who owns the cart", () => {
    expect(
      cartVehicleRequest("c", { garage_vehicle_id: "gv_1" }, "cus_1", "cus_1")
    ).toEqual({ garage_vehicle_id: "gv_1", customer_id: "cus_1" })
    expect(
      cartVehicleRequest("c", { garage_vehicle_id: "gv_1" }, "cus_1", null)
    ).toEqual({ garage_vehicle_id: "gv_1", customer_id: "cus_1" })
  })

  it("refuses a garage vehicle: bad id 400, signed out 401, another's cart 403", () => {
    expect(
      refused(() =>
        cartVehicleRequest("c", { garage_vehicle_id: "" }, "cus_1", null)
      ).type
    ).toBe(MedusaError.Types.INVALID_DATA)
    expect(
      refused(() =>
        cartVehicleRequest("c", { garage_vehicle_id: "gv_1" }, null, null)
      ).type
    ).toBe(MedusaError.Types.UNAUTHORIZED)
    const other = refused(() =>
      cartVehicleRequest("c", { garage_vehicle_id: "gv_1" }, "cus_1", "cus_2")
    )
    expect(other.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(other.message).toBe("Cart c belongs to another customer")
  })
})
