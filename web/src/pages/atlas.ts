// The Atlas page: every state's multi-alignment (hedging) index for a year on a world map and in a
// ranking with intervals, and the focal state's trajectory over the years. One request for the
// whole range (cached by api(): moving the year slider or sorting never asks the server again).
// Clicking a state (map or table) makes it the focal state; states without a scenario get the
// panel-only measures on every page that has them.
import { api, has, qs } from "../api.ts";
import {
  type AtlasSortKey,
  atlasRowLabel,
  atlasRows,
  atlasYears,
  indexDomain,
  indexed,
  latestIndexedYear,
  type ShownAtlasRow,
  trajectoryOf,
} from "../atlas-data.ts";
import type { PageContext } from "../context.ts";
import type { AtlasJson } from "../types.ts";
import { h, notice, section, unavailable } from "../ui.ts";
import { atlasLegend } from "../views/atlas-legend.ts";
import { atlasMap } from "../views/atlas-map.ts";
import { atlasTable } from "../views/atlas-table.ts";
import { atlasTrajectory } from "../views/atlas-trajectory.ts";
import { pendingBlock } from "../views/pending.ts";

export const ATLAS_PAGE_DEFAULTS = {
  /** Sort of the ranking table. */
  sort: "rank" as AtlasSortKey,
};

const SORTS: AtlasSortKey[] = ["rank", "name", "index", "coverage"];

/** The Atlas request: the server's whole range unless the URL names one (afrom/ato). */
export function atlasPath(extra: Record<string, string>): string {
  const y = (v: string | undefined) => (v && /^\d{4}$/.test(v) ? v : undefined);
  return `/api/atlas${qs({ from: y(extra.afrom), to: y(extra.ato) })}`;
}

/** Keep page parameters in the URL without re-rendering (the year slider, the sort). */
function remember(params: Record<string, string>): void {
  const u = new URL(window.location.href);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  history.replaceState(null, "", u.pathname + u.search);
}

async function worldFeatures() {
  const { worldCountries } = await import("../geo.ts");
  return worldCountries();
}

function atlasView(
  ctx: PageContext,
  data: AtlasJson,
  features: Awaited<ReturnType<typeof worldFeatures>>,
): HTMLElement {
  const st = ctx.state;
  const rows = atlasRows(data);
  const years = atlasYears(rows);
  if (rows.length === 0 || years.length === 0)
    return notice("empty", "The Atlas returned no state-years for this range.");
  const asked = Number(st.extra.year);
  let year = years.includes(asked) ? asked : (latestIndexedYear(rows) ?? years[years.length - 1]);
  let sort: AtlasSortKey = SORTS.includes(st.extra.sort as AtlasSortKey)
    ? (st.extra.sort as AtlasSortKey)
    : ATLAS_PAGE_DEFAULTS.sort;
  let dir: 1 | -1 = st.extra.dir === "desc" ? -1 : 1;
  const domain = indexDomain(rows);
  const byYear = new Map<number, ShownAtlasRow[]>();
  for (const r of rows) {
    const xs = byYear.get(r.year);
    if (xs) xs.push(r);
    else byYear.set(r.year, [r]);
  }
  const select = (iso3: string) => ctx.setFocal(iso3);

  // Year control: a slider with the year written beside it.
  const out = h("output", { for: "atlas-year", id: "atlas-year-out" }, String(year));
  const slider = h("input", {
    id: "atlas-year",
    type: "range",
    min: years[0],
    max: years[years.length - 1],
    step: 1,
    value: year,
    "aria-valuetext": String(year),
  }) as HTMLInputElement;
  const mapBox = h("div", { class: "atlas-map-box" });
  const legendBox = h("div", {});
  const detail = h("div", {
    class: "atlas-detail",
    role: "status",
    "aria-live": "polite",
    "aria-label": "State under the pointer or keyboard focus",
  });
  const tableBox = h("div", {});
  const mapTitle = h("h2", { id: "s-atlas-map" });
  const tableTitle = h("h2", { id: "s-atlas-ranking" });

  const focalLine = (yr: number) => {
    const r = byYear.get(yr)?.find((x) => x.iso3 === st.focal);
    const n = byYear.get(yr)?.filter(indexed).length ?? 0;
    return r
      ? `Focal state — ${atlasRowLabel(r, n)}`
      : `Focal state ${ctx.name(st.focal)} (${st.focal}): not in the Atlas answer for ${yr}.`;
  };
  const draw = () => {
    const ys = byYear.get(year) ?? [];
    const n = ys.filter(indexed).length;
    mapTitle.textContent = `Multi-alignment index, ${year}`;
    tableTitle.textContent = `Ranking, ${year}`;
    out.textContent = String(year);
    slider.setAttribute("aria-valuetext", String(year));
    legendBox.replaceChildren(
      atlasLegend({ domain, formula: data.formula, year, level: data.level }),
    );
    detail.textContent = focalLine(year);
    mapBox.replaceChildren(
      atlasMap(features, ys, {
        domain,
        focal: st.focal,
        count: n,
        title: `World map of the multi-alignment index in ${year}: ${n} states coloured, the others hatched. Arrow keys move between states, Enter makes one the focal state; the ranking table below lists the same figures.`,
        onSelect: select,
        onHover: (r, iso3, name) => {
          detail.textContent = r
            ? atlasRowLabel(r, n)
            : iso3
              ? `${name} (${iso3}), ${year}: not in the Atlas answer`
              : focalLine(year);
        },
      }),
    );
    tableBox.replaceChildren(
      atlasTable(ys, {
        sort,
        dir,
        focal: st.focal,
        caption: `${n} of ${ys.length} states with an index in ${year}, by ${sort}; states without one (no data or partial data) are listed last in every order. Click a name to make it the focal state.`,
        onSelect: select,
        weights: data.weights ?? {},
        onSort: (s, d) => {
          sort = s;
          dir = d;
          remember({ sort: s, dir: d === 1 ? "asc" : "desc" });
        },
      }),
    );
  };
  let pending = 0;
  slider.addEventListener("input", () => {
    year = Number(slider.value);
    out.textContent = String(year);
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      draw();
      remember({ year: String(year) });
    });
  });
  draw();

  const traj = trajectoryOf(rows, st.focal, years[0], years[years.length - 1]);
  const known = rows.some((r) => r.iso3 === st.focal);
  const poles = Object.entries(data.poles ?? {})
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : ""}`)
    .join("; ");
  const weights = Object.entries(data.weights ?? {})
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return h(
    "div",
    {},
    h(
      "section",
      { "aria-labelledby": "s-atlas-map" },
      mapTitle,
      h(
        "form",
        {
          class: "filters",
          "aria-label": "Atlas year",
          onsubmit: (e: Event) => e.preventDefault(),
        },
        h("label", { for: "atlas-year" }, "Year ", slider, " ", out),
        h("span", { class: "hint" }, `${years[0]}–${years[years.length - 1]}`),
      ),
      legendBox,
      h("div", { class: "atlas-map-row" }, mapBox, detail),
    ),
    h("section", { "aria-labelledby": "s-atlas-ranking" }, tableTitle, tableBox),
    section(
      `Trajectory: ${ctx.name(st.focal)}`,
      known
        ? atlasTrajectory(traj, {
            domain,
            components: data.components ?? [],
            all: rows,
            name: ctx.name(st.focal),
            weights: data.weights ?? {},
          })
        : notice(
            "empty",
            `${ctx.name(st.focal)} (${st.focal}) has no row in the Atlas for ${years[0]}–${years[years.length - 1]}.`,
            "Choose a state on the map or in the ranking.",
          ),
    ),
    h(
      "details",
      { class: "atlas-method" },
      h("summary", {}, "How the index is computed"),
      h("p", {}, h("strong", {}, "Formula: "), data.formula || "not stated by the server"),
      h("p", {}, h("strong", {}, "Poles: "), poles || "not stated"),
      h("p", {}, h("strong", {}, "Weights: "), weights || "not stated"),
      h(
        "p",
        {},
        `Intervals: ${Math.round((data.level ?? 0) * 100)} % over ${data.draws} seeded draws (seed ${data.seed}).${typeof data.minCoverage === "number" ? ` A state-year has an index when at least ${Math.round(data.minCoverage * 100)} % of the index weight has data.` : ""} Missing stays missing: a state-year without the data for its index is hatched on the map and listed last in the ranking, never given a value.`,
      ),
      data.components?.length
        ? h(
            "ul",
            {},
            ...data.components.map((c) =>
              h(
                "li",
                {},
                h("strong", {}, c.key),
                `${typeof c.weight === "number" ? ` (weight ${c.weight})` : ""}: ${c.label}. ${c.coverage ? `Data ${c.coverage.from}–${c.coverage.to}` : "Not in the panel"}.${c.interval ? ` Interval: ${c.interval}.` : ""}${c.note ? ` ${c.note}.` : ""}`,
                h("br", {}),
                h("small", { class: "source citation" }, c.source),
              ),
            ),
          )
        : null,
    ),
  );
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const featuresP = worldFeatures();
  const block = pendingBlock(
    "Computing the Atlas (every state, every year)",
    async () => {
      if (!(await has("/api/atlas")))
        return unavailable("/api/atlas", "The Atlas (every state's index, ranking and trajectory)");
      const [r, features] = await Promise.all([
        api<AtlasJson>(atlasPath(ctx.state.extra)),
        featuresP,
      ]);
      if (!r.ok) return notice(r.missing ? "unavailable" : "error", `The Atlas: ${r.error}`);
      return atlasView(ctx, r.data, features);
    },
    { signal: ctx.signal },
  );
  root.append(block.el);
  await block.done;
}
