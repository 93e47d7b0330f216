import {
  type ComponentInput,
  type ComponentYear,
  emptyYear,
  NO_DATA,
  PARTIAL,
  r4,
  scoreState,
} from "./component.ts";
import { resampleCounts, subSeed } from "./draws.ts";
import { componentScore } from "./evenness.ts";

/** The UN-vote measures the component can use for engagement (`alignment.ts` definitions). */
export type VoteMeasure = "alignmentIndex" | "agreement";

/** Lijphart's agreement from the 3×3 counts: (same vote + ½·one abstains) / n. */
function lijphart(c: ArrayLike<number>): number {
  const n = c[0] + c[1] + c[2] + c[3] + c[4] + c[5] + c[6] + c[7] + c[8];
  return (c[0] + c[4] + c[8] + 0.5 * (c[1] + c[3] + c[5] + c[7])) / n;
}

/**
 * Engagement from the 3×3 counts: Lijphart's agreement, or the Benati–Capurri alignment index
 * (the disagreement expected from the two states' own vote shares minus the observed
 * disagreement, in vote steps; `measuresFromCounts` in src/measure/alignment.ts) floored at 0:
 * agreement beyond what two states voting independently with those shares would reach; voting
 * against a pole more than chance counts as no engagement.
 */
export function engagementOf(c: ArrayLike<number>, measure: VoteMeasure): number {
  if (measure === "agreement") return lijphart(c);
  const n = c[0] + c[1] + c[2] + c[3] + c[4] + c[5] + c[6] + c[7] + c[8];
  const r1 = c[0] + c[1] + c[2];
  const r2 = c[3] + c[4] + c[5];
  const r3 = c[6] + c[7] + c[8];
  const q1 = c[0] + c[3] + c[6];
  const q2 = c[1] + c[4] + c[7];
  const q3 = c[2] + c[5] + c[8];
  const sad = c[1] + c[3] + c[5] + c[7] + 2 * (c[2] + c[6]);
  const ai = (r1 * (q2 + 2 * q3) + r2 * (q1 + q3) + r3 * (2 * q1 + q2)) / (n * n) - sad / n;
  return Math.min(1, Math.max(0, ai));
}

/**
 * UN-vote component. Engagement with a pole member, over the roll calls both cast yes/abstain/no
 * in the calendar year: the alignment index floored at 0 (`engagementOf`; default) or Lijphart's
 * agreement (`ana alignment`'s `agreement`: 1 same vote, ½ one abstains, 0 yes against no); a
 * state's engagement with itself is 1. Averaged over the pole's members that share at least
 * `minRollCalls` roll calls with the state. A pole without such a member makes the
 * component missing ("partial" when other poles were measured). Evenness across poles with Δ = 1.
 *
 * Interval: the year's roll calls are resampled with replacement `draws` times — the same
 * resample for every state (paired), so every state's draw d is computed on the same roll calls —
 * and engagement and evenness recomputed per draw. The detail gives the engagement, Lijphart's
 * agreement and the joint roll calls per pole.
 */
export async function unvotesComponent(input: ComponentInput): Promise<Map<number, ComponentYear>> {
  const { store, years, poleIds, poles, draws: D, seed, minRollCalls } = input;
  const measure = input.voteMeasure ?? "alignmentIndex";
  const mode = input.evenness ?? "spread";
  const ys = [...years.keys()];
  const from = Math.min(...ys);
  const to = Math.max(...ys);
  const rows = await store.all<{ year: number; iso3: string; ks: number[]; vs: number[] }>(
    `WITH rc AS (
       SELECT rcid, year, (row_number() OVER (PARTITION BY year ORDER BY rcid) - 1)::INTEGER AS k
       FROM (SELECT DISTINCT rcid, year::INTEGER AS year FROM ref_unvotes WHERE year BETWEEN $from AND $to)
     )
     SELECT v.year::INTEGER AS year, v.iso3, list(rc.k ORDER BY rc.k) AS ks, list(v.vote::INTEGER ORDER BY rc.k) AS vs
     FROM ref_unvotes v JOIN rc ON rc.rcid = v.rcid AND rc.year = v.year
     WHERE v.vote BETWEEN 1 AND 3 AND v.iso3 IS NOT NULL AND v.year BETWEEN $from AND $to
     GROUP BY ALL`,
    { from, to },
  );
  const rcs = await store.all<{ year: number; n: number }>(
    "SELECT year::INTEGER AS year, count(DISTINCT rcid)::INTEGER AS n FROM ref_unvotes WHERE year BETWEEN $from AND $to GROUP BY ALL",
    { from, to },
  );
  const nRc = new Map(rcs.map((r) => [r.year, r.n]));
  const byYear = new Map<number, typeof rows>();
  for (const r of rows) {
    const l = byYear.get(r.year);
    if (l) l.push(r);
    else byYear.set(r.year, [r]);
  }
  const K = poleIds.length;
  const out = new Map<number, ComponentYear>();
  for (const [year, st] of years) {
    const S = st.iso3.length;
    const cy = emptyYear(S, D);
    cy.n = new Int32Array(S);
    out.set(year, cy);
    const R = nRc.get(year) ?? 0;
    const list = byYear.get(year) ?? [];
    if (R === 0 || list.length === 0) continue;
    // Votes: state-major S × R, 0 = no yes/abstain/no recorded.
    const V = new Int8Array(S * R);
    for (const r of list) {
      const i = st.index.get(r.iso3);
      if (i === undefined) continue;
      for (let j = 0; j < r.ks.length; j++) V[i * R + r.ks[j]] = r.vs[j];
    }
    const members = poleIds.map((p) =>
      poles[p].map((m) => st.index.get(m)).filter((i): i is number => i !== undefined),
    );
    const W = D > 0 ? resampleCounts(R, D, subSeed(seed, "unvotes", year)) : null;
    // Transposed to roll-call-major R × D, as doubles.
    const WT = W ? new Float64Array(R * D) : null;
    if (W && WT)
      for (let d = 0; d < D; d++) for (let r = 0; r < R; r++) WT[r * D + d] = W[d * R + r];
    const miss = new Float64Array(Math.max(D, 1));
    const dc = new Float64Array(9 * Math.max(D, 1));
    const dcell = new Float64Array(9);
    const cells = new Float64Array(9);
    const x = new Float64Array(K);
    const agreeSum = new Float64Array(K);
    const xd = new Float64Array(K * Math.max(D, 1));
    const cnt = new Float64Array(K * Math.max(D, 1));
    for (let s = 0; s < S; s++) {
      let measured = 0;
      let minN = Number.POSITIVE_INFINITY;
      const engagement: Record<string, number | null> = {};
      const agreement: Record<string, number | null> = {};
      const joint: Record<string, number> = {};
      agreeSum.fill(0);
      xd.fill(0);
      cnt.fill(0);
      const so = s * R;
      for (let k = 0; k < K; k++) {
        let sum = 0;
        let used = 0;
        let nBest = 0;
        for (const m of members[k]) {
          // The 3×3 counts over the joint roll calls (cell 3·(x−1) + (y−1); x the state's vote).
          cells.fill(0);
          const mo = m * R;
          for (let r = 0; r < R; r++) {
            const a = V[so + r];
            const b = V[mo + r];
            if (a === 0 || b === 0) continue;
            cells[3 * (a - 1) + (b - 1)]++;
          }
          const n = cells.reduce((t, v) => t + v, 0);
          agreeSum[k] += n >= minRollCalls ? lijphart(cells) : 0;
          nBest = Math.max(nBest, n);
          if (n < minRollCalls) continue;
          sum += m === s ? 1 : engagementOf(cells, measure);
          used++;
          minN = Math.min(minN, n);
          if (WT) {
            const ko = k * D;
            if (m === s) {
              // A state's engagement with itself is full in every draw.
              for (let d = 0; d < D; d++) {
                xd[ko + d] += 1;
                cnt[ko + d]++;
              }
              continue;
            }
            // Per draw, the weighted counts of every cell but "both yes" over the joint roll
            // calls, and the weight of the roll calls that are not joint; "both yes" is the rest
            // of the R resampled roll calls. Summing over these (few for most pairs) is exact:
            // the weights are integers.
            dc.fill(0);
            miss.fill(0);
            for (let r = 0; r < R; r++) {
              const a = V[so + r];
              const b = V[mo + r];
              if (a === 1 && b === 1) continue;
              const o = r * D;
              if (a === 0 || b === 0) {
                for (let d = 0; d < D; d++) miss[d] += WT[o + d];
                continue;
              }
              const co = (3 * (a - 1) + (b - 1)) * D;
              for (let d = 0; d < D; d++) dc[co + d] += WT[o + d];
            }
            for (let d = 0; d < D; d++) {
              let rest = R - miss[d];
              for (let c = 1; c < 9; c++) {
                dcell[c] = dc[c * D + d];
                rest -= dcell[c];
              }
              dcell[0] = rest;
              if (R - miss[d] > 0) {
                xd[ko + d] += engagementOf(dcell, measure);
                cnt[ko + d]++;
              }
            }
          }
        }
        joint[poleIds[k]] = nBest;
        if (used > 0) {
          x[k] = sum / used;
          measured++;
          engagement[poleIds[k]] = r4(x[k]);
          agreement[poleIds[k]] = r4(agreeSum[k] / used);
        } else {
          x[k] = Number.NaN;
          engagement[poleIds[k]] = null;
          agreement[poleIds[k]] = null;
        }
      }
      cy.n[s] = Number.isFinite(minN) ? minN : 0;
      cy.detail[s] =
        measure === "agreement"
          ? { engagement, jointRollCalls: joint }
          : { engagement, agreement, jointRollCalls: joint };
      if (measured < K) {
        cy.status[s] = measured > 0 ? PARTIAL : NO_DATA;
        continue;
      }
      if (!scoreState(cy, s, x, mode)) continue;
      if (WT && cy.draws) {
        const xs = new Float64Array(K);
        for (let d = 0; d < D; d++) {
          for (let k = 0; k < K; k++)
            xs[k] = cnt[k * D + d] > 0 ? xd[k * D + d] / cnt[k * D + d] : Number.NaN;
          cy.draws[s * D + d] = componentScore(xs, mode);
        }
      }
    }
  }
  return out;
}
