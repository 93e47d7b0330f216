// The focal state's percentile among its peers (GET /api/atlas/compare): per peer group, the
// latest year in which the focal state has a value, with the percentile's interval and n (the
// peers with a value that year); below, every measure in that year. A group in which the focal
// state has no value in any year says so instead of showing a number.
import { latestPercentiles, peerRows, type ShownPeerRow, valueInterval } from "../atlas-data.ts";
import type { AtlasCompareJson, PeerGroupJson } from "../types.ts";
import { h, notice } from "../ui.ts";
import { type ChartPoint, intervalChart } from "./interval-chart.ts";

/** Line colours of the peer groups in the percentile-over-time chart. */
const GROUP_COLOURS = ["#3b528b", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e"];

export interface PeerPercentileOptions {
  name?: (code: string) => string;
  /** Component keys → labels (from the Atlas answer), for the per-measure table. */
  labels?: Record<string, string>;
}

const defaults = { name: (c: string) => c, labels: {} as Record<string, string> };

export function peerPercentile(
  data: AtlasCompareJson,
  options: PeerPercentileOptions = {},
): HTMLElement {
  const o = { ...defaults, ...options };
  const rows = peerRows(data);
  const latest = new Map(latestPercentiles(rows, "index").map((r) => [r.peerGroup, r]));
  const groups = peerGroupsOf(data, latest);
  const who = o.name(data.focal);
  if (groups.length === 0) return notice("empty", `The server named no peer group for ${who}.`);
  const label = (m: string) => (m === "index" ? "multi-alignment index" : (o.labels[m] ?? m));
  const groupRows = groups.map((g) => ({ g, r: latest.get(g.id) }));
  return h(
    "div",
    { class: "peer-percentile" },
    h(
      "p",
      { class: "summary" },
      `Where ${who} stands among its peers on the Atlas's multi-alignment index (${data.from}–${data.to}): its percentile in each peer group in the latest year it has an index, with the interval of the percentile and n, the number of peers with a value that year. Percentile 0: every peer has a higher index; 1: every peer a lower one.`,
    ),
    typeof data.method === "string"
      ? h(
          "p",
          { class: "hint" },
          `Method: ${data.method}.${typeof data.level === "number" ? ` Intervals: ${Math.round(data.level * 100)} %${typeof data.draws === "number" ? `, ${data.draws} draws` : ""}${typeof data.seed === "number" ? `, seed ${data.seed}` : ""}.` : ""}`,
        )
      : null,
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "peer-table" },
        h("caption", {}, `${who} among its peers`),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "peer group"),
            h("th", { scope: "col", class: "num" }, "year"),
            h("th", { scope: "col", class: "num" }, `${who}'s index`),
            h("th", { scope: "col", class: "num" }, "percentile [interval]"),
            h("th", { scope: "col", class: "num" }, "n peers with a value"),
            h("th", { scope: "col", class: "num" }, "peers' median"),
            h("th", { scope: "col" }, "how the group is drawn"),
          ),
        ),
        h(
          "tbody",
          {},
          ...groupRows.map(({ g, r }) =>
            h(
              "tr",
              { "data-peer-group": g.id, "data-status": r ? "data" : "no data" },
              h("th", { scope: "row" }, g.name || g.id, h("small", {}, ` ${g.id}`)),
              h("td", { class: "num" }, r ? String(r.year) : "—"),
              h("td", { class: "num" }, r && r.value !== null ? r.value.toFixed(2) : "—"),
              r
                ? h("td", { class: "num" }, valueInterval(r.percentile, r.interval))
                : h("td", { class: "missing" }, `no data: no percentile for ${who} in any year`),
              h(
                "td",
                { class: "num" },
                r?.n !== null && r?.n !== undefined ? String(r.n) : "—",
                r?.missing ? h("small", {}, ` (${r.missing} without)`) : null,
              ),
              h("td", { class: "num" }, r?.peerMedian != null ? r.peerMedian.toFixed(2) : "—"),
              h(
                "td",
                {},
                g.how ?? "",
                g.source
                  ? h("small", { class: "source citation", title: g.source }, ` (${g.source})`)
                  : null,
              ),
            ),
          ),
        ),
      ),
    ),
    percentileChart(
      rows,
      data.from,
      data.to,
      groups.map((g) => g.id),
      who,
    ),
    measuresTable(
      rows,
      groups.map((g) => g.id),
      latest,
      label,
    ),
  );
}

/**
 * One entry per peer group (the answer lists a group whose members change once per spell): the
 * spell that holds the year shown, else the latest spell.
 */
export function peerGroupsOf(
  data: AtlasCompareJson,
  latest: Map<string, ShownPeerRow>,
): PeerGroupJson[] {
  const all = Array.isArray(data.peerGroups) ? data.peerGroups : [];
  const out = new Map<string, PeerGroupJson>();
  for (const g of all) {
    const y = latest.get(g.id)?.year;
    const holds = (x: PeerGroupJson) =>
      y !== undefined &&
      (x.years ? x.years[0] <= y && y <= x.years[1] : x.year === undefined || x.year === y);
    const cur = out.get(g.id);
    if (!cur) out.set(g.id, g);
    else if (holds(g) && !holds(cur)) out.set(g.id, g);
    else if (!holds(cur) && (g.year ?? 0) > (cur.year ?? 0)) out.set(g.id, g);
  }
  return [...out.values()];
}

/**
 * The index percentile per year and group, with whiskers for the intervals; a year without a
 * percentile is a grey mark under the axis (the line stops there).
 */
function percentileChart(
  rows: ShownPeerRow[],
  from: number,
  to: number,
  groups: string[],
  who: string,
): HTMLElement | null {
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) return null;
  const series = groups.map((g, i) => {
    const mine = new Map(
      rows.filter((r) => r.peerGroup === g && r.measure === "index").map((r) => [r.year, r]),
    );
    const points: ChartPoint[] = [];
    for (let y = from; y <= to; y++) {
      const r = mine.get(y);
      points.push(
        r && r.percentile !== null
          ? { x: y, status: "data", value: r.percentile, interval: r.interval }
          : { x: y, status: "no data", value: null, interval: null },
      );
    }
    return { name: g, colour: GROUP_COLOURS[i % GROUP_COLOURS.length], points };
  });
  if (!series.some((s) => s.points.some((p) => p.value !== null))) return null;
  return h(
    "figure",
    { class: "peer-chart" },
    intervalChart(series, {
      width: 640,
      height: 200,
      yDomain: [0, 1],
      digits: 2,
      title: `${who}'s percentile among its peers (index), per year`,
    }),
    h(
      "figcaption",
      { class: "legend" },
      ...series.map((s) => h("span", {}, h("i", { style: `background:${s.colour}` }), s.name)),
      h(
        "span",
        {},
        "whiskers: the percentile's interval; grey marks under the axis: no percentile",
      ),
    ),
  );
}

/** Every measure in each group's latest indexed year (percentile [interval], n). */
function measuresTable(
  rows: ShownPeerRow[],
  groups: string[],
  latest: Map<string, ShownPeerRow>,
  label: (m: string) => string,
): HTMLElement | null {
  const shown = groups.filter((g) => latest.has(g));
  if (shown.length === 0) return null;
  const measures = [...new Set(rows.map((r) => r.measure))].filter((m) => m !== "index");
  if (measures.length === 0) return null;
  const at = (g: string, m: string) =>
    rows.find((r) => r.peerGroup === g && r.measure === m && r.year === latest.get(g)!.year);
  return h(
    "details",
    { class: "peer-measures" },
    h("summary", {}, "Percentile per component"),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "component"),
            ...shown.map((g) =>
              h("th", { scope: "col", class: "num" }, `${g} (${latest.get(g)!.year})`),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          ...measures.map((m) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, label(m)),
              ...shown.map((g) => {
                const r = at(g, m);
                return r && r.percentile !== null
                  ? h(
                      "td",
                      { class: "num" },
                      `${valueInterval(r.percentile, r.interval)}${r.n !== null ? `, n ${r.n}` : ""}`,
                    )
                  : h("td", { class: "missing" }, "no data");
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
