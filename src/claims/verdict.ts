/** The five verdicts a claim can receive. */
export const VERDICTS = [
  "supported",
  "partly supported",
  "not supported",
  "inconclusive",
  "not testable",
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_DEFAULTS = {
  /** Share of thinning draws that must keep an event-based verdict (else "inconclusive"). */
  minStability: 0.9,
  /** Level of every interval. */
  level: 0.9,
};

/** An interval and the threshold it is compared with. */
export interface Threshold {
  value: number | null;
  interval: [number, number] | null;
  threshold: number;
}

/** Whether a closed interval straddles a threshold (holds values on both sides of it). */
export function straddles(interval: [number, number] | null, threshold: number): boolean {
  return interval !== null && interval[0] < threshold && interval[1] > threshold;
}

/**
 * The verdict after the uncertainty checks: a point verdict becomes "inconclusive" when any of the
 * rule's intervals straddles its threshold, or when fewer than `minStability` of the thinning draws
 * keep it. "not testable" is never overridden.
 */
export function finalVerdict(
  point: Verdict,
  checks: { thresholds?: Threshold[]; stability?: number | null },
  minStability = VERDICT_DEFAULTS.minStability,
): { verdict: Verdict; reasons: string[] } {
  if (point === "not testable" || point === "inconclusive") return { verdict: point, reasons: [] };
  const reasons: string[] = [];
  for (const t of checks.thresholds ?? [])
    if (straddles(t.interval, t.threshold))
      reasons.push(
        `the interval [${t.interval![0].toFixed(3)}, ${t.interval![1].toFixed(3)}] straddles the threshold ${t.threshold}`,
      );
  if (
    checks.stability !== undefined &&
    checks.stability !== null &&
    checks.stability < minStability
  )
    reasons.push(
      `only ${(checks.stability * 100).toFixed(0)} % of thinning draws keep the verdict (< ${(minStability * 100).toFixed(0)} %)`,
    );
  return { verdict: reasons.length > 0 ? "inconclusive" : point, reasons };
}
