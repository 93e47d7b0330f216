/**
 * Landscape theory of aggregation (Axelrod & Bennett 1993, "A Landscape Theory of Aggregation",
 * British Journal of Political Science 23(2): 211–233). Actors i have size s_i and pairwise
 * propensity p_ij (positive: want to be together). A configuration splits them into two sides;
 * d_ij = 1 when i and j are on different sides, else 0.
 *   frustration F_i(X) = Σ_j s_j p_ij d_ij(X)
 *   energy      E(X)   = Σ_i Σ_j s_i s_j p_ij d_ij(X)   (over ordered pairs, i ≠ j, as in the paper)
 * Predicted configurations are local minima of E under single-actor side switches; the basin of a
 * minimum is the share of configurations from which steepest descent (each step the switch that
 * lowers E most, ties to the lowest actor index) ends there.
 */
export interface LandscapeMinimum {
  energy: number;
  partition: Record<string, 0 | 1>;
  frustration: Record<string, number>;
  /** Share of starting configurations (all, or the sampled restarts) that descend to this minimum. */
  basin: number;
}

export interface LandscapeResult {
  method: "exhaustive" | "local-search";
  configurations: number;
  minima: LandscapeMinimum[];
  warnings: string[];
}

export interface LandscapeInput {
  names: string[];
  sizes: number[];
  /** p[i][j]; NaN where missing (treated as 0 after a warning). */
  p: number[][];
}

export interface LandscapeOptions {
  /** Largest number of actors solved exhaustively (default 20). */
  exhaustiveLimit?: number;
  /** Restarts of the local search beyond the limit (default 2000). */
  restarts?: number;
  seed?: number;
  deadline?: number;
}

/** Check symmetry and completeness; returns the matrix with missing entries filled as described. */
export function checkPropensities(inp: LandscapeInput): { p: number[][]; warnings: string[] } {
  const n = inp.names.length;
  const warnings: string[] = [];
  const p = inp.p.map((r) => r.slice());
  const missing: string[] = [];
  const asym: string[] = [];
  if (!p.some((row) => row.some((v) => !Number.isNaN(v))))
    throw new Error(
      "landscape: no propensity given (every pair is missing): every configuration would have energy 0",
    );
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = p[i][j];
      const b = p[j][i];
      if (Number.isNaN(a) && Number.isNaN(b)) {
        missing.push(`${inp.names[i]}–${inp.names[j]}`);
        p[i][j] = 0;
        p[j][i] = 0;
      } else if (Number.isNaN(a) || Number.isNaN(b)) {
        // one direction given: used for both
        const v = Number.isNaN(a) ? b : a;
        p[i][j] = v;
        p[j][i] = v;
      } else if (a !== b) asym.push(`${inp.names[i]}–${inp.names[j]} (${a} vs ${b})`);
    }
  if (missing.length)
    warnings.push(
      `incomplete propensity matrix: ${missing.length} pair(s) have no propensity and count as 0 (indifferent): ${missing.slice(0, 20).join(", ")}${missing.length > 20 ? ", …" : ""}`,
    );
  if (asym.length)
    warnings.push(
      `asymmetric propensities for ${asym.length} pair(s): ${asym.slice(0, 20).join(", ")}${asym.length > 20 ? ", …" : ""}; energy sums both directions, but a myopic switch need no longer lower the energy (Axelrod & Bennett's convergence argument assumes p_ij = p_ji)`,
    );
  for (let i = 0; i < n; i++)
    if (!(inp.sizes[i] > 0))
      warnings.push(`${inp.names[i]} has size ${inp.sizes[i]}; sizes should be positive`);
  return { p, warnings };
}

class Landscape {
  readonly n: number;
  /** w[i][j] = s_i s_j (p_ij + p_ji): energy contribution when i and j are split. */
  readonly w: Float64Array;
  /** Gains smaller than this (relative to the total weight) are treated as 0. */
  readonly tol: number;
  constructor(
    readonly sizes: number[],
    readonly p: number[][],
  ) {
    const n = sizes.length;
    this.n = n;
    this.w = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        if (i !== j) this.w[i * n + j] = sizes[i] * sizes[j] * (p[i][j] + p[j][i]);
    let s = 0;
    for (const v of this.w) s += Math.abs(v);
    this.tol = 1e-12 * s;
  }

  energy(x: Uint8Array): number {
    let e = 0;
    const n = this.n;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) if (x[i] !== x[j]) e += this.w[i * n + j];
    return e;
  }

  /** Change in energy if actor k switches side. */
  delta(x: Uint8Array, k: number): number {
    let d = 0;
    const n = this.n;
    for (let j = 0; j < n; j++) {
      if (j === k) continue;
      d += x[j] === x[k] ? this.w[k * n + j] : -this.w[k * n + j];
    }
    return d;
  }

  frustration(x: Uint8Array, i: number): number {
    let f = 0;
    for (let j = 0; j < this.n; j++)
      if (j !== i && x[i] !== x[j]) f += this.sizes[j] * this.p[i][j];
    return f;
  }

  /** Steepest descent to a local minimum. */
  descend(x: Uint8Array): Uint8Array {
    const y = x.slice();
    for (let guard = 0; guard < 10 * this.n * this.n + 100; guard++) {
      let best = -1;
      let bestD = -this.tol;
      for (let k = 0; k < this.n; k++) {
        const d = this.delta(y, k);
        if (d < bestD) {
          bestD = d;
          best = k;
        }
      }
      if (best < 0) return y;
      y[best] ^= 1;
    }
    return y;
  }

  isLocalMin(x: Uint8Array): boolean {
    for (let k = 0; k < this.n; k++) if (this.delta(x, k) < -this.tol) return false;
    return true;
  }
}

/** Canonical key: the side of actor 0 is 0 (a configuration and its mirror image are the same split). */
function canon(x: Uint8Array): Uint8Array {
  if (x[0] === 0) return x;
  const y = x.slice();
  for (let i = 0; i < y.length; i++) y[i] ^= 1;
  return y;
}

export function solveLandscape(inp: LandscapeInput, opts: LandscapeOptions = {}): LandscapeResult {
  const { p, warnings } = checkPropensities(inp);
  const n = inp.names.length;
  const L = new Landscape(inp.sizes, p);
  const limit = opts.exhaustiveLimit ?? 20;
  const counts = new Map<string, { x: Uint8Array; count: number }>();
  let total = 0;
  const add = (m: Uint8Array) => {
    const c = canon(m);
    const key = c.join("");
    const e = counts.get(key);
    if (e) e.count++;
    else counts.set(key, { x: c, count: 1 });
    total++;
  };
  let method: LandscapeResult["method"];
  if (n <= limit) {
    method = "exhaustive";
    // Every split once (actor 0 fixed on side 0), visited in Gray-code order with incrementally
    // updated switch gains; each configuration's steepest-descent successor, then basins by
    // following successors to their local minimum.
    const N = 2 ** Math.max(0, n - 1);
    const succ = new Int32Array(N);
    const x = new Uint8Array(n);
    const d = new Float64Array(n);
    for (let k = 0; k < n; k++) d[k] = L.delta(x, k);
    for (let it = 0; it < N; it++) {
      if ((it & 0xffff) === 0 && opts.deadline !== undefined && Date.now() > opts.deadline)
        throw new Error(
          `landscape search exceeded its time budget after ${it} of ${N} configurations`,
        );
      if (it > 0) {
        const flipBit = 31 - Math.clz32(it & -it); // bit that changes between gray(it-1) and gray(it)
        const k = flipBit + 1;
        for (let j = 0; j < n; j++) {
          if (j === k) continue;
          const wkj = L.w[k * n + j];
          // before the flip: same side → j's gain includes +w; after: opposite → −w (and vice versa)
          d[j] += x[j] === x[k] ? -2 * wkj : 2 * wkj;
        }
        d[k] = -d[k];
        x[k] ^= 1;
      }
      const m = it ^ (it >>> 1);
      let best = -1;
      let bestD = -L.tol;
      for (let k = 0; k < n; k++)
        if (d[k] < bestD) {
          bestD = d[k];
          best = k;
        }
      succ[m] = best < 0 ? m : best === 0 ? m ^ (N - 1) : m ^ (1 << (best - 1));
    }
    const root = new Int32Array(N).fill(-1);
    const stack: number[] = [];
    for (let m = 0; m < N; m++) {
      let c = m;
      while (root[c] < 0 && succ[c] !== c) {
        stack.push(c);
        c = succ[c];
        if (stack.length > 4 * n * n + 100)
          throw new Error(
            "landscape descent did not terminate (asymmetric propensities can cycle)",
          );
      }
      const r = root[c] >= 0 ? root[c] : c;
      root[c] = r;
      while (stack.length) root[stack.pop() as number] = r;
    }
    const tally = new Map<number, number>();
    for (let m = 0; m < N; m++) tally.set(root[m], (tally.get(root[m]) ?? 0) + 1);
    for (const [m, count] of tally) {
      const y = new Uint8Array(n);
      for (let i = 1; i < n; i++) y[i] = (m >>> (i - 1)) & 1;
      counts.set(y.join(""), { x: y, count });
    }
    total = N;
  } else {
    method = "local-search";
    let s = (opts.seed ?? 1) >>> 0;
    const rnd = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const restarts = opts.restarts ?? 2000;
    for (let r = 0; r < restarts; r++) {
      if (opts.deadline !== undefined && Date.now() > opts.deadline)
        throw new Error(`landscape local search exceeded its time budget after ${r} restarts`);
      const x = new Uint8Array(n);
      for (let i = 0; i < n; i++) x[i] = rnd() < 0.5 ? 0 : 1;
      add(L.descend(x));
    }
    warnings.push(
      `${n} actors: local search from ${restarts} random starts; minima and basins are estimates, not exhaustive`,
    );
  }
  const minima = [...counts.values()]
    .filter((v) => L.isLocalMin(v.x))
    .map((v) => ({
      energy: L.energy(v.x),
      partition: Object.fromEntries(inp.names.map((nm, i) => [nm, v.x[i] as 0 | 1])),
      frustration: Object.fromEntries(inp.names.map((nm, i) => [nm, L.frustration(v.x, i)])),
      basin: v.count / total,
    }))
    .sort((a, b) => a.energy - b.energy || b.basin - a.basin);
  return { method, configurations: total, minima, warnings };
}
