import type { RouteConfig } from "@medusajs/admin"
import { ArrowDownTray, ShoppingCart } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  Heading,
  Input,
  Select,
  Table,
  Text,
} from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { ReassortAccuracy } from "../../components/reassort-accuracy"
import { ReassortRunProgress } from "../../components/reassort-run-progress"
import { pageRange, PagerButtons } from "../../components/ui"
import type { PagerButton } from "../../components/ui"
// the suggestion as the server types it (a type only: nothing of the server is bundled)
import type { RestockSuggestion } from "../../../../plugins/orion/src/repositories/orion-alert"
import { adminFetch, downloadAdminFile } from "../../lib/api"
import type { Jsonified } from "../../lib/api"
import { formatAmount, formatDate, formatNumber } from "../../lib/format"

/** One order suggestion, as the server types it. */
type Suggestion = Jsonified<RestockSuggestion>
type SuggestionList = {
  suggestions: Suggestion[]
  count: number
  limit: number
  offset: number
}
type Option = { id: string; name: string }

const PAGE = 25
const ALL = "__all__"

const pagerButton: PagerButton = (props) => (
  <Button variant="secondary" size="small" {...props} />
)

/** One line in plain French: why this part must be ordered. */
const why = (s: Suggestion) => {
  const stock = `${formatNumber(s.stock)} en stock${s.on_order ? ` + ${formatNumber(s.on_order)} en commande` : ""}`
  const level = s.service_level
    ? `${Math.round(s.service_level * 100)} %`
    : "95 %"
  const delay = s.lead_time_days
    ? `${formatNumber(s.lead_time_days)} jours`
    : "le délai fournisseur"
  return `${stock} ; il en faut au moins ${formatNumber(s.reorder_point)} pour couvrir ${delay} de ventes dans ${level} des cas.`
}

/** A filter of the suggestions: everything (ALL) or one category / brand. */
const FilterSelect = ({
  testId,
  placeholder,
  all,
  value,
  items,
  onChange,
}: {
  testId: string
  placeholder: string
  all: string
  value: string
  items: Array<{ id: string; name: string }>
  onChange: (value: string) => void
}) => (
  <div className="w-64">
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger data-testid={testId}>
        <Select.Value placeholder={placeholder} />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={ALL}>{all}</Select.Item>
        {items.map((i) => (
          <Select.Item key={i.id} value={i.id}>
            {i.name}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)

const ReassortPage = () => {
  const [categories, setCategories] = useState<Option[]>([])
  const [brands, setBrands] = useState<Option[]>([])
  const [categoryId, setCategoryId] = useState(ALL)
  const [brandId, setBrandId] = useState(ALL)
  const [q, setQ] = useState("")
  const [offset, setOffset] = useState(0)
  const [data, setData] = useState<SuggestionList | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    adminFetch<{ product_categories: Option[] }>("/product-categories", {
      query: { limit: 500 },
    })
      .then((r) =>
        setCategories(
          [...r.product_categories].sort((a, b) =>
            a.name.localeCompare(b.name, "fr")
          )
        )
      )
      .catch(() => setCategories([]))
    adminFetch<{ brands: Option[] }>("/brands", { query: { limit: 500 } })
      .then((r) =>
        setBrands(
          [...r.brands].sort((a, b) => a.name.localeCompare(b.name, "fr"))
        )
      )
      .catch(() => setBrands([]))
  }, [])

  const filters = {
    category_id: categoryId === ALL ? undefined : categoryId,
    brand_id: brandId === ALL ? undefined : brandId,
    q: q.trim() || undefined,
  }

  useEffect(() => {
    let live = true
    const timer = setTimeout(() => {
      adminFetch<SuggestionList>("/orion/restock", {
        query: { ...filters, limit: PAGE, offset },
      })
        .then((r) => live && (setData(r), setError(null)))
        .catch((e) => live && setError((e as Error).message))
    }, 200)
    return () => {
      live = false
      clearTimeout(timer)
    }
    // `filters` is rebuilt from these values on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [categoryId, brandId, q, offset, version])

  const acknowledge = async (id: string) => {
    await adminFetch(`/orion/alerts/${id}/acknowledge`, {
      method: "POST",
      body: {},
    })
    setVersion((v) => v + 1)
  }

  return (
    <div className="flex flex-col gap-y-4">
      <Container className="p-6 flex flex-col gap-y-4">
        <div className="flex items-start justify-between gap-x-4">
          <div>
            <Heading level="h1">Réassort</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Les pièces à commander, les plus urgentes d'abord : celles qui
              tomberont en rupture le plus tôt, puis celles qui pèsent le plus.
            </Text>
          </div>
          <Button
            variant="secondary"
            size="small"
            onClick={() =>
              downloadAdminFile(
                "/orion/restock",
                `reassort-${new Date().toISOString().slice(0, 10)}.csv`,
                { ...filters, format: "csv" }
              ).catch((e) => setError((e as Error).message))
            }
          >
            <ArrowDownTray /> Exporter CSV
          </Button>
        </div>
        <ReassortRunProgress onFinished={() => setVersion((v) => v + 1)} />
        <div className="flex gap-x-3">
          <FilterSelect
            testId="filter-category"
            placeholder="Catégorie"
            all="Toutes les catégories"
            value={categoryId}
            items={categories}
            onChange={(v) => (setCategoryId(v), setOffset(0))}
          />
          <FilterSelect
            testId="filter-brand"
            placeholder="Marque"
            all="Toutes les marques"
            value={brandId}
            items={brands}
            onChange={(v) => (setBrandId(v), setOffset(0))}
          />
          <div className="w-64">
            <Input
              type="search"
              placeholder="Référence ou nom"
              value={q}
              onChange={(e) => (setQ(e.target.value), setOffset(0))}
            />
          </div>
        </div>
      </Container>
      <Container className="p-0 overflow-hidden">
        {error ? <Text className="text-ui-fg-error p-6">{error}</Text> : null}
        {!data ? (
          <Text className="text-ui-fg-subtle p-6">Chargement…</Text>
        ) : data.suggestions.length === 0 ? (
          <Text className="text-ui-fg-subtle p-6" data-testid="reassort-empty">
            Rien à commander
            {filters.category_id || filters.brand_id || filters.q
              ? " avec ces filtres"
              : ""}{" "}
            : le stock couvre la demande prévue.
          </Text>
        ) : (
          <Table data-testid="reassort-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Pièce</Table.HeaderCell>
                <Table.HeaderCell>Marque</Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  Stock
                </Table.HeaderCell>
                <Table.HeaderCell>Rupture prévue</Table.HeaderCell>
                <Table.HeaderCell>Commander avant</Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  À commander
                </Table.HeaderCell>
                <Table.HeaderCell className="text-right">
                  Valeur HT
                </Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.suggestions.map((s) => (
                <Table.Row
                  key={s.id}
                  className="[&_td]:align-top"
                  data-testid="reassort-row"
                >
                  <Table.Cell className="py-2 max-w-md">
                    {s.product_id ? (
                      <Link
                        to={`/a/products/${s.product_id}`}
                        className="text-ui-fg-interactive hover:underline"
                      >
                        {s.title ?? s.sku}
                      </Link>
                    ) : (
                      (s.title ?? s.sku)
                    )}
                    <div className="text-ui-fg-subtle text-xs">
                      {s.sku}
                      {s.category ? ` · ${s.category}` : ""}
                    </div>
                    <div className="text-ui-fg-subtle text-xs whitespace-normal">
                      {why(s)}
                    </div>
                  </Table.Cell>
                  <Table.Cell>{s.brand ?? "—"}</Table.Cell>
                  <Table.Cell className="text-right">
                    {formatNumber(s.stock)}
                    {s.on_order ? (
                      <div className="text-ui-fg-subtle text-xs">
                        + {formatNumber(s.on_order)} en commande
                      </div>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell>
                    {s.stockout_date ? (
                      formatDate(s.stockout_date)
                    ) : (
                      <span className="text-ui-fg-subtle">
                        pas avant 3 mois
                      </span>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {s.order_by ? formatDate(s.order_by) : "—"}
                  </Table.Cell>
                  <Table.Cell className="text-right font-medium">
                    {formatNumber(s.suggested_quantity)}
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    {formatAmount(s.value)}
                  </Table.Cell>
                  <Table.Cell>
                    {s.status === "open" ? (
                      <Button
                        variant="transparent"
                        size="small"
                        onClick={() => acknowledge(s.id)}
                      >
                        Marquer comme vu
                      </Button>
                    ) : (
                      <Badge size="small">vu</Badge>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {data && data.count > 0 ? (
          <div className="flex items-center justify-between p-4">
            <Text
              size="small"
              className="text-ui-fg-subtle"
              data-testid="reassort-count"
            >
              {pageRange({ count: data.count, limit: PAGE, offset })} pièces à
              commander
            </Text>
            <div className="flex gap-x-2">
              <PagerButtons
                count={data.count}
                limit={PAGE}
                offset={offset}
                onChange={setOffset}
                button={pagerButton}
              />
            </div>
          </div>
        ) : null}
      </Container>
      <Container className="p-6">
        <ReassortAccuracy version={version} />
      </Container>
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Réassort",
    icon: ShoppingCart,
  },
}

export default ReassortPage
