/**
 * HTML of the supplier fixture pages (shared by extract-price tests and the
 * supplier-site server). Modelled on real e-commerce markup (WooCommerce /
 * PrestaShop / Shopify style structured data).
 */

const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><header><nav>Accueil | Freinage | Filtration | Promo</nav></header>${body}</body></html>`

const ld = (data: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(data)}</script>`

export const PAGES = {
  /** single Product + Offer, TND */
  jsonLd: page(
    "Plaquettes de frein avant Peugeot 208",
    ld({
      "@context": "https://schema.org",
      "@type": "Product",
      name: "Plaquettes de frein avant Peugeot 208",
      sku: "BRK-208-AV",
      mpn: "0986494596",
      offers: {
        "@type": "Offer",
        price: "89.900",
        priceCurrency: "TND",
        availability: "https://schema.org/InStock",
      },
    }),
    `<h1>Plaquettes de frein avant Peugeot 208</h1><p class="price">89,900 DT</p>`
  ),

  /** @graph with a WebPage, a breadcrumb and a Product with three variant offers */
  severalOffers: page(
    "Filtre à huile - plusieurs références",
    ld({
      "@context": "https://schema.org",
      "@graph": [
        {
          "@type": "WebPage",
          "@id": "https://fournisseur.tn/filtres#page",
          name: "Filtres",
        },
        { "@type": "BreadcrumbList", itemListElement: [] },
        {
          "@type": "Product",
          name: "Filtre à huile",
          offers: [
            {
              "@type": "Offer",
              sku: "OF-101",
              mpn: "W 712/95",
              gtin13: "4011558738101",
              price: "18.500",
              priceCurrency: "TND",
              availability: "http://schema.org/InStock",
            },
            {
              "@type": "Offer",
              sku: "OF-102",
              mpn: "W 719/30",
              gtin13: "4011558733304",
              price: "21.750",
              priceCurrency: "TND",
              availability: "http://schema.org/OutOfStock",
            },
            {
              "@type": "Offer",
              sku: "OF-103",
              mpn: "HU 716/2x",
              price: "32.000",
              priceCurrency: "TND",
              availability: "https://schema.org/LimitedAvailability",
            },
          ],
        },
      ],
    }),
    `<h1>Filtre à huile</h1><ul><li>W 712/95 : 18,500 DT</li><li>W 719/30 : 21,750 DT</li><li>HU 716/2x : 32,000 DT</li></ul>`
  ),

  /** an array of top-level nodes, with an AggregateOffer that has no nested offers */
  aggregate: page(
    "Batterie 70Ah",
    ld([
      {
        "@context": "https://schema.org",
        "@type": "Organization",
        name: "Fournisseur SA",
      },
      {
        "@context": "https://schema.org",
        "@type": "Product",
        name: "Batterie 70Ah",
        sku: "BAT-70",
        offers: {
          "@type": "AggregateOffer",
          lowPrice: 245,
          highPrice: 310,
          priceCurrency: "TND",
          offerCount: 4,
        },
      },
    ]),
    `<h1>Batterie 70Ah</h1><p>À partir de 245,000 DT</p>`
  ),

  /** OpenGraph product tags only (EUR supplier) */
  openGraph: page(
    "Disque de frein",
    `<meta property="og:type" content="product">
     <meta property="og:title" content="Disque de frein 266mm">
     <meta property="product:price:amount" content="45.90">
     <meta property="product:price:currency" content="EUR">
     <meta property="product:availability" content="out of stock">`,
    `<h1>Disque de frein 266mm</h1><span>45,90 €</span>`
  ),

  /** microdata Product/Offer with content attributes */
  microdata: page(
    "Amortisseur arrière",
    "",
    `<div itemscope itemtype="https://schema.org/Product">
      <h1 itemprop="name">Amortisseur arrière Renault Clio 4</h1>
      <meta itemprop="sku" content="AMT-CLIO4-AR">
      <span itemprop="mpn">313 980</span>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
        <span itemprop="price" content="135.500">135,500</span>
        <span itemprop="priceCurrency" content="TND">DT</span>
        <link itemprop="availability" href="https://schema.org/InStock">En stock
      </div>
    </div>`
  ),

  /** microdata listing: two products, each with an offer */
  microdataListing: page(
    "Bougies",
    "",
    `<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Bougie NGK</span><meta itemprop="sku" content="NGK-BKR6E">
       <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price">9.500</span><meta itemprop="priceCurrency" content="TND"><link itemprop="availability" href="https://schema.org/InStock"></div></div>
     <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Bougie Bosch</span><meta itemprop="sku" content="BOSCH-FR7DC">
       <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price">11.200</span><meta itemprop="priceCurrency" content="TND"><link itemprop="availability" href="https://schema.org/OutOfStock"></div></div>`
  ),

  /** no structured data: only a CSS-selectable price (French format, with a stock line) */
  plain: page(
    "Courroie de distribution",
    "",
    `<h1>Kit courroie de distribution</h1>
     <div class="product-price"><span class="prix">1 250,000 DT</span></div>
     <p class="stock">Rupture de stock</p>`
  ),

  /** price inserted by JavaScript after load: nothing in the static HTML */
  jsRendered: page(
    "Radiateur (JS)",
    "",
    `<h1>Radiateur Peugeot 301</h1>
     <div id="price-box"><span class="prix">chargement…</span></div>
     <script>
       setTimeout(function () {
         document.querySelector("#price-box .prix").textContent = "389,000 DT";
         var s = document.createElement("script");
         s.type = "application/ld+json";
         s.text = JSON.stringify({ "@context": "https://schema.org", "@type": "Product", name: "Radiateur Peugeot 301", sku: "RAD-301",
           offers: { "@type": "Offer", price: "389.000", priceCurrency: "TND", availability: "https://schema.org/InStock" } });
         document.head.appendChild(s);
       }, 50);
     </script>`
  ),

  /** page without any price */
  noPrice: page(
    "Contact",
    "",
    `<h1>Contactez-nous</h1><p>Tél : 71 000 000</p>`
  ),
}

export type PageName = keyof typeof PAGES
