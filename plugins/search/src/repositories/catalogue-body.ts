import { dataSource } from "@medusajs/medusa/dist/loaders/database"
import {
  BODIES_WITHOUT_FRAGMENT_SQL,
  CART_REGION_SQL,
  CUSTOMER_GROUPS_SQL,
  MISSING_BODIES_SQL,
  REGIONS_SQL,
  STORE_BODIES_SQL,
  STORE_FRAGMENTS_SQL,
  type BodyWithoutFragmentRow,
  type CartRegionRow,
  type IdRow,
  type MissingBodyRow,
  type RegionRow,
} from "../lib/read-model-sql"
import { CatalogueBody } from "../models/catalogue-body"

/**
 * `catalogue_body`: the products' JSON as core renders it per context (stored, given their gzip
 * fragments, found missing), and the reads of core's tables a context is resolved from (regions, a
 * cart's region, a customer's groups).
 */
export const CatalogueBodyRepository = dataSource
  .getRepository(CatalogueBody)
  .extend({
    /** The regions (not deleted) with their currency, by id. */
    async regions(): Promise<RegionRow[]> {
      return this.query(REGIONS_SQL)
    },

    /** The region of a cart (not deleted). */
    async cartRegion(cartId: string): Promise<CartRegionRow | undefined> {
      const [row]: CartRegionRow[] = await this.query(CART_REGION_SQL, [cartId])
      return row
    },

    /** The ids of a customer's groups, in order. */
    async customerGroups(customerId: string): Promise<string[]> {
      const rows: IdRow[] = await this.query(CUSTOMER_GROUPS_SQL, [customerId])
      return rows.map((r) => r.id)
    },

    /**
     * Stores bodies rendered in `context` if their document is still at the version they were
     * rendered from, with the time their prices change next. One statement, atomic by itself.
     */
    async store(
      ids: string[],
      versions: string[],
      texts: string[],
      context: string,
      fragments: (Buffer | null)[]
    ): Promise<void> {
      await this.query(STORE_BODIES_SQL, [
        ids,
        versions,
        texts,
        context,
        fragments,
      ])
    },

    /** Up to `limit` bodies without a fragment, in key order after `from` (product id, context). */
    async withoutFragment(
      limit: number,
      from: [string, string] | null
    ): Promise<BodyWithoutFragmentRow[]> {
      return this.query(BODIES_WITHOUT_FRAGMENT_SQL, [
        limit,
        from?.[0] ?? null,
        from?.[1] ?? null,
      ])
    },

    /** Stores the fragments of these bodies unless they were rendered again meanwhile. */
    async storeFragments(
      rows: BodyWithoutFragmentRow[],
      fragments: (Buffer | null)[]
    ): Promise<void> {
      await this.query(STORE_FRAGMENTS_SQL, [
        rows.map((r) => r.id),
        rows.map((r) => r.context),
        rows.map((r) => r.rendered),
        fragments,
      ])
    },

    /**
     * Up to `limit` published products lacking a current body in `context`, newest first from the
     * cursor (none: from the top), leaving out `skipped`.
     */
    async missing(
      context: string,
      limit: number,
      skipped: string[],
      cursor: { created: string; id: string } | undefined
    ): Promise<MissingBodyRow[]> {
      return this.query(MISSING_BODIES_SQL, [
        context,
        limit,
        skipped,
        cursor?.created ?? null,
        cursor?.id ?? null,
      ])
    },
  })

export default CatalogueBodyRepository
