/**
 * The shop's logo (SVG), served at /logo.svg: the admin's favicon and login page ask for it there.
 * A wheel-and-wrench mark in the shop's red, with the name under it.
 */
export const SHOP_NAME = "Shabou Auto Pièces"

export const SHOP_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 120" width="240" height="120" role="img" aria-label="${SHOP_NAME}">
  <title>${SHOP_NAME}</title>
  <g transform="translate(120 44)">
    <circle r="34" fill="#b91c1c"/>
    <circle r="24" fill="none" stroke="#fff" stroke-width="6"/>
    <circle r="7" fill="#fff"/>
    <g stroke="#fff" stroke-width="4" stroke-linecap="round">
      <line x1="0" y1="-7" x2="0" y2="-20"/>
      <line x1="6.7" y1="2.2" x2="19" y2="6.2"/>
      <line x1="-6.7" y1="2.2" x2="-19" y2="6.2"/>
      <line x1="4.1" y1="5.7" x2="11.8" y2="16.2"/>
      <line x1="-4.1" y1="5.7" x2="-11.8" y2="16.2"/>
    </g>
  </g>
  <text x="120" y="108" text-anchor="middle" font-family="Inter, Arial, Helvetica, sans-serif" font-size="20" font-weight="700" fill="#111827">${SHOP_NAME}</text>
</svg>
`
