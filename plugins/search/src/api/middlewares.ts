import type { MiddlewaresConfig } from "@medusajs/medusa"
import {
  cachedAnswer,
  catalogueList,
  catalogueRetrieve,
  noteWrites,
} from "./catalogue-middleware"
import { jsonBody } from "./utils/json-body"

const products = cachedAnswer(["products"])
const lists = cachedAnswer(["lists"])
const listsAndProducts = cachedAnswer(["lists", "products"])

/**
 * The store read path (see catalogue-middleware.ts). This plugin is listed before fitment in
 * medusa-config.js so that the read model sees `vehicle_id` / `brand_id` before fitment's filter
 * for core turns them into a productService condition.
 */
export const config: MiddlewaresConfig = {
  routes: [
    // a write through this instance: its next store read answers from the new data
    {
      matcher: "/admin/*",
      method: ["POST", "PUT", "PATCH", "DELETE"],
      middlewares: [noteWrites],
    },
    {
      matcher: "/store/carts/*",
      method: ["POST", "DELETE"],
      middlewares: [noteWrites],
    },
    {
      matcher: "/store/products/search",
      method: "POST",
      bodyParser: false,
      middlewares: [jsonBody, products],
    },
    { matcher: "/store/products", method: "GET", middlewares: [catalogueList] },
    {
      matcher: "/store/products/:id",
      method: "GET",
      middlewares: [catalogueRetrieve],
    },
    { matcher: "/store/vehicles", method: "GET", middlewares: [lists] },
    // makes, models, years, decode and one vehicle
    { matcher: "/store/vehicles/:id", method: "GET", middlewares: [lists] },
    {
      matcher: "/store/brands",
      method: "GET",
      middlewares: [listsAndProducts],
    },
    {
      matcher: "/store/brands/:handle",
      method: "GET",
      middlewares: [listsAndProducts],
    },
    {
      matcher: "/store/product-categories",
      method: "GET",
      middlewares: [lists],
    },
    {
      matcher: "/store/product-categories/:id",
      method: "GET",
      middlewares: [lists],
    },
  ],
}
