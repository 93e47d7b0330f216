// The like-for-like comparison between two periods (TEAM interface 7) as a readable panel: for each
// pillar and level either a measured answer with its interval, or "not measurable: X and Y …" with
// the server's reasons. The server decides; this only words what it returned.
import { intervalOf } from "../measured.ts";
import type { ComparisonJson, ComparisonRowJson } from "../types.ts";
import { h, missing, notice } from "../ui.ts";

const signed = (v: number, digits = 1) =>
  `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(digits)}`;

/** "a", "a and b", "a, b and c". */
export function listText(xs: string[]): string {
  if (xs.length <= 1) return xs.join("");
  return `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}

export interface RowAnswer {
  /** "measured" only when the server says status "data" and gives a change. */
  kind: "measured" | "not measurable" | "not measured";
  text: string;
}

/** One row's answer in words. Missing fields mean "not measured", never a change of 0. */
export function comparisonAnswer(row: ComparisonRowJson): RowAnswer {
  const dropped = Array.isArray(row.dropped) ? row.dropped : [];
  if (row.status === "not testable") {
    const why = dropped.map((d) => `${d.key} (${d.reason})`);
    return {
      kind: "not measurable",
      text: why.length
        ? `not measurable: ${listText(why)}`
        : "not measurable (the server gave no reason)",
    };
  }
  const delta = typeof row.delta === "number" && Number.isFinite(row.delta) ? row.delta : null;
  if (row.status !== "data" || delta === null)
    return {
      kind: "not measured",
      text: "not measured: the server reported no change for this row",
    };
  const iv = intervalOf(row.interval);
  const change = `change ${signed(delta)}${iv ? ` (interval ${signed(iv[0])} to ${signed(iv[1])})` : " (no interval reported)"}`;
  return {
    kind: "measured",
    text: typeof row.answer === "string" && row.answer ? `${row.answer}: ${change}` : change,
  };
}

const period = (p: { from: number | string; to: number | string }) =>
  String(p.from) === String(p.to) ? String(p.from) : `${p.from}–${p.to}`;

export function comparisonPanel(cmp: ComparisonJson | undefined | null): HTMLElement {
  if (!cmp || !Array.isArray(cmp.rows))
    return notice(
      "unavailable",
      "This server did not return a like-for-like comparison (the scorecard's `comparison` field).",
      "Nothing is compared in its place: comparing means over different inputs is not a measurement.",
    );
  if (cmp.rows.length === 0) return notice("empty", "The comparison returned no rows.");
  const fmtN = (v: unknown) =>
    typeof v === "number" && Number.isFinite(v) ? v.toFixed(1) : missing("—", "not measured");
  return h(
    "div",
    { class: "comparison" },
    h(
      "p",
      { class: "summary" },
      `Did the scores change between ${period(cmp.before)} and ${period(cmp.after)}? Each row uses only inputs measured in every year of both periods; inputs that are not are dropped and named.`,
    ),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "comparison-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...[
              "pillar",
              "level",
              "answer",
              period(cmp.before),
              period(cmp.after),
              "inputs used",
              "dropped",
            ].map((k) => h("th", { scope: "col" }, k)),
          ),
        ),
        h(
          "tbody",
          {},
          ...cmp.rows.map((r) => {
            const a = comparisonAnswer(r);
            const measured = a.kind === "measured";
            return h(
              "tr",
              { class: `cmp-${a.kind.replace(/\s+/g, "-")}`, "data-kind": a.kind },
              h("th", { scope: "row" }, String(r.pillar ?? "?")),
              h("td", {}, String(r.level ?? "?")),
              h("td", { class: "cmp-answer" }, a.text),
              h("td", { class: "num" }, measured ? fmtN(r.before) : missing("—", a.text)),
              h("td", { class: "num" }, measured ? fmtN(r.after) : missing("—", a.text)),
              h(
                "td",
                {},
                Array.isArray(r.used) && r.used.length
                  ? r.used.join(", ")
                  : missing("none", "no input measured in both periods"),
              ),
              h(
                "td",
                {},
                Array.isArray(r.dropped) && r.dropped.length
                  ? r.dropped.map((d) => `${d.key}: ${d.reason}`).join("; ")
                  : "",
              ),
            );
          }),
        ),
      ),
    ),
  );
}

/** The default periods around 2020 (the seed's turning point) within [from, to], else halves. */
export function defaultCompare(from: number, to: number): string {
  if (from <= 2019 && to >= 2021) return `${from}-2019:2021-${to}`;
  if (to - from < 1) return "";
  const mid = Math.floor((from + to) / 2);
  return `${from}-${mid}:${mid + 1}-${to}`;
}

/** Parse "2011-2019:2021-2024" (the API's compare parameter); null if malformed or out of range. */
export function parseCompare(
  s: string,
  from: number,
  to: number,
): { before: [number, number]; after: [number, number] } | null {
  const m = /^(\d{4})-(\d{4}):(\d{4})-(\d{4})$/.exec(s.trim());
  if (!m) return null;
  const [a, b, c, d] = m.slice(1).map(Number);
  if (a > b || c > d || b >= c || a < from || d > to) return null;
  return { before: [a, b], after: [c, d] };
}
