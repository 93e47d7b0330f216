/** KTAB's inference of risk attitudes from outcome probabilities (`Model::bigRfromProb`, `Model::estNRA`). */
import type { BigRAdjust, BigRRange } from "./ktab-params.ts";

/**
 * Risk attitude R_i of each actor from the probability p_i of its position: actors with probable
 * positions become risk-averse. If every probability is equal KTAB divides 0 by 0; ANA then returns
 * risk neutrality (R = 0) for all.
 */
export function bigRfromProb(p: number[], rr: BigRRange): number[] {
  let pMin = 1;
  let pMax = 0;
  for (const pi of p) {
    pMin = pi < pMin ? pi : pMin;
    pMax = pi > pMax ? pi : pMax;
  }
  if (pMax - pMin === 0) return p.map(() => 0);
  switch (rr) {
    case "Min":
      return p.map((x) => (x - pMin) / (pMax - pMin));
    case "Mid":
      return p.map((x) => (3 * x - (pMax + 2 * pMin)) / (2 * (pMax - pMin)));
    case "Max":
      return p.map((x) => (2 * x - (pMax + pMin)) / (pMax - pMin));
  }
}

/** h's estimate of i's risk attitude. */
export function estNRA(rh: number, ri: number, ra: BigRAdjust): number {
  switch (ra) {
    case "Full":
      return ri;
    case "TwoThirds":
      return (rh + 2 * ri) / 3;
    case "Half":
      return (rh + ri) / 2;
    case "OneThird":
      return (2 * rh + ri) / 3;
    case "None":
      return rh;
  }
}
