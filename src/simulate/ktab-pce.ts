/**
 * Probabilistic Condorcet Elections as in KTAB's `kmodel.cpp` (KAPSARC, MIT licence): votes, coalition
 * strengths, pairwise victory probabilities and the three PCE variants. Written afresh in TypeScript
 * from KTAB's published algorithm; numerical order of operations follows KTAB so results agree to
 * round-off.
 */
import type { PCEModel, VotingRule, VPModel } from "./ktab-params.ts";

/** A dense matrix as rows. */
export type Mat = number[][];

export function zeros(r: number, c: number): Mat {
  return Array.from({ length: r }, () => new Array<number>(c).fill(0));
}

/** Vote of an actor with weight w on option i versus k, given its utilities of each (`Model::vote`). */
export function vote(vr: VotingRule, w: number, ui: number, uk: number): number {
  if (!(w > 0)) throw new Error(`KTAB vote: voting weight must be positive, got ${w}`);
  const du = ui - uk;
  let rBin = du / 1e-8;
  if (rBin > 1) rBin = 1;
  if (rBin < -1) rBin = -1;
  const rCubic = du * du * du;
  switch (vr) {
    case "Binary":
      return w * rBin;
    case "PropBin":
      return w * ((1 - 0.2) * du + 0.2 * rBin);
    case "Prop":
      return w * du;
    case "PropCbc":
      return w * ((1 - 0.5) * du + 0.5 * rCubic);
    case "Cubic":
      return w * rCubic;
    case "ASymProsp":
      if (du < 0) return w * du;
      if (du > 0) return (2 * w * du) / 3;
      return 0;
  }
}

/** Coalition strengths c(i,j) = 1e-8 + Σ_k max(0, v_k(i:j)) (`Model::coalitions`). */
export function coalitions(
  vfn: (k: number, i: number, j: number) => number,
  numAct: number,
  numOpt: number,
): Mat {
  const minC = 1e-8;
  const c = zeros(numOpt, numOpt);
  for (let i = 0; i < numOpt; i++) {
    for (let j = 0; j < i; j++) {
      let cij = minC;
      let cji = minC;
      for (let k = 0; k < numAct; k++) {
        const v = vfn(k, i, j);
        if (v > 0) cij = cij + v;
        if (v < 0) cji = cji - v;
      }
      c[i][j] = cij;
      c[j][i] = cji;
    }
    c[i][i] = minC;
  }
  return c;
}

/** Victory probabilities of two coalitions of strengths s1, s2 (`Model::vProb`). */
export function vProbPair(vpm: VPModel, s1: number, s2: number): [number, number] {
  let x1 = 0;
  let x2 = 0;
  switch (vpm) {
    case "Linear":
      x1 = s1;
      x2 = s2;
      break;
    case "Square":
      x1 = s1 * s1;
      x2 = s2 * s2;
      break;
    case "Quartic": {
      const a = s1 * s1;
      const b = s2 * s2;
      x1 = a * a;
      x2 = b * b;
      break;
    }
    case "Octic": {
      const a = s1 * s1;
      const b = s2 * s2;
      const a4 = a * a;
      const b4 = b * b;
      x1 = a4 * a4;
      x2 = b4 * b4;
      break;
    }
    case "Binary": {
      const thresh = 1.1;
      const minX = 1e-6;
      if (s1 >= thresh * s2) {
        x1 = 1;
        x2 = minX;
      } else if (s2 >= thresh * s1) {
        x1 = minX;
        x2 = 1;
      } else {
        const r12 = s1 / (s1 + s2);
        const p12 = (r12 * (thresh + 1) - 1) / (thresh - 1);
        x1 = p12;
        x2 = 1 - p12;
      }
      break;
    }
  }
  return [x1 / (x1 + x2), x2 / (x1 + x2)];
}

/** Square matrix of P[i beats j] from coalition strengths, with 1/2 on the diagonal. */
export function vProbMatrix(vpm: VPModel, c: Mat): Mat {
  const n = c.length;
  const p = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const [pij, pji] = vProbPair(vpm, c[i][j], c[j][i]);
      p[i][j] = pij;
      p[j][i] = pji;
    }
    p[i][i] = 0.5;
  }
  return p;
}

/** Conditional PCE: p_i ∝ Π_j P[i>j] (`Model::condPCE`). */
export function condPCE(pv: Mat): number[] {
  const n = pv.length;
  const p = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let pi = 1;
    for (let j = 0; j < n; j++) pi = pi * pv[i][j];
    p[i] = pi;
  }
  let s = 0;
  for (const x of p) s = s + x;
  return p.map((x) => x / s);
}

/** Markov-uniform PCE (`Model::markovUniformPCE`). */
export function markovUniformPCE(pv: Mat): number[] {
  const n = pv.length;
  let p = new Array<number>(n).fill(1 / n);
  const q = p.slice();
  let change = 1;
  let iter = 0;
  while (1e-6 < change) {
    change = 0;
    for (let i = 0; i < n; i++) {
      let pi = 0;
      for (let j = 0; j < n; j++) pi = pi + pv[i][j] * (p[i] + p[j]);
      q[i] = pi / n;
      const c = Math.abs(q[i] - p[i]);
      change = c > change ? c : change;
    }
    p = p.map((x, i) => (x + q[i]) / 2);
    iter++;
    if (iter >= 1000) throw new Error("KTAB markovUniformPCE: no convergence in 1000 iterations");
  }
  return p;
}

/** Markov-incentive PCE (B. P. Wise, "Markov Voting with Incentives in KTAB"; `Model::markovIncentivePCE`). */
export function markovIncentivePCE(c: Mat, vpm: VPModel): number[] {
  const n = c.length;
  const vp = vProbMatrix(vpm, c);
  const inc = zeros(n, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) inc[i][j] = c[i][j] * vp[i][j] + (i === j ? 1e-10 : 0);
  const colSum = new Array<number>(n).fill(0);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s = s + inc[k][j];
    colSum[j] = s;
  }
  const chlg = zeros(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) chlg[i][j] = inc[i][j] / colSum[j];
  let p = new Array<number>(n).fill(1 / n);
  const q = p.slice();
  let change = 1;
  let iter = 0;
  const ct = zeros(n, n);
  while (1e-8 < change) {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) ct[i][j] = p[i] * chlg[j][i];
    change = 0;
    for (let i = 0; i < n; i++) {
      let qi = 0;
      for (let j = 0; j < n; j++) qi = qi + vp[i][j] * (ct[i][j] + ct[j][i]);
      q[i] = qi;
      const d = Math.abs(q[i] - p[i]);
      change = d > change ? d : change;
    }
    p = p.map((x, i) => (x + q[i]) / 2);
    iter++;
    if (iter >= 100000) throw new Error("KTAB markovIncentivePCE: no convergence");
  }
  if (iter >= 1000)
    throw new Error("KTAB markovIncentivePCE: iteration exceeded upper limit (1000)");
  return p;
}

/** Outcome probabilities and victory matrix from coalition strengths (`Model::probCE2`). */
export function probCE2(pcm: PCEModel, vpm: VPModel, c: Mat): { p: number[]; pv: Mat } {
  const pv = vProbMatrix(vpm, c);
  let p: number[];
  switch (pcm) {
    case "Conditional":
      p = condPCE(pv);
      break;
    case "MarkovIncentive":
      p = markovIncentivePCE(c, vpm);
      break;
    case "MarkovUniform":
      p = markovUniformPCE(pv);
      break;
  }
  return { p, pv };
}

/** PCE over options given actor weights w and utilities u[actor][option] (`Model::scalarPCE`). */
export function scalarPCE(
  w: number[],
  u: Mat,
  vr: VotingRule,
  vpm: VPModel,
  pcm: PCEModel,
): { p: number[]; c: Mat; pv: Mat } {
  const numAct = u.length;
  const numOpt = u[0].length;
  const c = coalitions((k, i, j) => vote(vr, w[k], u[k][i], u[k][j]), numAct, numOpt);
  const { p, pv } = probCE2(pcm, vpm, c);
  return { p, c, pv };
}
