// A dyad's measures over time with their intervals, where the API gives them: the decayed event
// relation score (/api/relations, TEAM interface 4) and UN-vote agreement (/api/alignment,
// interface 5). A row without a status is "not measured": drawn as a gap, never as a value.
import { intervalOf, type ShownStatus, statusOf } from "../measured.ts";
import { fmt, h, missing, notice } from "../ui.ts";
import { type ChartPoint, intervalChart } from "./interval-chart.ts";

const PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"];

type Row = Record<string, unknown>;

/** A relations row's score status: `scoreStatus` (the API's name), else a generic `status`. */
function relationStatus(r: Row) {
  return statusOf({ status: r.scoreStatus ?? r.status });
}

/** A relations row's score interval: `scoreInterval` (the API's name), else `interval`. */
function relationInterval(r: Row) {
  return intervalOf(r.scoreInterval ?? r.interval);
}

/** Yearly relation rows → chart points (x = the period's year). */
export function relationPoints(rows: Row[]): ChartPoint[] {
  return rows
    .filter((r) => /^\d{4}$/.test(String(r.period ?? "")))
    .map((r) => {
      const status = relationStatus(r);
      const score = typeof r.score === "number" && Number.isFinite(r.score) ? r.score : null;
      return {
        x: Number(r.period),
        status,
        value: status === "data" ? score : null,
        interval: status === "data" ? relationInterval(r) : null,
      };
    });
}

/** Alignment rows → one series of `measure` per partner, with `intervals[measure]`. */
export function alignmentSeries(
  rows: Row[],
  measure = "agreement",
): { name: string; points: ChartPoint[] }[] {
  const by = new Map<string, ChartPoint[]>();
  for (const r of rows) {
    const status = statusOf(r);
    const v = r[measure];
    const value = typeof v === "number" && Number.isFinite(v) ? v : null;
    const ivs = (r.intervals ?? {}) as Record<string, unknown>;
    const pts = by.get(String(r.b)) ?? [];
    pts.push({
      x: Number(r.year),
      status,
      value: status === "data" ? value : null,
      interval: status === "data" ? intervalOf(ivs[measure]) : null,
    });
    by.set(String(r.b), pts);
  }
  return [...by].map(([name, points]) => ({ name, points }));
}

/** A number the server reported for a row that is not "data": shown struck through, never drawn. */
function notUsed(v: unknown, s: ShownStatus): HTMLElement {
  if (typeof v !== "number" || !Number.isFinite(v)) return missing("—", `not measured (${s})`);
  return h("span", { class: "reported", title: `${s}: reported, not drawn` }, fmt(v, 3));
}

const statusCell = (s: ShownStatus) =>
  h("span", { class: `status-badge status-${s.replace(/\s+/g, "-")}` }, s);

export function relationChart(rows: Row[], a: string, b: string): HTMLElement {
  const pts = relationPoints(rows);
  if (pts.length === 0) return notice("empty", `No yearly relation rows for ${a}–${b}.`);
  const measured = pts.filter((p) => p.status === "data").length;
  return h(
    "div",
    { class: "dyad-chart relation-chart" },
    h(
      "figure",
      {},
      intervalChart([{ name: `${a}–${b}`, colour: "#0b5cad", points: pts }], {
        title: `Decayed relation score ${a}–${b} (−1 conflict … +1 cooperation)`,
        yDomain: [-1, 1],
        width: 560,
        height: 200,
        digits: 2,
      }),
    ),
    measured === 0
      ? notice(
          "info",
          "No year of this relation score is marked as measured by the server (it reports no status), so none is drawn; the table lists what it reported.",
        )
      : null,
    h(
      "details",
      {},
      h("summary", {}, "Rows"),
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["year", "status", "events", "score", "interval"].map((k) =>
              h("th", { scope: "col" }, k),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          ...rows.map((r) => {
            const s = relationStatus(r);
            const iv = relationInterval(r);
            return h(
              "tr",
              {},
              h("td", {}, String(r.period)),
              h("td", {}, statusCell(s)),
              h("td", { class: "num" }, fmt(r.n)),
              h("td", { class: "num" }, s === "data" ? fmt(r.score, 3) : notUsed(r.score, s)),
              h(
                "td",
                {},
                iv ? `${fmt(iv[0], 3)} to ${fmt(iv[1], 3)}` : missing("—", "no interval reported"),
              ),
            );
          }),
        ),
      ),
    ),
  );
}

export function alignmentChart(rows: Row[], a: string): HTMLElement {
  const series = alignmentSeries(rows);
  if (series.length === 0) return notice("empty", `No UN-vote alignment rows for ${a}.`);
  const measured = series.reduce(
    (n, s) => n + s.points.filter((p) => p.status === "data").length,
    0,
  );
  return h(
    "div",
    { class: "dyad-chart alignment-chart" },
    h(
      "figure",
      {},
      intervalChart(
        series.map((s, i) => ({ ...s, colour: PALETTE[i % PALETTE.length] })),
        {
          title: `UN-vote agreement of ${a} with ${series.map((s) => s.name).join(", ")} (share of roll calls voted alike)`,
          yDomain: [0, 1],
          width: 560,
          height: 200,
          digits: 2,
        },
      ),
    ),
    measured === 0
      ? notice(
          "info",
          "No year is marked as measured by the server (it reports no status, or too few roll calls), so none is drawn.",
        )
      : null,
    h(
      "details",
      {},
      h("summary", {}, "Rows"),
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["year", "partner", "status", "roll calls", "agreement", "interval"].map((k) =>
              h("th", { scope: "col" }, k),
            ),
          ),
        ),
        h(
          "tbody",
          {},
          ...rows.map((r) => {
            const s = statusOf(r);
            const iv = intervalOf(((r.intervals ?? {}) as Record<string, unknown>).agreement);
            return h(
              "tr",
              {},
              h("td", {}, String(r.year)),
              h("td", {}, String(r.b)),
              h("td", {}, statusCell(s)),
              h(
                "td",
                { class: "num" },
                fmt(r.n),
                typeof r.minRollCalls === "number" ? ` (min ${r.minRollCalls})` : "",
              ),
              h(
                "td",
                { class: "num" },
                s === "data" ? fmt(r.agreement, 3) : notUsed(r.agreement, s),
              ),
              h(
                "td",
                {},
                iv ? `${fmt(iv[0], 3)} to ${fmt(iv[1], 3)}` : missing("—", "no interval reported"),
              ),
            );
          }),
        ),
      ),
    ),
  );
}
