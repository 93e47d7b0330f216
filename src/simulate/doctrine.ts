/**
 * Doctrine simulator: compares bandwagoning, balancing, passive and active non-alignment for a
 * small state among rival great-power poles, under rivalry and shocks (an ANA proposal composing
 * published terms; equations in docs/models.md):
 *
 *   U_t = Σ_g B_g(1+γ·Pivot_t) a_g^θ + β·Pivot_t + α·Sec_t + (1−α)·Aut_t
 *         − λ_E·Entrap_t − λ_A·Abandon_t − Σ_g a_g L_g 1[shock_g] − events − doctrine costs
 *   Pivot = rent·ρ_t·(1 − HHI(a))·(1+investment)   (Niou & Ordeshook 1991; RIS 2024 high-value hedgers)
 *   Sec   = Σ_g a_g cap_g / Σ cap / (1 + threat_t)  (Morrow 1991),  threat_t = ρ_t Σ_g threat_g
 *   Aut   = 1 − HHI(a)                             (Morrow 1991)
 *   Entrap = ρ_t max_g a_g²,  Abandon = Σ_g a_g q_g (1 − a_g)   (Snyder 1984)
 *
 * Events: coercion by pole g with probability coercionRate·ρ_t·(share given to g's rivals)·(1 −
 * pivotProtection·Pivot); abandonment by g with probability defectRate_g·(1 − a_g) when a_g > 0.05.
 * The environment (rivalry path, partner shocks) is drawn once per run and shared by the four
 * doctrines (common random numbers); events are drawn from a per-(run, doctrine) stream.
 */
import { DOCTRINES, type Doctrine, type DoctrineParams } from "./doctrine-params.ts";
import { subSeed, Xoshiro128 } from "./xoshiro.ts";

export interface RunOutcome {
  /** Cumulative payoff per doctrine. */
  payoff: number[];
  /** Autonomy (1 − HHI) per doctrine and year. */
  autonomy: number[][];
  /** Shares per doctrine and year: poles then multilateral. */
  shares: number[][][];
  coercion: number[];
  abandonment: number[];
  switches: number[];
}

export function hhi(a: number[]): number {
  let s = 0;
  for (const x of a) s += x * x;
  return s;
}

/** Mix a share vector with the uniform one just enough to meet HHI ≤ cap. */
export function capConcentration(a: number[], cap: number): number[] {
  const n = a.length;
  const h = hhi(a);
  if (h <= cap + 1e-12 || cap < 1 / n) return a;
  // For Σa = 1: HHI((1−λ)a + λ/n) = (1−λ)²(HHI(a) − 1/n) + 1/n, so the smallest λ meeting the cap is
  // λ = 1 − sqrt((cap − 1/n) / (HHI(a) − 1/n)).
  const lambda = 1 - Math.sqrt((cap - 1 / n) / (h - 1 / n));
  return a.map((x) => (1 - lambda) * x + lambda / n);
}

function normalise(a: number[]): number[] {
  const s = a.reduce((p, q) => p + q, 0);
  return s > 0 ? a.map((x) => x / s) : a.map(() => 1 / a.length);
}

/** Which pole bandwagoning joins and which balancing leans on. */
export function patrons(p: DoctrineParams): { bandwagon: number; balance: number; threat: number } {
  const P = p.poles;
  const score = (g: number) => P[g].capability * (0.5 + P[g].engagement);
  let band = 0;
  for (let g = 1; g < P.length; g++) if (score(g) > score(band)) band = g;
  let threat = 0;
  for (let g = 1; g < P.length; g++) if (P[g].threat > P[threat].threat) threat = g;
  const rivalsOfThreat = p.rivals.flatMap(([a, b]) =>
    a === threat ? [b] : b === threat ? [a] : [],
  );
  const cands = rivalsOfThreat.length
    ? rivalsOfThreat
    : P.map((_, g) => g).filter((g) => g !== threat);
  let bal = cands[0];
  for (const g of cands) if (P[g].capability > P[bal].capability) bal = g;
  return { bandwagon: band, balance: bal, threat };
}

/** Simulate one run (all four doctrines) for `years` years. */
export function simulateRun(
  p: DoctrineParams,
  years: number,
  seed: number,
  run: number,
): RunOutcome {
  const G = p.poles.length;
  const env = new Xoshiro128(subSeed(seed, 2 * run));
  // environment path: rivalry and shocks
  const rho: number[] = [];
  const shock: number[][] = [];
  let r = p.rivalry0;
  for (let t = 0; t < years; t++) {
    rho.push(r);
    shock.push(
      p.poles.map((pg) =>
        env.next() < pg.shockRate ? pg.shockSize * Math.exp(0.5 * env.normal() - 0.125) : 0,
      ),
    );
    const jump = env.next() < p.rivalryJumpRate ? p.rivalryJump : 0;
    r = Math.min(1, Math.max(0, r + p.rivalrySigma * env.normal() + jump));
  }
  const capSum = p.poles.reduce((s, pg) => s + pg.capability, 0);
  const threatSum = p.poles.reduce((s, pg) => s + pg.threat, 0);
  const pat = patrons(p);
  const rivalsOf = p.poles.map((_, g) =>
    p.rivals.flatMap(([a, b]) => (a === g ? [b] : b === g ? [a] : [])),
  );
  const out: RunOutcome = {
    payoff: [],
    autonomy: [],
    shares: [],
    coercion: [],
    abandonment: [],
    switches: [],
  };
  DOCTRINES.forEach((doc: Doctrine, di) => {
    const ev = new Xoshiro128(subSeed(seed, 2 * run + 1) ^ Math.imul(di + 1, 0x27d4eb2d));
    const mem = new Array<number>(G).fill(0);
    let cum = 0;
    let coercion = 0;
    let abandonment = 0;
    let switches = 0;
    let lastTop = -1;
    const autPath: number[] = [];
    const sharePath: number[][] = [];
    for (let t = 0; t < years; t++) {
      // 1. alignment vector over poles + multilateral (sums to 1)
      let a: number[];
      let benefitFactor = 1;
      let pivotFactor = 1;
      let cost = 0;
      if (doc === "bandwagoning" || doc === "balancing") {
        const patron = doc === "bandwagoning" ? pat.bandwagon : pat.balance;
        const rest = (1 - p.concentration) / G;
        a = [...p.poles.map((_, g) => (g === patron ? p.concentration + rest : rest)), 0];
        if (doc === "balancing") cost = p.balancingCost;
      } else if (doc === "passive-non-alignment") {
        const m = p.multilateralPassive;
        a = [...p.poles.map(() => (1 - m) / G), m];
        benefitFactor = p.passiveBenefit;
        pivotFactor = p.passivePivot;
      } else {
        // active non-alignment: engagement prior × benefit, cut for recently shocked partners,
        // capped in concentration, plus a multilateral share and corridor investment
        const target = normalise(
          p.poles.map(
            (pg, g) => (pg.benefit + 1e-9) * (0.25 + pg.engagement) * (1 - Math.min(0.9, mem[g])),
          ),
        );
        const capped = capConcentration(target, p.hhiCap);
        const m = p.multilateralActive;
        a = [...capped.map((x) => x * (1 - m)), m];
        pivotFactor = 1 + p.corridorInvestment;
        cost = p.corridorCost;
      }
      const aG = a.slice(0, G);
      const aut = 1 - hhi(a);
      const pivot = p.corridorRent * rho[t] * aut * pivotFactor;
      let benefits = 0;
      for (let g = 0; g < G; g++)
        benefits += p.poles[g].benefit * (1 + p.accommodation * pivot) * aG[g] ** p.theta;
      benefits *= benefitFactor;
      const threat = rho[t] * threatSum;
      const sec = aG.reduce((s, x, g) => s + x * p.poles[g].capability, 0) / capSum / (1 + threat);
      let amax = 0;
      for (const x of aG) amax = x > amax ? x : amax;
      const entrap = rho[t] * amax * amax;
      const abandonRisk = aG.reduce((s, x, g) => s + x * p.poles[g].defectRate * (1 - x), 0);
      let loss = 0;
      for (let g = 0; g < G; g++) loss += aG[g] * shock[t][g];
      // 2. great-power responses: coercion and abandonment events
      let events = 0;
      for (let g = 0; g < G; g++) {
        const pressure = rivalsOf[g].reduce((s, h) => s + aG[h], 0);
        const pc = Math.min(
          1,
          p.coercionRate * rho[t] * pressure * (1 - p.pivotProtection * Math.min(1, pivot)),
        );
        if (ev.next() < pc) {
          coercion++;
          events += (p.coercionLoss * p.poles[g].capability) / capSum;
        }
        const pa = aG[g] > 0.05 ? p.poles[g].defectRate * (1 - aG[g]) : 0;
        if (ev.next() < pa) {
          abandonment++;
          events += p.abandonmentLoss * aG[g] * p.poles[g].benefit;
        }
      }
      const u =
        benefits +
        p.beta * pivot +
        p.alpha * sec +
        (1 - p.alpha) * aut -
        p.lambdaE * entrap -
        p.lambdaA * abandonRisk -
        loss -
        events -
        cost;
      cum += u;
      // 3. bookkeeping: ANA's shock memory, switches of the top partner
      for (let g = 0; g < G; g++) mem[g] = p.shockMemory * mem[g] + (shock[t][g] > 0 ? 1 : 0);
      let top = 0;
      for (let g = 1; g < G; g++) if (aG[g] > aG[top] + 1e-12) top = g;
      if (lastTop >= 0 && top !== lastTop) switches++;
      lastTop = top;
      autPath.push(aut);
      sharePath.push(a);
    }
    out.payoff.push(cum);
    out.autonomy.push(autPath);
    out.shares.push(sharePath);
    out.coercion.push(coercion);
    out.abandonment.push(abandonment);
    out.switches.push(switches);
  });
  return out;
}

/** Simulate runs [from, to). */
export function simulateRange(
  p: DoctrineParams,
  years: number,
  seed: number,
  from: number,
  to: number,
): RunOutcome[] {
  const out: RunOutcome[] = [];
  for (let k = from; k < to; k++) out.push(simulateRun(p, years, seed, k));
  return out;
}
