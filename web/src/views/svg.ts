// One SVG element builder for the dashboard's plain-SVG views (charts, maps, the network).

export const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and children: `svgEl("line", { x1: 0, y1: 0 }, child)`. */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...kids: (Node | string)[]
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  e.append(...kids);
  return e;
}
