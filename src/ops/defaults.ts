import type { Scenario } from "../model/scenario.ts";
import type { LoadedScenario, OpContext } from "./context.ts";
import { OpError, UsageError } from "./errors.ts";

/**
 * Defaults written once. Years left out default to the scenario's own window (scenario.yaml
 * `from`/`to`), never to another state's; operations on the reference panel alone default to the
 * panel's coverage.
 */
export const DEFAULTS = {
  /** Half-life of an event's weight in decayed relation scores, in days. */
  halfLifeDays: 365,
  /** Most years one scorecard/measure request may span. */
  maxYears: 60,
} as const;

const year = (d: string) => Number(d.slice(0, 4));

/** The scenario's window as years. */
export function scenarioYears(s: Scenario): { from: number; to: number } {
  return { from: year(s.meta.from), to: year(s.meta.to) };
}

/**
 * `from`/`to` as given; else the window of the scenario when it is about `focal` (or `focal` is not
 * given); else the years the reference-panel table `panel` covers; else bad usage. A scenario about
 * another state never lends it its window.
 */
export async function defaultYears(
  ctx: OpContext,
  p: { from?: number; to?: number },
  source: { scenario?: Scenario; focal?: string; panel?: string },
): Promise<{ from: number; to: number }> {
  if (p.from !== undefined && p.to !== undefined) return { from: p.from, to: p.to };
  const s = source.scenario;
  if (s && (source.focal === undefined || s.meta.focal === source.focal)) {
    const w = scenarioYears(s);
    return { from: p.from ?? w.from, to: p.to ?? w.to };
  }
  if (source.panel) return yearsOrPanelCoverage(ctx, p, source.panel);
  throw new UsageError(
    `no scenario about ${source.focal ?? "this state"} to take the years from: give {from} and {to}, or such a scenario with {scenario}`,
  );
}

/** `from`/`to` as given, else the years a reference-panel table covers. */
export async function yearsOrPanelCoverage(
  ctx: OpContext,
  p: { from?: number; to?: number },
  table: string,
): Promise<{ from: number; to: number }> {
  if (p.from !== undefined && p.to !== undefined) return { from: p.from, to: p.to };
  const { panelCoverage } = await import("../measure/panel.ts");
  const c = await panelCoverage(await ctx.store(), table);
  if (!c) throw new OpError(503, `reference panel: ${table} is not available`);
  return { from: p.from ?? c.from, to: p.to ?? c.to };
}

/** Fail with 503 (not a 500) when a reference-panel view is missing. */
export async function requirePanelView(ctx: OpContext, view: string): Promise<void> {
  const { requirePanel } = await import("../measure/panel.ts");
  try {
    await requirePanel(await ctx.store(), view);
  } catch (e) {
    throw new OpError(503, (e as Error).message);
  }
}

/** The named scenario, or the default one; none at all is bad usage. */
export function requireScenario(ctx: OpContext, id: string | undefined): LoadedScenario {
  const sc = ctx.scenario(id);
  if (!sc)
    throw new UsageError("no scenario: pass {scenario} (or make one with `ana scenario init`)");
  return sc;
}
