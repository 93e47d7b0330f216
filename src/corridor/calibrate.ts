import { backtest } from "./backtest.ts";
import type { Network } from "./load-network.ts";
import type { Observation } from "./observations.ts";
import type { Weights } from "./year-view.ts";

/**
 * Least-squares estimate of the logit dispersion theta: minimise the sum of squared relative
 * errors (model - observed) / |observed| over the scored observations (westbound, comparable)
 * whose years lie in the calibration window. One parameter: a grid over log10(theta) and a
 * golden-section refinement between the best grid point's neighbours (the objective is not
 * assumed convex; the grid guards against local minima).
 */
export const CALIBRATE_DEFAULTS = {
  from: 2016,
  to: 2022,
  weights: undefined as Weights | undefined,
  /** Search range of log10(theta), theta per USD/FEU. */
  logThetaRange: [-6, -1] as [number, number],
  gridStep: 0.25,
  refineIter: 30,
};

export interface Calibration {
  parameter: "theta";
  theta: number | null;
  /** Observations used (ids). */
  used: string[];
  n: number;
  /** Sum of squared relative errors at the estimate. */
  sse: number | null;
  /** Root mean squared relative error at the estimate. */
  rmse: number | null;
  /** Whether the data pin theta down: at least two observations and an interior optimum. */
  identified: boolean;
  note: string;
  window: [number, number];
}

export async function calibrateTheta(
  net: Network,
  observations: Observation[],
  options: Partial<typeof CALIBRATE_DEFAULTS> = {},
): Promise<Calibration> {
  const o = { ...CALIBRATE_DEFAULTS, ...options };
  const inWindow = observations.filter(
    (ob) =>
      ob.year >= o.from &&
      ob.year <= o.to &&
      (ob.baseYear === undefined || (ob.baseYear >= o.from && ob.baseYear <= o.to)),
  );
  const sseAt = async (logTheta: number) => {
    const { rows } = await backtest(net, inWindow, {
      weights: o.weights,
      choice: { assignment: "logit", theta: 10 ** logTheta },
    });
    const scored = rows.filter((r) => r.scored && r.relError !== null);
    return { sse: scored.reduce((s, r) => s + r.relError! ** 2, 0), used: scored.map((r) => r.id) };
  };
  const [lo, hi] = o.logThetaRange;
  const grid: { x: number; sse: number; used: string[] }[] = [];
  for (let x = lo; x <= hi + 1e-12; x += o.gridStep) grid.push({ x, ...(await sseAt(x)) });
  const window: [number, number] = [o.from, o.to];
  const used = grid[0].used;
  if (used.length === 0)
    return {
      parameter: "theta",
      theta: null,
      used,
      n: 0,
      sse: null,
      rmse: null,
      identified: false,
      note: `no comparable (westbound) observation in ${o.from}–${o.to}: theta cannot be estimated`,
      window,
    };
  let k = 0;
  grid.forEach((g, i) => {
    if (g.sse < grid[k].sse) k = i;
  });
  // Golden-section search between the neighbours of the best grid point.
  let a = grid[Math.max(0, k - 1)].x;
  let b = grid[Math.min(grid.length - 1, k + 1)].x;
  const phi = (Math.sqrt(5) - 1) / 2;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = (await sseAt(c)).sse;
  let fd = (await sseAt(d)).sse;
  for (let i = 0; i < o.refineIter; i++) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = (await sseAt(c)).sse;
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = (await sseAt(d)).sse;
    }
  }
  let x = (a + b) / 2;
  let sse = (await sseAt(x)).sse;
  if (grid[k].sse < sse) {
    x = grid[k].x;
    sse = grid[k].sse;
  }
  const flat = grid.every((g) => Math.abs(g.sse - grid[0].sse) <= 1e-9 * Math.max(1, grid[0].sse));
  const atEdge = k === 0 || k === grid.length - 1;
  const identified = used.length >= 2 && !flat && !atEdge;
  const why = flat
    ? "the fit does not change with theta"
    : atEdge
      ? `the optimum lies at the edge of the search range (log10 theta in [${lo}, ${hi}])`
      : used.length < 2
        ? "one observation for one parameter"
        : "interior optimum";
  return {
    parameter: "theta",
    theta: 10 ** x,
    used,
    n: used.length,
    sse,
    rmse: Math.sqrt(sse / used.length),
    identified,
    note: identified ? `least squares on relative errors; ${why}` : `not identified: ${why}`,
    window,
  };
}
