// Reading measured values from the API without ever inventing one. Pure functions (no DOM), so
// Node tests can run them. The rule: a number is shown as a measurement only when the server says
// its status is "data"; a missing status, or a missing field, is "not measured" — never 0.
import type { DataStatus, Interval, ScorecardInputJson } from "./types.ts";

/** What the dashboard shows for a value: the server's status, or "not measured" when it gave none. */
export type ShownStatus = DataStatus | "not measured";

export const STATUS_TEXT: Record<ShownStatus, string> = {
  data: "measured",
  partial: "partial data",
  "no data": "no data",
  "not measured": "status not reported by the server",
};

/** The server's status when it is one of the three, else "not measured". */
export function statusOf(x: unknown): ShownStatus {
  const s = (x as { status?: unknown } | null | undefined)?.status;
  return s === "data" || s === "partial" || s === "no data" ? s : "not measured";
}

/** A finite [lo, hi] with lo ≤ hi, else null (a malformed interval is no interval). */
export function intervalOf(x: unknown): Interval | null {
  if (!Array.isArray(x) || x.length !== 2) return null;
  const [lo, hi] = x;
  if (typeof lo !== "number" || typeof hi !== "number") return null;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) return null;
  return [lo, hi];
}

const finite = (v: unknown): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;

/** A scorecard cell as the dashboard draws it. */
export interface ShownCell {
  year: number;
  level: string;
  /** A pillar, or "overall". */
  pillar: string;
  status: ShownStatus;
  /** Only when status is "data"; otherwise null, whatever the server sent. */
  score: number | null;
  interval: Interval | null;
  coverage: number | null;
  inputs: ShownInput[];
  /** The server's object, for the detail view. */
  raw: Record<string, unknown>;
}

export interface ShownInput {
  key: string;
  status: ShownStatus;
  /** Only when status is "data". */
  value: number | null;
  /**
   * A number the server sent for an input that is not "data" (a partial figure in `raw`, or a
   * `value` from a server that reports no status): shown beside it, never used.
   */
  reported: number | null;
  interval: Interval | null;
  weight: number | null;
  raw: unknown;
  source: string | null;
  note: string | null;
  n: number | null;
  /** The server flags the value as resting on an analyst's assumption (corridor leverage). */
  assumptionDriven: boolean;
}

export function shownInput(i: ScorecardInputJson | Record<string, unknown>): ShownInput {
  const r = i as Record<string, unknown>;
  const status = statusOf(r);
  const v = finite(r.value);
  return {
    key: String(r.key ?? "?"),
    status,
    value: status === "data" ? v : null,
    reported: status === "data" ? null : (v ?? finite(r.raw)),
    interval: intervalOf(r.interval),
    weight: finite(r.weight),
    raw: r.raw,
    source: typeof r.source === "string" ? r.source : null,
    note: typeof r.note === "string" ? r.note : null,
    n: finite(r.n),
    assumptionDriven: status === "data" && r.assumptionDriven === true,
  };
}

/**
 * The scorecard's cells (`cells`, or `rows` on older servers) and its `overall` entries (as pillar
 * "overall"), each with a status. A cell is scored only when the server says "data".
 */
export function scorecardCells(data: unknown): ShownCell[] {
  const d = (data ?? {}) as Record<string, unknown>;
  const rows = (Array.isArray(d.cells) ? d.cells : Array.isArray(d.rows) ? d.rows : []) as Record<
    string,
    unknown
  >[];
  const overall = (Array.isArray(d.overall) ? d.overall : []) as Record<string, unknown>[];
  return [
    ...rows,
    ...overall.map((o): Record<string, unknown> => ({ ...o, pillar: "overall", inputs: [] })),
  ]
    .filter((r) => r && typeof r === "object" && r.year !== undefined && r.pillar !== undefined)
    .map((r) => {
      const status = statusOf(r);
      return {
        year: Number(r.year),
        pillar: String(r.pillar),
        level: String(r.level ?? "all"),
        status,
        score: status === "data" ? finite(r.score) : null,
        interval: status === "data" ? intervalOf(r.interval) : null,
        coverage: finite(r.coverage),
        inputs: (Array.isArray(r.inputs) ? r.inputs : []).map((i) =>
          shownInput(i as Record<string, unknown>),
        ),
        raw: r,
      };
    });
}

/** "62.4" or "62.4 (90% interval 55.0–70.1)" or "62.4 (no interval reported)". */
export function withInterval(
  value: number | null,
  interval: Interval | null,
  digits = 1,
  what = "interval",
): string {
  if (value === null) return "—";
  const f = (x: number) => x.toFixed(digits);
  return interval
    ? `${f(value)} (${what} ${f(interval[0])} to ${f(interval[1])})`
    : `${f(value)} (no ${what} reported)`;
}

/** A short label of a cell for people and screen readers. */
export function cellLabel(c: ShownCell): string {
  const head = `${c.pillar}, ${c.level}, ${c.year}`;
  if (c.status === "data" && c.score !== null)
    return `${head}: ${withInterval(c.score, c.interval, 0)}`;
  if (c.status === "data") return `${head}: below the coverage threshold, no score`;
  return `${head}: ${STATUS_TEXT[c.status]}, not scored`;
}

/** The text a cell shows in the grid: a number only for a scored cell with status "data". */
export function cellText(c: ShownCell): string {
  if (c.status === "data" && c.score !== null) return String(Math.round(c.score));
  if (c.status === "partial") return "◐";
  if (c.status === "not measured") return "?";
  return "—";
}

/** Whether a cell may be coloured: only measured data with a score. */
export function colourable(c: ShownCell): boolean {
  return c.status === "data" && c.score !== null;
}

/** Sequential blue ramp for a 0–100 score (pale → deep). */
export function scoreColour(score: number): string {
  const t = Math.max(0, Math.min(1, score / 100));
  return `hsl(210 70% ${Math.round((95 - t * 60) * 10) / 10}%)`;
}
