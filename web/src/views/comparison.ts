// The like-for-like comparison between two periods (TEAM interface 7) as a readable panel: for each
// pillar and level either a measured answer with its interval, or "not measurable: X and Y …" with
// the server's reasons. The server decides; this only words what it returned.
import { intervalOf } from "../measured.ts";
import type { ComparisonJson, ComparisonRowJson } from "../types.ts";
import { h, notice } from "../ui.ts";

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

/** A measured row's change and interval, e.g. "change −5.0 (interval −9.0 to −1.0)"; null otherwise. */
export function changeText(row: ComparisonRowJson): string | null {
  const delta = typeof row.delta === "number" && Number.isFinite(row.delta) ? row.delta : null;
  if (row.status !== "data" || delta === null) return null;
  const iv = intervalOf(row.interval);
  return `change ${signed(delta)}${iv ? ` (interval ${signed(iv[0])} to ${signed(iv[1])})` : " (no interval reported)"}`;
}

/**
 * One row's answer in words: the server's `answer` when it gives one, else composed from its
 * fields. Missing fields mean "not measured", never a change of 0.
 */
export function comparisonAnswer(row: ComparisonRowJson): RowAnswer {
  const dropped = Array.isArray(row.dropped) ? row.dropped : [];
  const given = typeof row.answer === "string" && row.answer ? row.answer : null;
  if (row.status === "not testable") {
    const why = dropped.map((d) => `${d.key} (${d.reason})`);
    return {
      kind: "not measurable",
      text:
        given ??
        (why.length
          ? `not measurable: ${listText(why)}`
          : "not measurable (the server gave no reason)"),
    };
  }
  const change = changeText(row);
  if (change === null)
    return {
      kind: "not measured",
      text: "not measured: the server reported no change for this row",
    };
  return { kind: "measured", text: given ?? change };
}

const period = (p: { from: number | string; to: number | string }) =>
  String(p.from) === String(p.to) ? String(p.from) : `${p.from}–${p.to}`;

const KIND_LABEL: Record<RowAnswer["kind"], string> = {
  measured: "measured",
  "not measurable": "not measurable",
  "not measured": "not measured",
};

function rowItem(r: ComparisonRowJson): HTMLElement {
  const a = comparisonAnswer(r);
  const change = changeText(r);
  const used = Array.isArray(r.used) ? r.used : [];
  const dropped = Array.isArray(r.dropped) ? r.dropped : [];
  return h(
    "li",
    {
      class: `cmp-row cmp-${a.kind.replace(/\s+/g, "-")}`,
      "data-kind": a.kind,
      "data-pillar": String(r.pillar ?? ""),
      "data-level": String(r.level ?? ""),
    },
    h(
      "span",
      { class: `status-badge ${a.kind === "measured" ? "status-data" : "status-no-data"}` },
      KIND_LABEL[a.kind],
    ),
    " ",
    h("strong", {}, String(r.pillar ?? "?")),
    ": ",
    h("span", { class: "cmp-answer" }, a.text),
    a.kind === "measured" && change
      ? h(
          "div",
          { class: "cmp-change" },
          `${typeof r.before === "number" ? r.before.toFixed(1) : "—"} → ${typeof r.after === "number" ? r.after.toFixed(1) : "—"}: ${change}`,
        )
      : null,
    used.length || dropped.length
      ? h(
          "details",
          {},
          h("summary", {}, `inputs: ${used.length} used, ${dropped.length} dropped`),
          h(
            "ul",
            { class: "plain" },
            used.length
              ? h("li", {}, `used (measured in every year of both periods): ${used.join(", ")}`)
              : null,
            ...dropped.map((d) => h("li", {}, `dropped ${d.key}: ${d.reason}`)),
          ),
        )
      : null,
  );
}

export function comparisonPanel(cmp: ComparisonJson | undefined | null): HTMLElement {
  if (!cmp || !Array.isArray(cmp.rows))
    return notice(
      "unavailable",
      "This server did not return a like-for-like comparison (the scorecard's `comparison` field).",
      "Nothing is compared in its place: comparing means over different inputs is not a measurement.",
    );
  if (cmp.rows.length === 0) return notice("empty", "The comparison returned no rows.");
  const levels = [...new Set(cmp.rows.map((r) => String(r.level ?? "?")))];
  const n = (k: RowAnswer["kind"]) => cmp.rows.filter((r) => comparisonAnswer(r).kind === k).length;
  return h(
    "div",
    { class: "comparison" },
    h(
      "p",
      { class: "summary" },
      `Did the scores change between ${period(cmp.before)} and ${period(cmp.after)}? Each row uses only inputs measured in every year of both periods; the others are dropped and named. ${n("measured")} measured, ${n("not measurable")} not measurable, ${n("not measured")} not measured.`,
    ),
    ...levels.map((l) =>
      h(
        "div",
        { class: "cmp-level" },
        h("h3", {}, l),
        h(
          "ul",
          { class: "cmp-rows" },
          ...cmp.rows.filter((r) => String(r.level ?? "?") === l).map(rowItem),
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
