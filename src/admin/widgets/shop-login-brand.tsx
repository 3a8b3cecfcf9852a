import type { WidgetConfig } from "@medusajs/admin"
import { useEffect, useState } from "react"

/** Above the login form: the shop's logo (served at /logo.svg) and its name from GET /store/shop. */
const ShopLoginBrand = () => {
  const [name, setName] = useState("Shabou Auto Pièces")
  useEffect(() => {
    fetch("/store/shop")
      .then((r) => (r.ok ? r.json() : null))
      .then((d) => d?.shop?.name && setName(d.shop.name))
      .catch(() => undefined)
  }, [])
  return (
    <div
      className="flex flex-col items-center gap-y-2 mb-large"
      data-testid="shop-login-brand"
    >
      <img src="/logo.svg" alt={name} width={160} height={80} />
      <h1 className="inter-xlarge-semibold text-grey-90">{name}</h1>
      <p className="inter-small-regular text-grey-50">
        Administration de la boutique
      </p>
    </div>
  )
}

export const config: WidgetConfig = {
  zone: "login.before",
}

export default ShopLoginBrand
