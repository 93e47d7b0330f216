// The Atlas map's legend: what the colour means (the formula's name, the direction, the domain)
// and the three hatches that are not values.
import { ATLAS_DEFAULTS } from "../atlas-data.ts";
import { h } from "../ui.ts";
import { HATCHES } from "./atlas-map.ts";

export interface AtlasLegendOptions {
  domain?: [number, number];
  /** The server's formula text (shown in full under the ramp). */
  formula?: string;
  year?: number;
  level?: number;
}

const defaults = { domain: [0, 1] as [number, number], formula: "", level: 0.9 };

const swatch = (bg: string, fg: string) =>
  `background: repeating-linear-gradient(45deg, ${bg}, ${bg} 3px, ${fg} 3px, ${fg} 6px)`;

export function atlasLegend(options: AtlasLegendOptions = {}): HTMLElement {
  const o = { ...defaults, ...options };
  const [lo, hi] = o.domain;
  const mid = (lo + hi) / 2;
  const f = (v: number) => String(Math.round(v * 100) / 100);
  const ramp = `background: linear-gradient(to right, ${ATLAS_DEFAULTS.ramp.join(", ")})`;
  return h(
    "div",
    { class: "atlas-legend", role: "group", "aria-label": "Map legend" },
    h(
      "p",
      { class: "legend-title" },
      h("strong", {}, "Colour: the multi-alignment (hedging) index"),
      o.year !== undefined ? ` in ${o.year}` : "",
      ". Higher means more evenly engaged with the rival poles (West, Russia, China).",
    ),
    h(
      "div",
      { class: "ramp-wrap" },
      h("span", {
        class: "ramp",
        style: ramp,
        role: "img",
        "aria-label": `colour ramp from ${f(lo)} (dark purple) to ${f(hi)} (yellow)`,
      }),
      h(
        "span",
        { class: "ramp-ticks", "aria-hidden": "true" },
        h("span", {}, f(lo)),
        h("span", {}, f(mid)),
        h("span", {}, f(hi)),
      ),
    ),
    h(
      "p",
      { class: "legend" },
      h(
        "span",
        {},
        h("i", { style: swatch(HATCHES["no data"].bg, HATCHES["no data"].fg) }),
        "no data: no index",
      ),
      h(
        "span",
        {},
        h("i", { style: swatch(HATCHES.partial.bg, HATCHES.partial.fg) }),
        "partial data: no index",
      ),
      h(
        "span",
        {},
        h("i", { style: swatch(HATCHES.absent.bg, HATCHES.absent.fg) }),
        "not in the Atlas answer",
      ),
      h(
        "span",
        {},
        h("i", { style: "border: 2px solid #d62728; background: transparent" }),
        "focal state",
      ),
    ),
    o.formula
      ? h("p", { class: "formula" }, h("strong", {}, "Formula: "), h("code", {}, o.formula))
      : h("p", { class: "formula missing" }, "The server did not state the formula."),
    h(
      "p",
      { class: "hint" },
      `Intervals are ${Math.round(o.level * 100)} % intervals from the server's seeded draws; a rank interval is the range of ranks over those draws.`,
    ),
  );
}
