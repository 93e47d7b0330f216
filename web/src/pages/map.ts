import { geoCentroid, geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import { api, has, qs } from "../api.ts";
import type { PageContext } from "../context.ts";
import { type CountryFeature, worldCountries } from "../geo.ts";
import { Left, pollJob, startJob } from "../jobs.ts";
import {
  type CorridorLinkJson,
  type EdgeJson,
  type JobJson,
  LEVEL_COLOURS,
  LEVELS,
  type LevelJson,
  type LeverageRowJson,
  type Project,
  type ScenarioData,
  type Tie,
} from "../types.ts";
import {
  activeAt,
  append,
  fmt,
  h,
  notice,
  section,
  sourceLink,
  table,
  unavailable,
} from "../ui.ts";
import { waiting } from "../views/pending.ts";

const SVG = "http://www.w3.org/2000/svg";
function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...kids: (Node | string)[]
) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...kids);
  return el;
}

const REL = { positive: "#1a9850", negative: "#d73027", none: "#cfd8dc" };
const PROJECT_COLOURS: Record<string, string> = {
  pipeline: "#8c2d04",
  corridor: "#08519c",
  railway: "#3f007d",
  road: "#525252",
  port: "#006d2c",
};

export interface Partner {
  id: string;
  /** Levels from /api/levels (the server's level rule with the scenario's overrides). */
  levels: string[];
  levelBasis: string[];
  /** The scenario's tie records in force at the date (shown with their sources, not scored). */
  ties: Tie[];
  /** The sign of the server's signed-graph edge (/api/network); "none" when it has no edge. */
  relation: keyof typeof REL;
  /** The server's edge score (tie part + event part), when it has an edge. */
  score: number | null;
}

/**
 * The focal state's partners at a date, from what the server computes: levels (/api/levels) and
 * the sign of its signed-graph edge (/api/network). The tie records in force are only listed.
 */
export function partnersFrom(
  focal: string,
  at: string,
  levels: LevelJson[],
  edges: EdgeJson[],
  ties: Tie[],
): Partner[] {
  const ids = new Set<string>(levels.map((l) => l.partner));
  const mine = edges.filter((e) => e.source === focal || e.target === focal);
  for (const e of mine) ids.add(e.source === focal ? e.target : e.source);
  const inForce = ties.filter((t) => (t.a === focal || t.b === focal) && activeAt(t, at));
  ids.delete(focal);
  return [...ids].map((id) => {
    const e = mine.find((x) => x.source === id || x.target === id);
    const ls = levels.filter((l) => l.partner === id);
    return {
      id,
      levels: [...new Set(ls.map((l) => l.level))],
      levelBasis: [...new Set(ls.map((l) => l.basis ?? ""))].filter(Boolean),
      ties: inForce.filter((t) => t.a === id || t.b === id),
      relation: !e ? "none" : e.sign > 0 ? "positive" : e.sign < 0 ? "negative" : "none",
      score:
        e && typeof e.tieScore === "number" && typeof e.eventScore === "number"
          ? e.tieScore + e.eventScore
          : null,
    };
  });
}

const leverageJobs = new Map<string, string>();

/** Transit leverage over the years (a job: it solves many flow problems). */
function leverageSection(ctx: PageContext): HTMLElement {
  const focal = ctx.state.focal;
  const bar = h("progress", {
    max: 1,
    value: 0,
    "aria-label": "transit leverage progress",
  }) as HTMLProgressElement;
  const status = h(
    "span",
    { class: "job-status", role: "status", "aria-live": "polite" },
    "starting…",
  );
  const body = h("div", { class: "leverage" }, h("div", { class: "row" }, bar, " ", status));
  void (async () => {
    const t0 = performance.now();
    // One job per focal state per page load: re-rendering the map polls the same job. Polling
    // stops when the page is left (ctx.signal); the job itself finishes on the server.
    let id = leverageJobs.get(focal);
    if (!id) {
      try {
        id = await startJob("corridor-leverage", { country: focal });
      } catch (e) {
        const status = (e as { status?: number }).status;
        body.replaceChildren(
          notice(status === 404 ? "unavailable" : "error", (e as Error).message),
        );
        return;
      }
      leverageJobs.set(focal, id);
    }
    let job: JobJson;
    try {
      job = await pollJob(id, {
        signal: ctx.signal,
        every: 400,
        onProgress: (j) => {
          bar.value = j.progress;
          status.textContent = `${Math.round(j.progress * 100)}% · ${((performance.now() - t0) / 1000).toFixed(0)} s${j.message ? ` · ${j.message}` : ""}`;
        },
      });
    } catch (e) {
      if (e instanceof Left) return;
      leverageJobs.delete(focal);
      body.replaceChildren(notice("error", `transit leverage: ${(e as Error).message}`));
      return;
    }
    const result = job.result as { rows?: LeverageRowJson[] } | undefined;
    if (!Array.isArray(result?.rows)) {
      body.replaceChildren(notice("error", "transit leverage: the job returned no rows"));
      return;
    }
    {
      const rows = result.rows;
      const Plot = await import("@observablehq/plot");
      const chart = Plot.plot({
        width: 760,
        height: 220,
        x: { label: "year", tickFormat: "d" },
        y: { label: "Shapley share of transit value", domain: [0, 1], grid: true },
        color: { legend: true, domain: ["transport", "gas"], range: ["#6a51a3", "#b15928"] },
        marks: [
          Plot.lineY(rows, { x: "year", y: "shapleyShare", stroke: "network", marker: "circle" }),
          Plot.ruleY([0]),
        ],
      });
      body.replaceChildren(
        h(
          "p",
          { class: "summary" },
          `What other states would lose without ${ctx.name(focal)} as a transit country, per year of the corridor model (computed in ${((performance.now() - t0) / 1000).toFixed(1)} s).`,
        ),
        h("figure", {}, chart),
        table(rows, [
          { key: "y", label: "year", value: (x) => String(x.year) },
          { key: "n", label: "network", value: (x) => x.network },
          {
            key: "b",
            label: "route betweenness",
            value: (x) => fmt(x.routeBetweenness, 3),
            numeric: true,
          },
          {
            key: "c",
            label: "bypass cost",
            value: (x) =>
              x.bypassCost === null ? null : `${fmt(x.bypassCost, 2)} ${x.costUnit ?? ""}`,
            numeric: true,
          },
          {
            key: "s",
            label: "Shapley transit power",
            value: (x) => fmt(x.shapley, 3),
            numeric: true,
          },
          {
            key: "sh",
            label: "Shapley share",
            value: (x) => fmt(x.shapleyShare, 3),
            numeric: true,
          },
        ]),
        h(
          "p",
          { class: "hint" },
          "Formulas: docs/measures (corridors); link figures and their sources: the corridor network's files, via /api/corridors/network.",
        ),
      );
      return;
    }
  })();
  return body;
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const st = ctx.state;
  const at = /^\d{4}(-\d{2}-\d{2})?$/.test(st.extra.at ?? "") ? st.extra.at! : st.to;
  const colourBy = st.extra.colour === "relation" ? "relation" : "level";
  const zoom = st.extra.zoom === "world" ? "world" : "region";
  const corridorsP = has("/api/corridors/network").then((ok) =>
    ok
      ? api<{ links: CorridorLinkJson[] }>(`/api/corridors/network${qs({ year: at.slice(0, 4) })}`)
      : null,
  );
  const hasLeverageP = hasJob("corridor-leverage");
  const wait = waiting(`Loading ${ctx.name(st.focal)}'s partners in ${at}`, { signal: ctx.signal });
  root.append(wait.el);
  const [r, lv, net] = await Promise.all([
    api<ScenarioData>(`/api/scenario${qs({ scenario: st.scenario, include: "ties,projects" })}`),
    api<{ levels: LevelJson[] }>(
      `/api/levels${qs({ scenario: st.scenario, focal: st.focal, year: at.slice(0, 4) })}`,
    ),
    api<{ edges: EdgeJson[] }>(`/api/network${qs({ scenario: st.scenario, focal: st.focal, at })}`),
  ]);
  wait.stop();
  wait.el.remove();
  if (!r.ok) {
    root.append(notice("error", `Could not load the scenario: ${r.error}`));
    return;
  }
  const d = r.data;
  const partners = partnersFrom(
    st.focal,
    at,
    lv.ok ? lv.data.levels : [],
    net.ok && Array.isArray(net.data.edges) ? net.data.edges : [],
    d.ties,
  );
  const byId = new Map(partners.map((p) => [p.id, p]));
  const feats = worldCountries();
  const featOf = new Map(feats.filter((f) => f.iso3).map((f) => [f.iso3!, f]));
  const projects = d.projects;
  const W = 1000;
  const H = 520;
  const focusIds = [
    st.focal,
    ...partners.filter((p) => p.levels.some((l) => l !== "systemic")).map((p) => p.id),
    ...projects.flatMap((p) => p.route),
  ];
  const focus = focusIds.map((id) => featOf.get(id)).filter(Boolean) as CountryFeature[];
  // The region view spans at least ±25° of longitude and ±15° of latitude around the focal state.
  const focalFeat = featOf.get(st.focal);
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
    if (f.iso3 === st.focal) return "#111";
    const p = f.iso3 ? byId.get(f.iso3) : undefined;
    if (!p) return "#eef1f3";
    if (colourBy === "relation") return REL[p.relation];
    const l = LEVELS.find((x) => p.levels.includes(x));
    return l ? LEVEL_COLOURS[l] : "#b0bec5";
  };
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    role: "img",
    "aria-label": `Map of ${ctx.name(st.focal)}'s partners in ${at}, coloured by ${colourBy}`,
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
        `${f.iso3 ? ctx.name(f.iso3) : f.properties.name}${p ? ` — ${p.levels.join(", ") || "level not set"}; ties: ${p.ties.length ? p.ties.map((t) => `${t.domain} ${t.sign > 0 ? "+" : "−"}`).join(", ") : "none recorded"}` : ""}`,
      ),
    );
    svg.append(el);
  }
  // The corridor model's route network in the year (links with their own geometry), when the server has it.
  let corridorLinks: CorridorLinkJson[] = [];
  const cn = await corridorsP;
  if (cn?.ok) corridorLinks = cn.data.links;
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
  const kindOf = new Map(ctx.actors.map((a) => [a.id, a.kind]));
  const noGeo = partners.filter((p) => !featOf.has(p.id) && kindOf.get(p.id) === "state");
  const orgs = partners.filter((p) => kindOf.get(p.id) !== "state");
  append(root, [
    h(
      "form",
      { class: "filters", "aria-label": "Map options", onsubmit: (e: Event) => e.preventDefault() },
      h(
        "label",
        { for: "m-at" },
        "Date",
        h("input", {
          id: "m-at",
          type: "number",
          min: st.from,
          max: st.to,
          value: at.slice(0, 4),
          onchange: (e: Event) => ctx.update({ at: (e.target as HTMLInputElement).value }),
        }),
      ),
      h(
        "fieldset",
        {},
        h("legend", {}, "Colour by"),
        ...(["level", "relation"] as const).map((v) =>
          h(
            "label",
            {},
            h("input", {
              type: "radio",
              name: "colour",
              value: v,
              checked: v === colourBy,
              onchange: () => ctx.update({ colour: v }),
            }),
            v,
          ),
        ),
      ),
      h(
        "fieldset",
        {},
        h("legend", {}, "Extent"),
        ...(["region", "world"] as const).map((v) =>
          h(
            "label",
            {},
            h("input", {
              type: "radio",
              name: "zoom",
              value: v,
              checked: v === zoom,
              onchange: () => ctx.update({ zoom: v }),
            }),
            v,
          ),
        ),
      ),
    ),
    h(
      "figure",
      { class: "map-figure" },
      svg,
      h(
        "figcaption",
        { class: "legend" },
        h("span", {}, h("i", { style: "background:#111" }), ctx.name(st.focal)),
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
    ),
    lv.ok
      ? null
      : notice("error", `Levels (/api/levels) failed, so no level is shown: ${lv.error}`),
    net.ok
      ? null
      : notice(
          "error",
          `The signed network (/api/network) failed, so no relation is shown: ${net.error}`,
        ),
    noGeo.length
      ? notice(
          "info",
          `Not drawn (no shape at this map scale): ${noGeo.map((p) => ctx.name(p.id)).join(", ")}.`,
        )
      : null,
    orgs.length
      ? notice(
          "info",
          `Organisations (not on the map; listed below): ${orgs.map((p) => ctx.name(p.id)).join(", ")}.`,
        )
      : null,
    partners.length === 0
      ? notice("empty", `The server gives no partner for ${ctx.name(st.focal)} in ${at}.`)
      : null,
    section(
      `Partners in ${at}`,
      table(
        [...partners].sort((a, b) => a.id.localeCompare(b.id)),
        [
          { key: "p", label: "partner", value: (p) => `${ctx.name(p.id)} (${p.id})` },
          {
            key: "l",
            label: "level",
            value: (p) =>
              p.levels.length
                ? `${p.levels.join(", ")}${p.levelBasis.length ? ` (${p.levelBasis.join(", ")})` : ""}`
                : null,
          },
          {
            key: "r",
            label: "relation (the server's signed network)",
            value: (p) =>
              h(
                "span",
                { class: `rel rel-${p.relation}` },
                p.relation === "none"
                  ? "no edge"
                  : `${p.relation}${p.score === null ? "" : ` (score ${fmt(p.score, 2)})`}`,
              ),
          },
          {
            key: "t",
            label: "ties and sources",
            value: (p) =>
              p.ties.length
                ? h(
                    "ul",
                    { class: "plain" },
                    ...p.ties.map((t) =>
                      h(
                        "li",
                        {},
                        `${t.domain} ${t.sign > 0 ? "+" : "−"}${fmt(t.strength)}${t.from ? ` from ${t.from}` : ""}${t.to ? ` to ${t.to}` : ""} `,
                        sourceLink(t.source),
                      ),
                    ),
                  )
                : null,
          },
        ],
      ),
    ),
    section(
      "Corridors and pipelines",
      d.projects.length === 0
        ? notice("empty", "The scenario has no corridor or pipeline.")
        : table(d.projects, [
            { key: "n", label: "project", value: (p: Project) => p.name },
            { key: "k", label: "kind", value: (p) => p.kind },
            { key: "r", label: "route", value: (p) => p.route.join(" → ") },
            {
              key: "c",
              label: "capacity",
              value: (p) =>
                p.capacity === undefined ? null : `${fmt(p.capacity)} ${p.capacityUnit ?? ""}`,
              numeric: true,
            },
            { key: "s", label: "status", value: (p) => p.status },
            {
              key: "d",
              label: "dates",
              value: (p) => (p.from || p.to ? `${p.from ?? "?"} – ${p.to ?? ""}` : null),
            },
            { key: "o", label: "on map", value: (p) => (drawn.includes(p.id) ? "yes" : "no") },
            { key: "src", label: "source", value: (p) => sourceLink(p.source) },
          ]),
    ),
    (await hasLeverageP)
      ? section(`Transit leverage of ${ctx.name(st.focal)}`, leverageSection(ctx))
      : section(
          "Transit leverage",
          unavailable(
            "corridor-leverage job",
            "Transit leverage (route betweenness, bypass cost, Shapley value)",
          ),
        ),
  ]);
}

async function hasJob(kind: string): Promise<boolean> {
  const r = await api<{ kinds: { name: string }[] }>("/api/jobs");
  return r.ok && r.data.kinds.some((k) => k.name === kind);
}
