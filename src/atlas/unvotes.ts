import {
  type ComponentInput,
  type ComponentYear,
  DATA,
  emptyYear,
  NO_DATA,
  PARTIAL,
  r4,
} from "./component.ts";
import { resampleCounts, subSeed } from "./draws.ts";
import { evenness } from "./evenness.ts";

/**
 * UN-vote component. Engagement with a pole = Lijphart's agreement (`ana alignment`'s
 * `agreement`: 1 for the same vote, ½ when one abstains, 0 for yes against no, over the roll calls
 * both cast yes/abstain/no in the calendar year), averaged over the pole's members that share at
 * least `minRollCalls` roll calls with the state. A pole without such a member makes the
 * component missing ("partial" when other poles were measured). Evenness across poles with Δ = 1.
 *
 * Interval: the year's roll calls are resampled with replacement `draws` times — the same
 * resample for every state (paired), so every state's draw d is computed on the same roll calls —
 * and agreement and evenness recomputed per draw.
 */
export async function unvotesComponent(input: ComponentInput): Promise<Map<number, ComponentYear>> {
  const { store, years, poleIds, poles, draws: D, seed, minRollCalls } = input;
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
    const dis = new Float64Array(Math.max(D, 1));
    const x = new Float64Array(K);
    const xd = new Float64Array(K * Math.max(D, 1));
    const cnt = new Float64Array(K * Math.max(D, 1));
    for (let s = 0; s < S; s++) {
      let measured = 0;
      let minN = Number.POSITIVE_INFINITY;
      const engagement: Record<string, number | null> = {};
      const joint: Record<string, number> = {};
      xd.fill(0);
      cnt.fill(0);
      const so = s * R;
      for (let k = 0; k < K; k++) {
        let sum = 0;
        let used = 0;
        let nBest = 0;
        for (const m of members[k]) {
          let n = 0;
          let agree = 0;
          const mo = m * R;
          for (let r = 0; r < R; r++) {
            const a = V[so + r];
            const b = V[mo + r];
            if (a === 0 || b === 0) continue;
            agree += a === b ? 1 : Math.abs(a - b) === 1 ? 0.5 : 0;
            n++;
          }
          nBest = Math.max(nBest, n);
          if (n < minRollCalls) continue;
          sum += agree / n;
          used++;
          minN = Math.min(minN, n);
          if (WT) {
            // Per draw: den = Σ_{joint r} w_dr = R − Σ_{not joint} w_dr (a resample has R roll
            // calls), num = den − Σ_{yes vs no} w_dr − ½·Σ_{one abstains} w_dr. Summing over the
            // complements (few roll calls for most pairs) is exact: the weights are integers.
            miss.fill(0);
            dis.fill(0);
            for (let r = 0; r < R; r++) {
              const a = V[so + r];
              const b = V[mo + r];
              if (a === b && a !== 0) continue;
              const o = r * D;
              if (a === 0 || b === 0) for (let d = 0; d < D; d++) miss[d] += WT[o + d];
              else if (a + b === 4) for (let d = 0; d < D; d++) dis[d] += WT[o + d];
              else for (let d = 0; d < D; d++) dis[d] += 0.5 * WT[o + d];
            }
            const ko = k * D;
            for (let d = 0; d < D; d++) {
              const den = R - miss[d];
              if (den > 0) {
                xd[ko + d] += (den - dis[d]) / den;
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
        } else {
          x[k] = Number.NaN;
          engagement[poleIds[k]] = null;
        }
      }
      cy.n[s] = Number.isFinite(minN) ? minN : 0;
      cy.detail[s] = { engagement, jointRollCalls: joint };
      if (measured < K) {
        cy.status[s] = measured > 0 ? PARTIAL : NO_DATA;
        continue;
      }
      cy.status[s] = DATA;
      cy.value[s] = evenness(x, 1);
      if (WT && cy.draws) {
        const xs = new Float64Array(K);
        for (let d = 0; d < D; d++) {
          for (let k = 0; k < K; k++)
            xs[k] = cnt[k * D + d] > 0 ? xd[k * D + d] / cnt[k * D + d] : Number.NaN;
          cy.draws[s * D + d] = evenness(xs, 1);
        }
      }
    }
  }
  return out;
}
