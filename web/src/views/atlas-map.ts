// The Atlas choropleth: world countries coloured by the index for one year. A country is coloured
// only when its row has status "data" and an index; a partial row, a "no data" row and a country
// the Atlas did not return are hatched (three patterns the legend names), never coloured.
// Keyboard: the map is one tab stop (roving tabindex over the states in name order); arrows move,
// Enter or Space selects; focus and hover both show the state's figures.
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import { atlasRowLabel, indexed, rampColour, type ShownAtlasRow } from "../atlas-data.ts";
import type { CountryFeature } from "../geo.ts";
import { svgEl as el } from "./svg.ts";

export interface AtlasMapOptions {
  width?: number;
  height?: number;
  /** The colour domain (the same for every year). */
  domain?: [number, number];
  /** The focal state, outlined. */
  focal?: string;
  /** How many states have an index this year (for "rank r of N"). */
  count?: number;
  /** Called with a state chosen by click, Enter or Space. */
  onSelect?: (iso3: string) => void;
  /** Called with the row under the pointer or focus (null when it leaves). */
  onHover?: (row: ShownAtlasRow | null, iso3: string | null, name: string) => void;
  title?: string;
}

const defaults = { width: 960, height: 500, domain: [0, 1] as [number, number], title: "" };

/** The fill patterns of what is not a value: partial, no data, not in the Atlas. */
export const HATCHES = {
  partial: { id: "atlas-hatch-partial", bg: "#fff4e0", fg: "#e0b872" },
  "no data": { id: "atlas-hatch-nodata", bg: "#f3f3f3", fg: "#b5b5b5" },
  absent: { id: "atlas-hatch-absent", bg: "#fafafa", fg: "#dedede" },
} as const;

function hatch(id: string, bg: string, fg: string, angle: number): SVGPatternElement {
  return el(
    "pattern",
    {
      id,
      patternUnits: "userSpaceOnUse",
      width: 6,
      height: 6,
      patternTransform: `rotate(${angle})`,
    },
    el("rect", { width: 6, height: 6, fill: bg }),
    el("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: fg, "stroke-width": 2.5 }),
  );
}

/** What a country shows: "data" (coloured), a status hatched, or "absent" (no row). */
export function fillStatus(
  row: ShownAtlasRow | undefined,
): "data" | "partial" | "no data" | "absent" {
  if (!row) return "absent";
  if (indexed(row)) return "data";
  return row.status === "partial" ? "partial" : "no data";
}

export function atlasMap(
  features: CountryFeature[],
  rows: ShownAtlasRow[],
  options: AtlasMapOptions = {},
): SVGSVGElement {
  const o = { ...defaults, ...options };
  const byIso = new Map(rows.map((r) => [r.iso3, r]));
  const projection = geoNaturalEarth1().fitExtent(
    [
      [6, 6],
      [o.width - 6, o.height - 6],
    ],
    { type: "Sphere" },
  );
  const path = geoPath(projection);
  const svg = el("svg", {
    viewBox: `0 0 ${o.width} ${o.height}`,
    class: "map atlas-map",
    role: "group",
    "aria-label": o.title || "World map of the index",
  });
  svg.append(
    el(
      "defs",
      {},
      hatch(HATCHES.partial.id, HATCHES.partial.bg, HATCHES.partial.fg, 45),
      hatch(HATCHES["no data"].id, HATCHES["no data"].bg, HATCHES["no data"].fg, 45),
      hatch(HATCHES.absent.id, HATCHES.absent.bg, HATCHES.absent.fg, -45),
    ),
    el("path", {
      d: path({ type: "Sphere" }) ?? "",
      fill: "#f8fbff",
      stroke: "#ccd",
      "aria-hidden": "true",
    }),
    el("path", {
      d: path(geoGraticule10()) ?? "",
      fill: "none",
      stroke: "#e3e8ee",
      "stroke-width": 0.5,
      "aria-hidden": "true",
    }),
  );
  const states: SVGPathElement[] = [];
  const drawn = features
    .filter((f) => f.iso3 !== "ATA")
    .map((f) => ({ f, name: byIso.get(f.iso3 ?? "")?.name ?? f.properties.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const focusState = (p: SVGPathElement) => {
    for (const x of states) x.setAttribute("tabindex", x === p ? "0" : "-1");
    p.focus();
  };
  for (const { f, name } of drawn) {
    const row = f.iso3 ? byIso.get(f.iso3) : undefined;
    const st = fillStatus(row);
    const fill = st === "data" ? rampColour(row!.index!, o.domain) : `url(#${HATCHES[st].id})`;
    const label = row
      ? atlasRowLabel(row, o.count)
      : `${name}${f.iso3 ? ` (${f.iso3})` : ""}: not in the Atlas answer`;
    const p = el("path", {
      d: path(f) ?? "",
      fill,
      stroke: f.iso3 && f.iso3 === o.focal ? "#d62728" : "#fff",
      "stroke-width": f.iso3 && f.iso3 === o.focal ? 2 : 0.5,
      class: `atlas-state status-${st.replace(" ", "-")}${f.iso3 === o.focal ? " focal" : ""}`,
      "data-iso3": f.iso3 ?? "",
      "data-status": st,
      role: f.iso3 ? "button" : "img",
      "aria-label": label,
    });
    if (st === "data") p.setAttribute("data-index", String(row!.index));
    p.append(el("title", {}, label));
    if (f.iso3) {
      const iso3 = f.iso3;
      p.setAttribute("tabindex", "-1");
      states.push(p);
      const hover = () => o.onHover?.(row ?? null, iso3, name);
      p.addEventListener("mouseenter", hover);
      p.addEventListener("focus", hover);
      p.addEventListener("mouseleave", () => o.onHover?.(null, null, ""));
      p.addEventListener("click", () => {
        focusState(p);
        o.onSelect?.(iso3);
      });
      p.addEventListener("keydown", (e) => {
        const k = e.key;
        const i = states.indexOf(p);
        if (k === "Enter" || k === " ") {
          e.preventDefault();
          o.onSelect?.(iso3);
        } else if (k === "ArrowRight" || k === "ArrowDown") {
          e.preventDefault();
          focusState(states[(i + 1) % states.length]);
        } else if (k === "ArrowLeft" || k === "ArrowUp") {
          e.preventDefault();
          focusState(states[(i - 1 + states.length) % states.length]);
        } else if (k === "Home" || k === "End") {
          e.preventDefault();
          focusState(states[k === "Home" ? 0 : states.length - 1]);
        }
      });
    }
    svg.append(p);
  }
  // One tab stop: the focal state when drawn, else the first state by name.
  const start = states.find((p) => p.getAttribute("data-iso3") === o.focal) ?? states[0];
  start?.setAttribute("tabindex", "0");
  // The focal outline on top of its neighbours' borders.
  const focalPath = states.find((p) => p.getAttribute("data-iso3") === o.focal);
  if (focalPath) svg.append(focalPath);
  return svg;
}
