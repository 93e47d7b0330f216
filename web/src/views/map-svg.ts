// The Map's drawing: countries coloured by the focal state's partner level or signed relation, the
// corridor model's links (own geometry) and the scenario's corridors and pipelines (through country
// centroids, dashed unless operational at the date), with its legend.
import { geoCentroid, geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import { type CountryFeature, worldCountries } from "../geo.ts";
import { type CorridorLinkJson, LEVEL_COLOURS, LEVELS, type Project } from "../types.ts";
import { h } from "../ui.ts";
import { type Partner, REL } from "./map-partners.ts";
import { svgEl as s } from "./svg.ts";

export const PROJECT_COLOURS: Record<string, string> = {
  pipeline: "#8c2d04",
  corridor: "#08519c",
  railway: "#3f007d",
  road: "#525252",
  port: "#006d2c",
};

export interface MapInput {
  focal: string;
  /** YYYY or YYYY-MM-DD. */
  at: string;
  colourBy: "level" | "relation";
  zoom: "region" | "world";
  partners: readonly Partner[];
  projects: readonly Project[];
  corridorLinks: readonly CorridorLinkJson[];
  name: (code: string) => string;
}

/** The map figure, the projects drawn (ids) and which country codes have a shape. */
export function mapFigure(o: MapInput): {
  figure: HTMLElement;
  drawn: string[];
  hasShape: (iso3: string) => boolean;
} {
  const { partners, projects, corridorLinks, at, colourBy, zoom } = o;
  const byId = new Map(partners.map((p) => [p.id, p]));
  const feats = worldCountries();
  const featOf = new Map(feats.filter((f) => f.iso3).map((f) => [f.iso3!, f]));
  const W = 1000;
  const H = 520;
  const focusIds = [
    o.focal,
    ...partners.filter((p) => p.levels.some((l) => l !== "systemic")).map((p) => p.id),
    ...projects.flatMap((p) => p.route),
  ];
  const focus = focusIds.map((id) => featOf.get(id)).filter(Boolean) as CountryFeature[];
  // The region view spans at least ±25° of longitude and ±15° of latitude around the focal state.
  const focalFeat = featOf.get(o.focal);
  const minBox = focalFeat
    ? (() => {
        const [x, y] = geoCentroid(focalFeat);
        return [
          {
            type: "Feature",
            properties: {},
            geometry: {
              type: "MultiPoint",
              coordinates: [
                [x - 25, y - 15],
                [x + 25, y + 15],
              ],
            },
          },
        ];
      })()
    : [];
  const projection = geoNaturalEarth1();
  if (zoom === "region" && focus.length > 0)
    projection.fitExtent(
      [
        [10, 10],
        [W - 10, H - 10],
      ],
      {
        type: "FeatureCollection",
        features: [
          ...focus.map((f) => ({
            type: "Feature",
            properties: {},
            geometry: { type: "Point", coordinates: geoCentroid(f) },
          })),
          ...minBox,
        ],
      } as never,
    );
  else
    projection.fitExtent(
      [
        [10, 10],
        [W - 10, H - 10],
      ],
      { type: "Sphere" },
    );
  const path = geoPath(projection);

  const fill = (f: CountryFeature): string => {
    if (f.iso3 === o.focal) return "#111";
    const p = f.iso3 ? byId.get(f.iso3) : undefined;
    if (!p) return "#eef1f3";
    if (colourBy === "relation") return REL[p.relation];
    const l = LEVELS.find((x) => p.levels.includes(x));
    return l ? LEVEL_COLOURS[l] : "#b0bec5";
  };
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    role: "img",
    "aria-label": `Map of ${o.name(o.focal)}'s partners in ${at}, coloured by ${colourBy}`,
    class: "map",
  });
  svg.append(s("path", { d: path({ type: "Sphere" }) ?? "", fill: "#f8fbff", stroke: "#ccd" }));
  svg.append(
    s("path", {
      d: path(geoGraticule10()) ?? "",
      fill: "none",
      stroke: "#e3e8ee",
      "stroke-width": 0.5,
    }),
  );
  for (const f of feats) {
    const p = f.iso3 ? byId.get(f.iso3) : undefined;
    const el = s("path", {
      d: path(f) ?? "",
      fill: fill(f),
      stroke: "#fff",
      "stroke-width": 0.5,
      "data-iso3": f.iso3 ?? "",
    });
    el.append(
      s(
        "title",
        {},
        `${f.iso3 ? o.name(f.iso3) : f.properties.name}${p ? ` — ${p.levels.join(", ") || "level not set"}; ties: ${p.ties.length ? p.ties.map((t) => `${t.domain} ${t.sign > 0 ? "+" : "−"}`).join(", ") : "none recorded"}` : ""}`,
      ),
    );
    svg.append(el);
  }
  // The corridor model's route network in the year (links with their own geometry), when the server has it.
  for (const l of corridorLinks) {
    const line = s("path", {
      d: path({ type: "LineString", coordinates: l.geometry as [number, number][] }) ?? "",
      fill: "none",
      stroke: l.network === "gas" ? "#b15928" : "#6a51a3",
      "stroke-width": 1.2,
      "stroke-dasharray": l.status === "operating" || l.status === "operational" ? "none" : "2 3",
      opacity: 0.7,
      class: "corridor-link",
    });
    line.append(
      s(
        "title",
        {},
        `${l.name} (${l.network}, ${l.mode}, ${l.status})${l.capacity !== null ? ` capacity ${l.capacity} ${l.capacityUnit ?? ""}` : ""}${l.source ? `\n${l.source}` : l.assumption ? "\nassumption" : ""}`,
      ),
    );
    svg.append(line);
  }
  // Corridors and pipelines: a line through the route's countries (centroids), dashed unless operational at the date.
  const drawn: string[] = [];
  for (const p of projects) {
    const pts = p.route
      .map((c) => featOf.get(c))
      .filter(Boolean)
      .map((f) => geoCentroid(f!));
    if (pts.length < 2) continue;
    const operational =
      p.status === "operational" &&
      (!p.from || p.from.slice(0, 4) <= at.slice(0, 4)) &&
      (!p.to || p.to.slice(0, 4) >= at.slice(0, 4));
    const line = s("path", {
      d: path({ type: "LineString", coordinates: pts }) ?? "",
      fill: "none",
      stroke: PROJECT_COLOURS[p.kind] ?? "#333",
      "stroke-width": 2.5,
      "stroke-dasharray": operational ? "none" : "6 4",
      "stroke-linecap": "round",
      opacity: 0.85,
    });
    line.append(s("title", {}, `${p.name} (${p.kind}, ${p.status}): ${p.route.join(" → ")}`));
    svg.append(line);
    drawn.push(p.id);
  }
  for (const p of partners) {
    const f = featOf.get(p.id);
    if (!f) continue;
    const [x, y] = projection(geoCentroid(f)) ?? [NaN, NaN];
    if (!Number.isFinite(x)) continue;
    svg.append(s("text", { x, y, "text-anchor": "middle", class: "map-label" }, p.id));
  }
  const legendItems =
    colourBy === "level"
      ? LEVELS.map((l) => [LEVEL_COLOURS[l], l] as [string, string])
      : (Object.entries(REL) as [string, string][]).map(
          ([k, c]) =>
            [
              c,
              k === "none" ? "no edge in the signed network" : `${k} edge in the signed network`,
            ] as [string, string],
        );
  const figure = h(
    "figure",
    { class: "map-figure" },
    svg,
    h(
      "figcaption",
      { class: "legend" },
      h("span", {}, h("i", { style: "background:#111" }), o.name(o.focal)),
      ...legendItems.map(([c, l]) => h("span", {}, h("i", { style: `background:${c}` }), l)),
      ...Object.entries(PROJECT_COLOURS)
        .filter(([k]) => projects.some((p) => p.kind === k))
        .map(([k, c]) =>
          h(
            "span",
            {},
            h("i", { class: "line", style: `background:${c}` }),
            `${k} (dashed: not operational at the date)`,
          ),
        ),
      corridorLinks.length
        ? h(
            "span",
            {},
            h("i", { class: "line", style: "background:#6a51a3" }),
            "corridor model: transport links ",
            h("i", { class: "line", style: "background:#b15928" }),
            "gas links (thin; hover for capacity and source)",
          )
        : null,
      h("span", {}, "Boundaries: Natural Earth 1:110m via world-atlas (public domain)."),
    ),
  );
  return { figure, drawn, hasShape: (iso3) => featOf.has(iso3) };
}
