import { type BacktestRow, backtest } from "./backtest.ts";
import type { Network } from "./load-network.ts";
import type { Observation } from "./observations.ts";
import type { Weights } from "./year-view.ts";

/**
 * Least-squares estimate of the logit route choice: the dispersion theta (per USD/FEU) and the
 * land-route constant (USD/FEU added to the generalised cost of every route with a link not by
 * sea). Residuals: ln(model / observed) for flows and ratios (volumes span four orders of
 * magnitude, so errors are relative and symmetric), (model - observed) / |observed| for changes;
 * only scored observations (comparable direction) whose years lie in the window count.
 * Search: a grid over log10(theta) with, at each point, a golden-section search of the land
 * constant; then alternating golden-section refinements of both. Standard errors from the
 * Gauss–Newton approximation s² (JᵀJ)⁻¹, s² = SSE / (n - k), when n > k parameters.
 */
export const CALIBRATE_DEFAULTS = {
  from: 2016,
  to: 2022,
  weights: undefined as Weights | undefined,
  /** Search range of log10(theta), theta per USD/FEU. */
  logThetaRange: [-6, -2] as [number, number],
  gridStep: 0.2,
  /** Search range of the land constant, USD/FEU. */
  landRange: [-60000, 60000] as [number, number],
  /** Grid points over the land constant's range (before refinement). */
  landGridSteps: 30,
  /** Hold the land constant at this value instead of estimating it (one-parameter fit). */
  fixLandConstant: undefined as number | undefined,
  refineIter: 40,
  rounds: 3,
};

export interface Calibration {
  parameter: "theta" | "theta+landConstant";
  theta: number | null;
  /** Land-route constant, USD/FEU (held fixed when `parameter` is "theta"). */
  landConstant: number | null;
  /** Standard errors: of log10(theta) and of the land constant; null when not computable. */
  se: { log10Theta: number; landConstant: number | null } | null;
  /** 90 % Wald intervals from the standard errors. */
  interval: { theta: [number, number]; landConstant: [number, number] | null } | null;
  /** Observations used (ids). */
  used: string[];
  n: number;
  /** Sum of squared residuals at the estimate. */
  sse: number | null;
  /** Root mean squared residual at the estimate (log errors for flows and ratios). */
  rmse: number | null;
  /** Whether the data pin the parameters down: n >= parameters, interior optimum, not flat. */
  identified: boolean;
  note: string;
  window: [number, number];
  /** Residual per used observation at the estimate. */
  residuals: { id: string; residual: number }[];
}

function residual(r: BacktestRow): number | null {
  if (!r.scored || r.model === null) return null;
  if (r.metric === "change") return r.relError;
  if (!(r.model > 0) || !(r.observed > 0)) return null;
  return Math.log(r.model / r.observed);
}

const GOLD = (Math.sqrt(5) - 1) / 2;
async function golden(
  f: (x: number) => Promise<number>,
  a0: number,
  b0: number,
  iter: number,
): Promise<{ x: number; fx: number }> {
  let a = a0;
  let b = b0;
  let c = b - GOLD * (b - a);
  let d = a + GOLD * (b - a);
  let fc = await f(c);
  let fd = await f(d);
  for (let i = 0; i < iter; i++) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - GOLD * (b - a);
      fc = await f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + GOLD * (b - a);
      fd = await f(d);
    }
  }
  const x = (a + b) / 2;
  return { x, fx: await f(x) };
}

export async function calibrateLogit(
  net: Network,
  observations: Observation[],
  options: Partial<typeof CALIBRATE_DEFAULTS> = {},
): Promise<Calibration> {
  const o = { ...CALIBRATE_DEFAULTS, ...options };
  const fixed = o.fixLandConstant !== undefined;
  const k = fixed ? 1 : 2;
  const inWindow = observations.filter(
    (ob) =>
      ob.year >= o.from &&
      ob.year <= o.to &&
      (ob.baseYear === undefined || (ob.baseYear >= o.from && ob.baseYear <= o.to)),
  );
  const memo = new Map<string, { id: string; residual: number }[]>();
  const resAt = async (logTheta: number, land: number) => {
    const key = `${logTheta}|${land}`;
    if (!memo.has(key)) {
      const { rows } = await backtest(net, inWindow, {
        weights: o.weights,
        choice: { assignment: "logit", theta: 10 ** logTheta, landConstant: land },
      });
      const out: { id: string; residual: number }[] = [];
      for (const r of rows) {
        const e = residual(r);
        if (e !== null) out.push({ id: r.id, residual: e });
      }
      memo.set(key, out);
    }
    return memo.get(key)!;
  };
  const sseOf = (rs: { residual: number }[]) => rs.reduce((s, r) => s + r.residual ** 2, 0);
  const window: [number, number] = [o.from, o.to];
  const [lo, hi] = o.logThetaRange;
  const [llo, lhi] = o.landRange;
  // The objective is flat in the land constant wherever capacities bind, so a grid first, then a
  // golden-section search between the best grid point's neighbours.
  const bestLand = async (x: number) => {
    if (fixed) return { x: o.fixLandConstant!, fx: sseOf(await resAt(x, o.fixLandConstant!)) };
    const step = (lhi - llo) / o.landGridSteps;
    let best = { x: llo, fx: Number.POSITIVE_INFINITY };
    for (let l = llo; l <= lhi + 1e-9; l += step) {
      const fx = sseOf(await resAt(x, l));
      if (fx < best.fx) best = { x: l, fx };
    }
    const g = await golden(
      async (l) => sseOf(await resAt(x, l)),
      Math.max(llo, best.x - step),
      Math.min(lhi, best.x + step),
      25,
    );
    return g.fx <= best.fx ? g : best;
  };
  const grid: { x: number; land: number; sse: number }[] = [];
  for (let x = lo; x <= hi + 1e-12; x += o.gridStep) {
    const b = await bestLand(x);
    grid.push({ x, land: b.x, sse: b.fx });
  }
  const used0 = (await resAt(grid[0].x, grid[0].land)).map((r) => r.id);
  const empty = {
    parameter: fixed ? ("theta" as const) : ("theta+landConstant" as const),
    theta: null,
    landConstant: null,
    se: null,
    interval: null,
    used: used0,
    n: 0,
    sse: null,
    rmse: null,
    identified: false,
    window,
    residuals: [],
  };
  if (used0.length === 0)
    return {
      ...empty,
      note: `no comparable observation in ${o.from}–${o.to}: theta cannot be estimated`,
    };
  let kBest = 0;
  grid.forEach((g, i) => {
    if (g.sse < grid[kBest].sse) kBest = i;
  });
  let x = grid[kBest].x;
  let land = grid[kBest].land;
  let sse = grid[kBest].sse;
  const a = grid[Math.max(0, kBest - 1)].x;
  const b = grid[Math.min(grid.length - 1, kBest + 1)].x;
  for (let round = 0; round < o.rounds; round++) {
    const gx = await golden(async (t) => sseOf(await resAt(t, land)), a, b, o.refineIter);
    if (gx.fx <= sse) {
      x = gx.x;
      sse = gx.fx;
    }
    if (fixed) break;
    const span = Math.max(1000, (lhi - llo) / 2 ** (round + 3));
    const gl = await golden(
      async (l) => sseOf(await resAt(x, l)),
      Math.max(llo, land - span),
      Math.min(lhi, land + span),
      o.refineIter,
    );
    if (gl.fx <= sse) {
      land = gl.x;
      sse = gl.fx;
    }
  }
  const res = await resAt(x, land);
  const n = res.length;
  const flat = grid.every((g) => Math.abs(g.sse - grid[0].sse) <= 1e-9 * Math.max(1, grid[0].sse));
  const atEdge = kBest === 0 || kBest === grid.length - 1;
  const landAtEdge = !fixed && (land - llo < 1 || lhi - land < 1);
  const identified = n >= k && !flat && !atEdge && !landAtEdge;
  // Gauss–Newton standard errors (central differences).
  let se: Calibration["se"] = null;
  let interval: Calibration["interval"] = null;
  if (identified && n > k) {
    const hx = 1e-3;
    const hl = 10;
    const vec = async (t: number, l: number) => {
      const r = await resAt(t, l);
      return res.map((q) => r.find((z) => z.id === q.id)?.residual ?? Number.NaN);
    };
    const [px, mx] = [await vec(x + hx, land), await vec(x - hx, land)];
    const cols: number[][] = [px.map((v, i) => (v - mx[i]) / (2 * hx))];
    if (!fixed) {
      const [pl, ml] = [await vec(x, land + hl), await vec(x, land - hl)];
      cols.push(pl.map((v, i) => (v - ml[i]) / (2 * hl)));
    }
    const s2 = sse / (n - k);
    const jtj = cols.map((ci) => cols.map((cj) => ci.reduce((s, v, i) => s + v * cj[i], 0)));
    let cov: number[][] | null = null;
    if (k === 1) cov = jtj[0][0] > 0 ? [[s2 / jtj[0][0]]] : null;
    else {
      const det = jtj[0][0] * jtj[1][1] - jtj[0][1] * jtj[1][0];
      if (Math.abs(det) > 1e-300)
        cov = [
          [(s2 * jtj[1][1]) / det, (-s2 * jtj[0][1]) / det],
          [(-s2 * jtj[1][0]) / det, (s2 * jtj[0][0]) / det],
        ];
    }
    if (cov && cov.every((r, i) => Number.isFinite(r[i]) && r[i] >= 0)) {
      const seX = Math.sqrt(cov[0][0]);
      const seL = fixed ? null : Math.sqrt(cov[1][1]);
      const z = 1.6448536269514722;
      se = { log10Theta: seX, landConstant: seL };
      interval = {
        theta: [10 ** (x - z * seX), 10 ** (x + z * seX)],
        landConstant: seL === null ? null : [land - z * seL, land + z * seL],
      };
    }
  }
  const why = flat
    ? "the fit does not change with theta"
    : atEdge
      ? `the optimum lies at the edge of the search range (log10 theta in [${lo}, ${hi}])`
      : landAtEdge
        ? `the land constant lies at the edge of its range [${llo}, ${lhi}]`
        : n < k
          ? `${n} observation(s) for ${k} parameters`
          : n === k
            ? "interior optimum; as many observations as parameters (exact fit, no standard error)"
            : "interior optimum";
  return {
    parameter: fixed ? "theta" : "theta+landConstant",
    theta: 10 ** x,
    landConstant: land,
    se,
    interval,
    used: res.map((r) => r.id),
    n,
    sse,
    rmse: Math.sqrt(sse / n),
    identified,
    note: identified ? `least squares; ${why}` : `not identified: ${why}`,
    window,
    residuals: res,
  };
}

/** One-parameter fit (theta) with the land constant held at 0 (the earlier estimator). */
export function calibrateTheta(
  net: Network,
  observations: Observation[],
  options: Partial<typeof CALIBRATE_DEFAULTS> = {},
): Promise<Calibration> {
  return calibrateLogit(net, observations, { fixLandConstant: 0, ...options });
}
