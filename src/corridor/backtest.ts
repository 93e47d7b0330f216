import type { Network } from "./load-network.ts";
import type { Observation } from "./observations.ts";
import { type AssignmentChoice, defaultChoice, routeConstant } from "./problem.ts";
import { routeFlows } from "./route-flows.ts";
import { routesInYear, type Weights } from "./year-view.ts";

/** One observation against the model. */
export interface BacktestRow {
  id: string;
  year: number;
  baseYear: number | null;
  metric: "flow" | "change" | "ratio";
  /** For a ratio: the target of the denominator. */
  denominator?: string;
  target: string;
  direction: "westbound" | "both";
  observed: number;
  /**
   * The model's figure (TEU for flow, relative change for change, a ratio for ratio); null when
   * it has none.
   */
  model: number | null;
  /**
   * model - observed; null when the model has no figure. Also given for rows counting both
   * directions (how far off, against a wider definition) though they are not scored.
   */
  error: number | null;
  /** (model - observed) / |observed|; null when the model has no figure. */
  relError: number | null;
  /**
   * "in-sample" when the observation was used to set the model (its source set the year's demand,
   * or it was used to estimate a parameter); "out-of-sample" otherwise.
   */
  sample: "in-sample" | "out-of-sample";
  scored: boolean;
  /**
   * The figure is part of the year's demand total (demand.csv cites its source): the total is an
   * input, the split over routes is the model's.
   */
  inDemand: boolean;
  /** Why a row is not scored. */
  reason?: string;
  definition: string;
  source: string;
  quote: string;
}

export interface BacktestSummary {
  sample: "in-sample" | "out-of-sample";
  n: number;
  /** Mean of |relError| over the scored rows; null when none. */
  meanAbsRelError: number | null;
}

export const BACKTEST_DEFAULTS = {
  weights: undefined as Weights | undefined,
  /** Route choice; undefined: the network's default (`defaultChoice`). */
  choice: undefined as AssignmentChoice | undefined,
  /** Ids of observations used in calibration (in-sample), besides the one that set demand. */
  calibrationSources: [] as string[],
};

/** Route ids of a target (`corridor:<name>` or `route:<id>`) among the transport routes. */
function targetRoutes(net: Network, target: string): string[] {
  const [kind, name] = target.split(":");
  return net.routes
    .filter(
      (r) => r.network === "transport" && (kind === "route" ? r.id === name : r.corridor === name),
    )
    .map((r) => r.id);
}

/**
 * Ratio of the logit choice probabilities of two targets in `year` (capacities not applied, no
 * demand level needed): sum of exp(-theta (GC_r + land constant)) over each target's active routes.
 * Null when either target has no active route with a known generalised cost.
 */
export function logitRatio(
  net: Network,
  year: number,
  num: string,
  den: string,
  choice: { theta: number; landConstant?: number; corridorConstants?: Record<string, number> },
  weights?: Weights,
): number | null {
  const routes = routesInYear(net, year, { weights }).filter(
    (r) => r.network === "transport" && r.active && r.generalizedCost !== null,
  );
  const u = (r: (typeof routes)[number]) => r.generalizedCost! + routeConstant(r, choice);
  const all = routes.map(u);
  if (all.length === 0) return null;
  const m = Math.min(...all);
  const sum = (target: string) => {
    const ids = new Set(targetRoutes(net, target));
    const rs = routes.filter((r) => ids.has(r.id));
    return rs.length === 0
      ? null
      : rs.reduce((s, r) => s + Math.exp(-choice.theta * (u(r) - m)), 0);
  };
  const a = sum(num);
  const b = sum(den);
  return a === null || b === null || b === 0 ? null : a / b;
}

function modelValue(net: Network, flows: Map<string, number>, target: string): number | null {
  const [kind, name] = target.split(":");
  const ids = net.routes
    .filter(
      (r) => r.network === "transport" && (kind === "route" ? r.id === name : r.corridor === name),
    )
    .map((r) => r.id)
    .filter((id) => flows.has(id));
  if (ids.length === 0) return null;
  return ids.reduce((s, id) => s + flows.get(id)!, 0);
}

/**
 * Model against observation for every observation: the year's transport assignment (the
 * network's demand, cheapest-first) summed over the target's routes. Rows counting both
 * directions are shown but not scored (the model assigns China→Europe only).
 */
export async function backtest(
  net: Network,
  observations: Observation[],
  options: Partial<typeof BACKTEST_DEFAULTS> = {},
): Promise<{ rows: BacktestRow[]; summary: BacktestSummary[] }> {
  const o0 = { ...BACKTEST_DEFAULTS, ...options };
  const o = { ...o0, choice: o0.choice ?? defaultChoice(net) };
  const cache = new Map<number, Map<string, number> | null>();
  const flowsIn = async (y: number) => {
    if (!cache.has(y))
      cache.set(y, await routeFlows(net, "transport", y, { weights: o.weights, choice: o.choice }));
    return cache.get(y)!;
  };
  const rows: BacktestRow[] = [];
  for (const ob of observations) {
    // In-sample: the year's demand was set to this very figure from this source, or the
    // observation was used to estimate a parameter.
    const setsDemand = net.demand.some(
      (d) =>
        d.network === "transport" &&
        d.yearFrom <= ob.year &&
        ob.year <= d.yearTo &&
        (d.source ?? "").includes(ob.source) &&
        d.volume === ob.value,
    );
    const inSample = setsDemand || o.calibrationSources.includes(ob.id);
    const inDemand = net.demand.some(
      (d) =>
        d.network === "transport" &&
        d.yearFrom <= ob.year &&
        ob.year <= d.yearTo &&
        (d.source ?? "").includes(ob.source),
    );
    let model: number | null = null;
    let reason: string | undefined;
    const f = await flowsIn(ob.year);
    if (ob.metric === "ratio") {
      const den = ob.denominator!;
      if (f) {
        const a = modelValue(net, f, ob.target);
        const b = modelValue(net, f, den);
        if (a === null || b === null) reason = `no route matches ${ob.target} or ${den}`;
        else if (b === 0) reason = `the model has no flow on ${den} in ${ob.year}`;
        else model = a / b;
      } else if (o.choice.assignment === "logit") {
        model = logitRatio(net, ob.year, ob.target, den, o.choice, o.weights);
        if (model === null) reason = `no active route matches ${ob.target} or ${den}`;
      } else
        reason = `no transport demand for ${ob.year}: a ratio without demand needs the logit choice probabilities`;
    } else if (!f) reason = `no transport demand for ${ob.year} in the network`;
    else if (ob.metric === "flow") {
      model = modelValue(net, f, ob.target);
      if (model === null) reason = `no route matches ${ob.target}`;
    } else {
      const fb = await flowsIn(ob.baseYear!);
      const now = modelValue(net, f, ob.target);
      const before = fb ? modelValue(net, fb, ob.target) : null;
      if (!fb) reason = `no transport demand for ${ob.baseYear} in the network`;
      else if (now === null || before === null) reason = `no route matches ${ob.target}`;
      else if (before === 0) reason = `the model has no flow on ${ob.target} in ${ob.baseYear}`;
      else model = now / before - 1;
    }
    const comparable = reason === undefined && model !== null;
    // A ratio of two both-direction series compares with the model's westbound ratio when both
    // series split alike between directions; it is scored.
    if (!reason && ob.direction === "both" && ob.metric !== "ratio")
      reason =
        "the figure counts both directions; the model assigns China→Europe only (error shown, not scored)";
    const scored = reason === undefined && model !== null;
    rows.push({
      id: ob.id,
      year: ob.year,
      baseYear: ob.baseYear ?? null,
      metric: ob.metric,
      ...(ob.denominator ? { denominator: ob.denominator } : {}),
      target: ob.target,
      direction: ob.direction,
      observed: ob.value,
      model,
      error: comparable ? model! - ob.value : null,
      relError: comparable && ob.value !== 0 ? (model! - ob.value) / Math.abs(ob.value) : null,
      sample: inSample ? "in-sample" : "out-of-sample",
      scored,
      inDemand,
      ...(reason ? { reason } : {}),
      definition: ob.definition,
      source: ob.source,
      quote: ob.quote,
    });
  }
  const summary = (["in-sample", "out-of-sample"] as const).map((sample) => {
    const errs = rows
      .filter((r) => r.sample === sample && r.scored && r.relError !== null)
      .map((r) => Math.abs(r.relError!));
    return {
      sample,
      n: errs.length,
      meanAbsRelError: errs.length ? errs.reduce((s, x) => s + x, 0) / errs.length : null,
    };
  });
  return { rows, summary };
}
