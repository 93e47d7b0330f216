import { type BacktestRow, backtest } from "./backtest.ts";
import type { Network } from "./load-network.ts";
import type { Observation } from "./observations.ts";
import type { Weights } from "./year-view.ts";

/**
 * Least-squares estimate of the logit route choice: the dispersion theta (per USD/FEU), the
 * land-route constant (USD/FEU added to the generalised cost of every route with a link not by
 * sea) and corridor constants (USD/FEU added to one corridor's routes, e.g. the Middle Corridor). Residuals: ln(model / observed) for flows and ratios (volumes span four orders of
 * magnitude, so errors are relative and symmetric), (model - observed) / |observed| for changes;
 * only scored observations (comparable direction) whose years lie in the window count.
 * Search: Levenberg–Marquardt (numeric Jacobian) from several starts (a grid of log10 theta by
 * a grid of the land constant); the best end point wins. Standard errors from the Gauss–Newton
 * approximation s² (JᵀJ)⁻¹, s² = SSE / (n - k), when n > k parameters.
 */
export const CALIBRATE_DEFAULTS = {
  from: 2016,
  to: 2022,
  weights: undefined as Weights | undefined,
  /** Search range of log10(theta), theta per USD/FEU. */
  logThetaRange: [-6, -2] as [number, number],
  /** Starting values of log10(theta) for the multi-start search. */
  logThetaStarts: [-4.5, -4, -3.5, -3],
  /** Range of every constant, USD/FEU. */
  constantRange: [-60000, 60000] as [number, number],
  /** Starting values of the land constant. */
  landStarts: [0, 40000],
  /** Hold log10(theta) at this value instead of estimating it (a profile of the fit). */
  fixLogTheta: undefined as number | undefined,
  /** Hold the land constant at this value instead of estimating it. */
  fixLandConstant: undefined as number | undefined,
  /** Starting values of every corridor constant. */
  corridorStarts: [0, 40000],
  /** Corridors that get their own constant (estimated). */
  corridorConstants: ["Middle"] as string[],
  maxIter: 60,
};

export interface Calibration {
  /** The estimated parameters, e.g. "theta+landConstant+Middle". */
  parameter: string;
  theta: number | null;
  /** Land-route constant, USD/FEU (the fixed value when not estimated). */
  landConstant: number | null;
  /** Corridor constants, USD/FEU. */
  corridorConstants: Record<string, number>;
  /** Standard errors: of log10(theta), of the land constant and of each corridor constant. */
  se: { log10Theta: number; landConstant: number | null; corridors: Record<string, number> } | null;
  /** 90 % Wald intervals from the standard errors. */
  interval: {
    theta: [number, number];
    landConstant: [number, number] | null;
    corridors: Record<string, [number, number]>;
  } | null;
  /** Observations used (ids). */
  used: string[];
  n: number;
  /** Number of estimated parameters. */
  k: number;
  /** Sum of squared residuals at the estimate. */
  sse: number | null;
  /** Root mean squared residual at the estimate (log errors for flows and ratios). */
  rmse: number | null;
  /** Whether the data pin the parameters down: n >= k, a non-singular Jacobian, inside the bounds. */
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

/**
 * Inverse of a small symmetric positive semi-definite matrix: scaled to unit diagonal (so
 * parameters in different units compare), then Gauss–Jordan with partial pivoting; null when
 * singular (a pivot below 1e-10 of the scaled matrix).
 */
function inverse(a: number[][]): number[][] | null {
  const n = a.length;
  const d = a.map((row, i) => Math.sqrt(Math.max(row[i], 1e-300)));
  const m = a.map((row, i) => [
    ...row.map((v, j) => v / (d[i] * d[j])),
    ...row.map((_, j) => (i === j ? 1 : 0)),
  ]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    if (Math.abs(m[piv][c]) <= 1e-10) return null;
    [m[c], m[piv]] = [m[piv], m[c]];
    const q = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= q;
    for (let r = 0; r < n; r++)
      if (r !== c) {
        const f = m[r][c];
        for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
      }
  }
  return m.map((row, i) => row.slice(n).map((v, j) => v / (d[i] * d[j])));
}

export async function calibrateLogit(
  net: Network,
  observations: Observation[],
  options: Partial<typeof CALIBRATE_DEFAULTS> = {},
): Promise<Calibration> {
  const o = { ...CALIBRATE_DEFAULTS, ...options };
  const fixedLand = o.fixLandConstant !== undefined;
  const fixedTheta = o.fixLogTheta !== undefined;
  // Only corridors the network has (a constant of an absent corridor would not be identified).
  const corridors = o.corridorConstants.filter((c) =>
    net.routes.some((r) => r.network === "transport" && r.corridor === c),
  );
  // Parameter vector: [(log10 theta), (land constant), ...corridor constants].
  const names = [
    ...(fixedTheta ? [] : ["theta"]),
    ...(fixedLand ? [] : ["landConstant"]),
    ...corridors,
  ];
  const k = names.length;
  const isTheta = (i: number) => !fixedTheta && i === 0;
  const landAt = fixedLand ? -1 : fixedTheta ? 0 : 1;
  const off = (fixedTheta ? 0 : 1) + (fixedLand ? 0 : 1);
  const steps = names.map((_, i) => (isTheta(i) ? 1e-3 : 10));
  const vector = (x: number, land: number, c0: number) => [
    ...(fixedTheta ? [] : [x]),
    ...(fixedLand ? [] : [land]),
    ...corridors.map(() => c0),
  ];
  const [lo, hi] = o.logThetaRange;
  const [clo, chi] = o.constantRange;
  const clamp = (p: number[]) =>
    p.map((v, i) => (isTheta(i) ? Math.min(hi, Math.max(lo, v)) : Math.min(chi, Math.max(clo, v))));
  const unpack = (p: number[]) => {
    const cc: Record<string, number> = {};
    corridors.forEach((c, i) => {
      cc[c] = p[off + i];
    });
    return {
      theta: 10 ** (fixedTheta ? o.fixLogTheta! : p[0]),
      landConstant: fixedLand ? o.fixLandConstant! : p[landAt],
      corridorConstants: cc,
    };
  };
  const inWindow = observations.filter(
    (ob) =>
      ob.year >= o.from &&
      ob.year <= o.to &&
      (ob.baseYear === undefined || (ob.baseYear >= o.from && ob.baseYear <= o.to)),
  );
  const memo = new Map<string, Map<string, number>>();
  const resAt = async (p: number[]) => {
    const key = p.join("|");
    if (!memo.has(key)) {
      const { rows } = await backtest(net, inWindow, {
        weights: o.weights,
        choice: { assignment: "logit", ...unpack(p) },
      });
      const out = new Map<string, number>();
      for (const r of rows) {
        const e = residual(r);
        if (e !== null) out.set(r.id, e);
      }
      memo.set(key, out);
    }
    return memo.get(key)!;
  };
  const window: [number, number] = [o.from, o.to];
  const used = [...(await resAt(clamp(vector(o.logThetaStarts[0], 0, 0)))).keys()];
  if (used.length === 0)
    return {
      parameter: names.join("+"),
      theta: null,
      landConstant: null,
      corridorConstants: {},
      se: null,
      interval: null,
      used,
      n: 0,
      k,
      sse: null,
      rmse: null,
      identified: false,
      note: `no comparable observation in ${o.from}–${o.to}: theta cannot be estimated`,
      window,
      residuals: [],
    };
  // An observation without a model figure at p counts as a large residual.
  const vec = async (p: number[]) => {
    const r = await resAt(p);
    return used.map((id) => r.get(id) ?? 10);
  };
  const sseOf = (r: number[]) => r.reduce((s, x) => s + x * x, 0);
  const cross = (cols: number[][]) =>
    cols.map((ci) => cols.map((cj) => ci.reduce((s, v, i) => s + v * cj[i], 0)));
  const lm = async (p0: number[]) => {
    let p = clamp(p0);
    let r = await vec(p);
    let sse = sseOf(r);
    let lambda = 1e-2;
    for (let it = 0; it < o.maxIter; it++) {
      const J: number[][] = [];
      for (let j = 0; j < k; j++) {
        const q = [...p];
        q[j] += steps[j];
        const rq = await vec(q);
        J.push(rq.map((v, i) => (v - r[i]) / steps[j]));
      }
      const jtj = cross(J);
      const jtr = J.map((ci) => ci.reduce((s, v, i) => s + v * r[i], 0));
      let improved = false;
      let tiny = false;
      for (let tries = 0; tries < 12 && !improved; tries++) {
        const a = jtj.map((row, i) =>
          row.map((v, j) => (i === j ? v + lambda * Math.max(v, 1e-12) : v)),
        );
        const inv = inverse(a);
        if (!inv) {
          lambda *= 10;
          continue;
        }
        const delta = inv.map((row) => -row.reduce((s, v, j) => s + v * jtr[j], 0));
        const q = clamp(p.map((v, i) => v + delta[i]));
        const rq = await vec(q);
        const sq = sseOf(rq);
        if (sq < sse) {
          tiny = sse - sq <= 1e-12 * Math.max(sse, 1e-12);
          p = q;
          r = rq;
          sse = sq;
          lambda = Math.max(lambda / 3, 1e-9);
          improved = true;
        } else lambda *= 4;
      }
      if (!improved || tiny) break;
    }
    return { p, r, sse };
  };
  let best: { p: number[]; r: number[]; sse: number } | null = null;
  for (const x of fixedTheta ? [o.fixLogTheta!] : o.logThetaStarts)
    for (const land of fixedLand ? [0] : o.landStarts)
      for (const c0 of corridors.length ? o.corridorStarts : [0]) {
        const e = await lm(vector(x, land, c0));
        if (!best || e.sse < best.sse) best = e;
      }
  const { p, r, sse } = best!;
  const n = used.length;
  const atBound = p.some((v, i) =>
    isTheta(i) ? v - lo < 1e-6 || hi - v < 1e-6 : v - clo < 1 || chi - v < 1,
  );
  // Gauss–Newton covariance at the estimate (central differences).
  const cols: number[][] = [];
  for (let j = 0; j < k; j++) {
    const up = [...p];
    const dn = [...p];
    up[j] += steps[j];
    dn[j] -= steps[j];
    const [ru, rd] = [await vec(up), await vec(dn)];
    cols.push(ru.map((v, i) => (v - rd[i]) / (2 * steps[j])));
  }
  const inv = inverse(cross(cols));
  const identified = n >= k && inv !== null && !atBound;
  const u = unpack(p);
  let se: Calibration["se"] = null;
  let interval: Calibration["interval"] = null;
  if (identified && n > k && inv && !fixedTheta) {
    const s2 = sse / (n - k);
    const sd = inv.map((row, i) => Math.sqrt(Math.max(0, s2 * row[i])));
    const z = 1.6448536269514722;
    se = {
      log10Theta: sd[0],
      landConstant: fixedLand ? null : sd[landAt],
      corridors: Object.fromEntries(corridors.map((c, i) => [c, sd[off + i]])),
    };
    interval = {
      theta: [10 ** (p[0] - z * sd[0]), 10 ** (p[0] + z * sd[0])],
      landConstant: fixedLand
        ? null
        : [u.landConstant - z * sd[landAt], u.landConstant + z * sd[landAt]],
      corridors: Object.fromEntries(
        corridors.map((c, i) => [
          c,
          [u.corridorConstants[c] - z * sd[off + i], u.corridorConstants[c] + z * sd[off + i]],
        ]),
      ) as Record<string, [number, number]>,
    };
  }
  const why =
    n < k
      ? `${n} observation(s) for ${k} parameters`
      : inv === null
        ? "the observations do not separate the parameters (singular Jacobian)"
        : atBound
          ? "a parameter lies at the edge of its search range"
          : n === k
            ? "as many observations as parameters (exact fit, no standard error)"
            : "interior optimum";
  return {
    parameter: names.join("+"),
    theta: u.theta,
    landConstant: u.landConstant,
    corridorConstants: u.corridorConstants,
    se,
    interval,
    used,
    n,
    k,
    sse,
    rmse: Math.sqrt(sse / n),
    identified,
    note: identified ? `least squares; ${why}` : `not identified: ${why}`,
    window,
    residuals: used.map((id, i) => ({ id, residual: r[i] })),
  };
}

/** One-parameter fit (theta) with the land constant held at 0 and no corridor constant. */
export function calibrateTheta(
  net: Network,
  observations: Observation[],
  options: Partial<typeof CALIBRATE_DEFAULTS> = {},
): Promise<Calibration> {
  return calibrateLogit(net, observations, {
    fixLandConstant: 0,
    corridorConstants: [],
    ...options,
  });
}

/**
 * The observations a calibration over `window` uses (scored, with a residual), evaluated at the
 * given logit parameters: the in-sample set of a backtest run with stored estimates, without
 * re-estimating.
 */
export async function calibrationObservations(
  net: Network,
  observations: Observation[],
  choice: { theta: number; landConstant?: number; corridorConstants?: Record<string, number> },
  options: { from?: number; to?: number; weights?: Weights } = {},
): Promise<string[]> {
  const from = options.from ?? CALIBRATE_DEFAULTS.from;
  const to = options.to ?? CALIBRATE_DEFAULTS.to;
  const inWindow = observations.filter(
    (ob) =>
      ob.year >= from &&
      ob.year <= to &&
      (ob.baseYear === undefined || (ob.baseYear >= from && ob.baseYear <= to)),
  );
  const { rows } = await backtest(net, inWindow, {
    weights: options.weights,
    choice: { assignment: "logit", ...choice },
  });
  return rows.filter((r) => residual(r) !== null).map((r) => r.id);
}

/** Upper `p` quantile of Student's t with `nu` degrees of freedom (Simpson integration, bisection). */
export function tQuantile(p: number, nu: number): number {
  const logC = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * Math.log(nu * Math.PI);
  const pdf = (t: number) => Math.exp(logC - ((nu + 1) / 2) * Math.log(1 + (t * t) / nu));
  const cdf = (t: number) => {
    const m = 2000;
    const h = t / m;
    let s = pdf(0) + pdf(t);
    for (let i = 1; i < m; i++) s += (i % 2 ? 4 : 2) * pdf(i * h);
    return 0.5 + (s * h) / 3;
  };
  let a = 0;
  let b = 1;
  while (cdf(b) < p) b *= 2;
  for (let i = 0; i < 80; i++) {
    const c = (a + b) / 2;
    if (cdf(c) < p) a = c;
    else b = c;
  }
  return (a + b) / 2;
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
function lgamma(x: number): number {
  const g = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531,
    -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  const y = x - 1;
  let a = g[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += g[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Profile interval of theta at `level`: the values of log10(theta) whose best fit (the other
 * parameters re-estimated) keeps SSE(theta) <= SSE_min (1 + F / (n - k)), F = t²_{(1+level)/2, n-k}
 * (the F(1, n - k) quantile). Searched on a grid of log10(theta) around the estimate, warm-started.
 * Null when the estimate has no residual degree of freedom.
 */
export async function profileTheta(
  net: Network,
  observations: Observation[],
  cal: Calibration,
  options: Partial<typeof CALIBRATE_DEFAULTS> & {
    level?: number;
    span?: number;
    step?: number;
  } = {},
): Promise<{ interval: [number, number]; level: number; bounded: [boolean, boolean] } | null> {
  if (cal.theta === null || cal.sse === null || cal.n - cal.k < 1) return null;
  const level = options.level ?? 0.9;
  const span = options.span ?? 1;
  const step = options.step ?? 0.01;
  const t = tQuantile((1 + level) / 2, cal.n - cal.k);
  const limit = cal.sse * (1 + (t * t) / (cal.n - cal.k));
  const x0 = Math.log10(cal.theta);
  const walk = async (dir: 1 | -1) => {
    let land = cal.landConstant ?? 0;
    let c0 = Object.values(cal.corridorConstants)[0] ?? 0;
    let last = x0;
    for (let x = x0 + dir * step; Math.abs(x - x0) <= span + 1e-9; x += dir * step) {
      const f = await calibrateLogit(net, observations, {
        ...options,
        fixLogTheta: x,
        landStarts: [land],
        corridorStarts: [c0],
      });
      if (f.sse === null || f.sse > limit) return { edge: last, bounded: true };
      land = f.landConstant ?? land;
      c0 = Object.values(f.corridorConstants)[0] ?? c0;
      last = x;
    }
    return { edge: last, bounded: false };
  };
  const down = await walk(-1);
  const up = await walk(1);
  return {
    interval: [10 ** down.edge, 10 ** up.edge],
    level,
    bounded: [down.bounded, up.bounded],
  };
}
