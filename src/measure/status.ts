/**
 * Missing is missing: the one invariant of every measured value, enforced here and nowhere else.
 *
 * A measured value carries a `status`: "data" (measured from complete inputs for its period),
 * "partial" (some inputs exist but not all the measure needs) or "no data". Its `value` is a
 * number only when the status is "data"; partial figures may be shown in `raw`, never in
 * `value`. docs/measures/scorecard.md lists the rules that decide each input's status.
 */

export const DATA_STATUSES = ["data", "partial", "no data"] as const;
export type DataStatus = (typeof DATA_STATUSES)[number];

export type Interval = [number, number];

/** A measured value (TEAM.md interface 1). */
export interface Measured<R = unknown> {
  status: DataStatus;
  value: number | null;
  interval?: Interval | null;
  n?: number;
  raw?: R;
  note?: string;
}

/** Thrown when code tries to build a value that breaks the invariant (a bug, not bad data). */
export class StatusInvariantError extends Error {
  override name = "StatusInvariantError";
}

/**
 * Check the invariant on any `{ status, value, interval? }`: value is a finite number exactly
 * when the status is "data" (within `range` when given), an interval only beside a value, with
 * lo ≤ hi. Returns the argument so it can wrap a construction.
 */
export function assertMeasured<T extends { status: DataStatus; value: number | null }>(
  x: T & { interval?: Interval | null; key?: string },
  range?: [number, number],
): T {
  const what = x.key ? `"${x.key}"` : "measured value";
  if (!DATA_STATUSES.includes(x.status))
    throw new StatusInvariantError(`${what}: status "${x.status}" is not one of ${DATA_STATUSES}`);
  if (x.status === "data") {
    if (typeof x.value !== "number" || !Number.isFinite(x.value))
      throw new StatusInvariantError(`${what}: status "data" needs a finite value, got ${x.value}`);
    if (range && (x.value < range[0] - 1e-12 || x.value > range[1] + 1e-12))
      throw new StatusInvariantError(`${what}: value ${x.value} outside [${range}]`);
  } else if (x.value !== null)
    throw new StatusInvariantError(
      `${what}: status "${x.status}" must have value null (partial figures go in raw), got ${x.value}`,
    );
  if (x.interval) {
    if (x.status !== "data")
      throw new StatusInvariantError(`${what}: an interval needs status "data"`);
    const [lo, hi] = x.interval;
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi + 1e-12))
      throw new StatusInvariantError(`${what}: interval [${lo}, ${hi}] is not lo ≤ hi`);
  }
  return x;
}

/**
 * Build a measured value from a candidate figure and its status: the figure becomes `value`
 * only for "data"; otherwise it is kept in `raw.figure` (when not null) and `value` is null.
 */
export function measured<R = unknown>(
  status: DataStatus,
  figure: number | null,
  extra: Omit<Measured<R>, "status" | "value"> = {},
): Measured<R | { figure: number | null }> {
  if (status === "data" && (figure === null || !Number.isFinite(figure)))
    return assertMeasured({ ...extra, status: "no data", value: null, interval: null });
  if (status === "data") return assertMeasured({ ...extra, status, value: figure });
  return assertMeasured({
    ...extra,
    status,
    value: null,
    interval: null,
    raw: extra.raw ?? (figure !== null ? { figure } : undefined),
  });
}

/**
 * Status of a composite over a fixed set of components: "data" when every component is data,
 * "no data" when none has any data, "partial" otherwise (some data, or some partial component).
 * An empty set of components is "no data".
 */
export function combineStatus(parts: readonly DataStatus[]): DataStatus {
  if (parts.length === 0) return "no data";
  if (parts.every((s) => s === "data")) return "data";
  if (parts.every((s) => s === "no data")) return "no data";
  return "partial";
}
