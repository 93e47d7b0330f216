/**
 * KTAB's Spatial Model of Politics (SMP), a TypeScript re-implementation of KAPSARC's KTAB
 * (`examples/smp/libsrc/smp.cpp`, `smpbcn.cpp`; `KTAB/kmodel/libsrc/kmodel.cpp`; MIT licence,
 * Copyright (c) 2015 King Abdullah Petroleum Studies and Research Center). Each turn every actor
 * picks its most advantageous challenge (probabilistic Condorcet election with third parties),
 * proposes an interpolated bargain, and each actor adopts the bargain that wins a PCE over the
 * bargains in its queue (bargain–challenge–negotiate). Positions are on [0,1] internally.
 */

import {
  KTAB_DEFAULT_SEED,
  SMP_DEFAULTS,
  SMP_STOP,
  type SmpParams,
  type VotingRule,
} from "./ktab-params.ts";
import { coalitions, type Mat, probCE2, scalarPCE, vote, zeros } from "./ktab-pce.ts";
import { KtabPrng } from "./ktab-prng.ts";
import { bigRfromProb, estNRA } from "./ktab-risk.ts";
import type { SmpScenario } from "./smp-scenario.ts";

type Vec = number[];

/** Equivalence tolerance of positions on [0,1] (`SMPModel::posTol`). */
const POS_TOL = 1e-3;

export function norm(v: Vec): number {
  let s = 0;
  for (const x of v) s = s + x * x;
  return Math.sqrt(s);
}

function sub(a: Vec, b: Vec): Vec {
  return a.map((x, i) => x - b[i]);
}

/** Salience-weighted normalised distance (`SMPModel::bvDiff`). */
export function bvDiff(vd: Vec, vs: Vec): number {
  let dsSqr = 0;
  let ssSqr = 0;
  for (let i = 0; i < vd.length; i++) {
    const ds = vd[i] * vs[i];
    dsSqr = dsSqr + ds * ds;
    ssSqr = ssSqr + vs[i] * vs[i];
  }
  return Math.sqrt(dsSqr / ssSqr);
}

/** Utility of normalised distance d with risk attitude R (`SMPModel::bsUtil`). */
export function bsUtil(sd: number, R: number): number {
  return sd <= 1 ? (1 - sd) * (1 + sd * R) : (1 - sd) * (1 + R);
}

function round4(x: number): number {
  return Math.trunc(0.5 + x * 10000) / 10000;
}

interface Actor {
  name: string;
  cap: number;
  sal: Vec;
  salSum: number;
}

interface Bargain {
  init: number;
  rcvr: number;
  posInit: Vec;
  posRcvr: Vec;
}

/** One SMP state: positions, ideals and (once set up) the perceived utilities. */
export interface SmpState {
  pos: Vec[];
  ideals: Vec[];
  /** uIndices: first index of each unique position. */
  uIndices: number[];
  nra: number[];
  /** aUtil[h][i][j]: h's estimate of the utility to i of j's position. */
  aUtil: Mat[];
}

export interface SmpTurnDetail {
  /** Challenges made this turn: initiator, target, initiator's P[i beats j], expected gain. */
  challenges: { init: string; target: string; prob: number; gain: number }[];
  /** Which bargain each actor adopted: "status quo" or "init:receiver". */
  adopted: Record<string, string>;
}

export interface SmpRun {
  params: SmpParams;
  seed: string;
  actors: string[];
  dimensions: string[];
  /** Positions per state on the input's 0–100 scale, [state][actor][dimension]. */
  positions: number[][][];
  /** Probability of each actor's position winning, per state (KTAB's "winning probabilities"). */
  probabilities: number[][];
  /** Fractional change stateDist(t-1,t)/(stateDist(0,1)+1e-4), per state (null for state 0). */
  fractionalChange: (number | null)[];
  /** Risk attitudes per state. */
  risk: number[][];
  details: SmpTurnDetail[];
  stopReason: "converged" | "maxIter";
}

/**
 * Replay hook: for a turn, the order of each actor's bargain queue (as "initiator:receiver" actor
 * indices) and the order in which the actors' queues are resolved (each resolution draws from the
 * PRNG in stochastic mode). KTAB 2017 did both on threads, so its logs record the order used.
 */
export interface SmpTurnSchedule {
  queues?: string[][];
  resolveOrder?: number[];
}

export interface SmpOptions {
  params?: Partial<SmpParams>;
  /** Replay KTAB's threaded queue and resolution order (testing against KTAB logs). */
  schedule?: (turn: number) => SmpTurnSchedule | undefined;
  seed?: bigint;
  maxIter?: number;
  /** Abort when this wall-clock time (ms since epoch) passes. */
  deadline?: number;
}

class Smp {
  readonly actors: Actor[];
  readonly na: number;
  readonly acc: number[][];
  readonly identAcc: boolean;
  readonly p: SmpParams;
  readonly rng: KtabPrng;
  readonly w: number[];

  constructor(sc: SmpScenario, p: SmpParams, seed: bigint) {
    this.p = p;
    this.actors = sc.actors.map((a) => {
      const sal = a.salience.map((s) => s / 100);
      let salSum = 0;
      for (const s of sal) salSum = salSum + s;
      return { name: a.name, cap: a.capability, sal, salSum };
    });
    this.na = this.actors.length;
    this.acc =
      sc.accommodation?.map((r) => r.slice()) ??
      Array.from({ length: this.na }, (_, i) =>
        Array.from({ length: this.na }, (_, j) => (i === j ? 1 : 0)),
      );
    this.identAcc = this.acc.every((r, i) => r.every((x, j) => x === (i === j ? 1 : 0)));
    this.rng = new KtabPrng(seed);
    this.w = this.actors.map((a) => a.cap);
  }

  equiv(s: { pos: Vec[] }, i: number, j: number): boolean {
    return norm(sub(s.pos[i], s.pos[j])) < POS_TOL;
  }

  uniqueIndices(s: { pos: Vec[] }): number[] {
    const uns: number[] = [];
    for (let i = 0; i < this.na; i++) {
      let found = false;
      for (let j = 0; !found && j < uns.length; j++) if (this.equiv(s, i, uns[j])) found = true;
      if (!found) uns.push(i);
    }
    return uns;
  }

  /** `SMPState::setAllAUtil`. */
  setup(pos: Vec[], ideals: Vec[]): SmpState {
    const na = this.na;
    const vDiff = zeros(na, na);
    for (let i = 0; i < na; i++)
      for (let j = 0; j < na; j++) vDiff[i][j] = bvDiff(sub(ideals[i], pos[j]), this.actors[i].sal);
    const rn = vDiff.map((r) => r.map((d) => bsUtil(d, 0)));
    const c = coalitions(
      (k, i, j) => vote(this.p.VotingRule, this.w[k], rn[k][i], rn[k][j]),
      na,
      na,
    );
    const { p } = probCE2(this.p.PCEModel, this.p.VictoryProbModel, c);
    const nra = bigRfromProb(p, this.p.BigRRange);
    const aUtil: Mat[] = [];
    for (let h = 0; h < na; h++) {
      const u = zeros(na, na);
      for (let i = 0; i < na; i++) {
        const rhi = estNRA(nra[h], nra[i], this.p.BigRAdjust);
        for (let j = 0; j < na; j++) u[i][j] = bsUtil(vDiff[i][j], rhi);
      }
      aUtil.push(u);
    }
    const s = { pos, ideals, nra, aUtil, uIndices: [] as number[] };
    s.uIndices = this.uniqueIndices(s);
    return s;
  }

  /** `SMPState::probEduChlg`: h's estimate of P[i beats j] and of the expected gain to k of i challenging j. */
  probEduChlg(s: SmpState, h: number, k: number, i: number, j: number): [number, number] {
    const vr = this.p.VotingRule;
    const U = s.aUtil[h];
    const uii = U[i][i];
    const uij = U[i][j];
    const uji = U[j][i];
    const ujj = U[j][j];
    const euSQ = U[k][i] + U[k][j];
    const uhkij = U[k][i] + U[k][i];
    const uhkji = U[k][j] + U[k][j];
    const ai = this.actors[i];
    const aj = this.actors[j];
    const si = ai.salSum;
    const sj = aj.salSum;
    let ci_ = vote(vr, si * ai.cap, uii, uij);
    let cj_ = vote(vr, sj * aj.cap, uji, ujj);
    let chij = 1e-10;
    let chji = 1e-10;
    if (ci_ > 0) chij = chij + ci_;
    if (ci_ < 0) chji = chji - ci_;
    if (cj_ > 0) chij = chij + cj_;
    if (cj_ < 0) chji = chji - cj_;
    ci_ = chij;
    cj_ = chji;
    for (let n = 0; n < this.na; n++) {
      if (n === i || n === j) continue;
      const an = this.actors[n];
      const wn = an.salSum * an.cap;
      const uni = U[n][i];
      const unj = U[n][j];
      const unn = U[n][n];
      const pin = vProbLittle(vr, wn, uni, unj, ci_, cj_);
      const vnij = thirdPartyVoteSU(wn, vr, this.p.ThirdPartyCommit, pin, 1 - pin, uni, unj, unn);
      chij = vnij > 0 ? chij + vnij : chij;
      chji = vnij < 0 ? chji - vnij : chji;
    }
    const phij = chij / (chij + chji);
    const phji = chji / (chij + chji);
    const euVict = uhkij;
    const euCntst = phij * uhkij + phji * uhkji;
    const euChlg = (1 - sj) * euVict + sj * euCntst;
    return [phij, euChlg - euSQ];
  }

  interpolate(i: number, j: number, posI: Vec, posJ: Vec, prbI: number, prbJ: number): Bargain {
    const ai = this.actors[i];
    const aj = this.actors[j];
    const bI: Vec = [];
    const bJ: Vec = [];
    for (let k = 0; k < posI.length; k++) {
      const tik = posI[k];
      const tjk = posJ[k];
      const sik = ai.sal[k];
      const sjk = aj.sal[k];
      if (this.p.InterVecBrgn === "S2PMax") {
        const di = prbJ > prbI ? prbJ - prbI : 0;
        const dj = prbI > prbJ ? prbI - prbJ : 0;
        const sik2 = sik * sik;
        const sjk2 = sjk * sjk;
        const dik = (di * sjk2) / (di * sjk2 + 1e-6 + (1 - di) * sik2);
        const djk = (dj * sik2) / (dj * sik2 + 1e-6 + (1 - dj) * sjk2);
        bI.push(tik + dik * (tjk - tik));
        bJ.push(tjk + djk * (tik - tjk));
      } else {
        const n = this.p.InterVecBrgn === "S1P1" ? 1 : 2;
        const wik = sik ** n * prbI ** n;
        const wjk = sjk ** n * prbJ ** n;
        const minW = 1e-6;
        bI.push(round4(((wik + minW) * tik + wjk * tjk) / (wik + minW + wjk)));
        bJ.push(round4((wik * tik + (minW + wjk) * tjk) / (wik + minW + wjk)));
      }
    }
    return { init: i, rcvr: j, posInit: bI, posRcvr: bJ };
  }

  /**
   * Utility to actor a of position x, measured from a's ideal with its own risk attitude
   * (`SMPActor::posUtil`). KTAB's 2019 code measures from the current position; its 2017 reference
   * runs measure from the ideal (the two differ only with a non-identity accommodation matrix), and
   * the reference runs are what ANA reproduces.
   */
  posUtil(s: SmpState, a: number, x: Vec): number {
    return bsUtil(bvDiff(sub(s.ideals[a], x), this.actors[a].sal), s.nra[a]);
  }

  /** `SMPState::doBCN`: one bargain–challenge–negotiate turn. */
  step(s: SmpState, sched?: SmpTurnSchedule): { next: SmpState; detail: SmpTurnDetail } {
    const na = this.na;
    const brgns: Bargain[][] = Array.from({ length: na }, () => []);
    const detail: SmpTurnDetail = { challenges: [], adopted: {} };
    for (let i = 0; i < na; i++) {
      brgns[i].push({ init: i, rcvr: i, posInit: s.pos[i], posRcvr: s.pos[i] });
      let bestJ = -1;
      let pIJ = 0;
      let bestEU = -1;
      for (let j = 0; j < na; j++) {
        if (j === i) continue;
        const [pij, edu] = this.probEduChlg(s, i, i, i, j);
        if (1e-5 < edu && bestEU < edu) {
          bestJ = j;
          pIJ = pij;
          bestEU = edu;
        }
      }
      if (!(0 < bestEU) || bestJ < 0) continue;
      const j = bestJ;
      detail.challenges.push({
        init: this.actors[i].name,
        target: this.actors[j].name,
        prob: pIJ,
        gain: bestEU,
      });
      const bIIJ = this.interpolate(i, j, s.pos[i], s.pos[j], pIJ, 1 - pIJ);
      switch (this.p.BargnModel) {
        case "InitOnlyInterp":
          brgns[i].push(bIIJ);
          brgns[j].push(bIIJ);
          break;
        case "InitRcvrInterp":
        case "PWCompInterp": {
          // KTAB passes the second element (expected gain) of j's estimate as the probability here.
          const pjiJ = this.probEduChlg(s, j, i, i, j)[1];
          const bJIJ = this.interpolate(i, j, s.pos[i], s.pos[j], pjiJ, 1 - pjiJ);
          if (this.p.BargnModel === "InitRcvrInterp") {
            brgns[i].push(bIIJ, bJIJ);
            brgns[j].push(bIIJ, bJIJ);
          } else {
            // KTAB weights both perspectives by capability×salience, taking the capability of the
            // initiator in both weights (as its code does).
            const wi = this.actors[i].cap * this.actors[i].salSum;
            const wj = this.actors[i].cap * this.actors[j].salSum;
            const mix = (a: Vec, b: Vec) => a.map((x, k) => (wi * x + wj * b[k]) / (wi + wj));
            const bIJ = {
              init: i,
              rcvr: j,
              posInit: mix(bIIJ.posInit, bJIJ.posInit),
              posRcvr: mix(bIIJ.posRcvr, bJIJ.posRcvr),
            };
            brgns[i].push(bIJ);
            brgns[j].push(bIJ);
          }
          break;
        }
      }
    }
    const brgnUtil = (b: Bargain, nai: number): number => {
      let u = 0;
      if (b.init === b.rcvr) {
        for (let n = 0; n < na; n++) u = u + s.aUtil[nai][nai][n];
      } else {
        u = u + this.posUtil(s, nai, b.posInit);
        u = u + this.posUtil(s, nai, b.posRcvr);
        for (let n = 0; n < na; n++) if (b.init !== n && b.rcvr !== n) u = u + s.aUtil[nai][nai][n];
      }
      return u / na;
    };
    if (sched?.queues) {
      for (let k = 0; k < na; k++) {
        const want = sched.queues[k];
        const key = (b: Bargain) => `${b.init}:${b.rcvr}`;
        if (
          !want ||
          want.length !== brgns[k].length ||
          !want.every((w) => brgns[k].some((b) => key(b) === w))
        )
          throw new Error(
            `schedule: queue of actor ${k} is [${brgns[k].map(key).join(" ")}], schedule says [${(want ?? []).join(" ")}]`,
          );
        brgns[k] = want.map((w) => brgns[k].find((b) => key(b) === w) as Bargain);
      }
    }
    const newPos: Vec[] = new Array(na);
    const order = sched?.resolveOrder ?? Array.from({ length: na }, (_, k) => k);
    for (const k of order) {
      const q = brgns[k];
      const u = Array.from({ length: na }, (_, a) => q.map((b) => brgnUtil(b, a)));
      const { p } = scalarPCE(
        this.w,
        u,
        this.p.VotingRule,
        this.p.VictoryProbModel,
        this.p.PCEModel,
      );
      let m = 0;
      if (this.p.StateTransitions === "Stochastic") m = this.rng.probSel(p);
      else {
        let ma = -1;
        for (let x = 0; x < p.length; x++) {
          const a = Math.abs(p[x]);
          if (ma < a) {
            ma = a;
            m = x;
          }
        }
      }
      const b = q[m];
      if (b.init === b.rcvr) {
        newPos[k] = s.pos[k].slice();
        detail.adopted[this.actors[k].name] = "status quo";
      } else {
        newPos[k] = (b.init === k ? b.posInit : b.posRcvr).slice();
        detail.adopted[this.actors[k].name] =
          `${this.actors[b.init].name}:${this.actors[b.rcvr].name}`;
      }
    }
    // ideals move toward positions through the accommodation matrix (`SMPState::newIdeals`)
    const ideals: Vec[] = [];
    for (let i = 0; i < na; i++) {
      let si = 0;
      let ip = new Array<number>(newPos[i].length).fill(0);
      for (let j = 0; j < na; j++) {
        const aij = this.acc[i][j];
        si = si + aij;
        ip = ip.map((x, d) => x + aij * newPos[j][d]);
      }
      si = si > 1 ? 1 : si;
      const lag = 1 - si;
      ideals.push(ip.map((x, d) => x + lag * s.ideals[i][d]));
    }
    return { next: this.setup(newPos, ideals), detail };
  }

  /** KTAB's reported probability of each actor's position (`SMPState::pDist(-1)` + `posProb`). */
  positionProbs(s: SmpState): number[] {
    const na = this.na;
    const uU = Array.from({ length: na }, (_, i) => s.uIndices.map((j) => s.aUtil[i][i][j]));
    const { p } = scalarPCE(
      this.w,
      uU,
      this.p.VotingRule,
      this.p.VictoryProbModel,
      this.p.PCEModel,
    );
    return Array.from({ length: na }, (_, i) => {
      let k = -1;
      for (let j1 = 0; j1 < s.uIndices.length; j1++) if (this.equiv(s, i, s.uIndices[j1])) k = j1;
      return p[k];
    });
  }
}

function vProbLittle(
  vr: VotingRule,
  wn: number,
  uni: number,
  unj: number,
  ci: number,
  cj: number,
): number {
  const cn = vote(vr, wn, uni, unj);
  const cni = cn > 0 ? ci + cn : ci;
  const cnj = cn < 0 ? cj - cn : cj;
  return cni / (cni + cnj);
}

function thirdPartyVoteSU(
  wk: number,
  vr: VotingRule,
  comm: SmpParams["ThirdPartyCommit"],
  pik: number,
  pjk: number,
  uki: number,
  ukj: number,
  ukk: number,
): number {
  let uikj = 0;
  let ujik = 0;
  let uijk = 0;
  let ujki = 0;
  switch (comm) {
    case "FullCommit":
      uikj = uki + uki + uki;
      ujik = ukj + ukj + ukj;
      uijk = uki + uki + uki;
      ujki = ukj + ukj + ukj;
      break;
    case "SemiCommit":
      uikj = uki + uki + ukk;
      ujik = ukj + ukj + ukj;
      uijk = uki + uki + uki;
      ujki = ukj + ukj + ukk;
      break;
    case "NoCommit":
      uikj = uki + uki + ukk;
      ujik = ukj + ukj + ukk;
      uijk = uki + uki + ukk;
      ujki = ukj + ukj + ukk;
      break;
  }
  const u_ik_j = pik * uikj + pjk * ujik;
  const u_i_jk = pik * uijk + pjk * ujki;
  return vote(vr, wk, u_ik_j, u_i_jk);
}

function stateDist(a: Vec[], b: Vec[]): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = d + norm(sub(a[i], b[i]));
  return d;
}

/** Run KTAB's SMP on a scenario until KTAB's stopping rule fires. */
export function runSmp(sc: SmpScenario, opts: SmpOptions = {}): SmpRun {
  const params: SmpParams = { ...SMP_DEFAULTS, ...sc.params, ...opts.params };
  const seed = opts.seed ?? sc.seed ?? KTAB_DEFAULT_SEED;
  const m = new Smp(sc, params, seed);
  const pos0 = sc.actors.map((a) => a.position.map((x) => x / 100));
  const history: SmpState[] = [
    m.setup(
      pos0,
      pos0.map((p) => p.slice()),
    ),
  ];
  const details: SmpTurnDetail[] = [];
  const frac: (number | null)[] = [null];
  const maxIter = Math.min(opts.maxIter ?? SMP_STOP.maxIter, SMP_STOP.maxIter);
  let stopReason: SmpRun["stopReason"] = "maxIter";
  for (let iter = 1; ; iter++) {
    if (opts.deadline !== undefined && Date.now() > opts.deadline)
      throw new Error(`SMP run exceeded its time budget after ${iter - 1} turns`);
    const { next, detail } = m.step(history[history.length - 1], opts.schedule?.(iter - 1));
    history.push(next);
    details.push(detail);
    const d01 = stateDist(history[0].pos, history[1].pos) + SMP_STOP.minSigDelta;
    const dxy = stateDist(history[iter].pos, history[iter - 1].pos);
    const ratio = dxy / d01;
    frac.push(ratio);
    if (maxIter <= iter) break;
    if (SMP_STOP.minIter <= iter && ratio < SMP_STOP.minDeltaRatio) {
      stopReason = "converged";
      break;
    }
  }
  return {
    params,
    seed: seed.toString(),
    actors: sc.actors.map((a) => a.name),
    dimensions: sc.dimensions,
    positions: history.map((s) => s.pos.map((p) => p.map((x) => 100 * x))),
    probabilities: history.map((s) => m.positionProbs(s)),
    fractionalChange: frac,
    risk: history.map((s) => s.nra.slice()),
    details,
    stopReason,
  };
}
