import { ATOP_VALUED_SQL } from "../measure/alliance-similarity.ts";
import { type ComponentInput, type ComponentYear, emptyYear, r4, scoreState } from "./component.ts";

/**
 * Alliance component (ATOP 5.1). Engagement with a pole = the mean over its members (states of
 * the COW system that year) of the valued ATOP tie between the state and the member (the stronger
 * of the two directions' obligations) divided by 3 — 3
 * defence or offence pact, 2 neutrality or consultation, 1 non-aggression only, 0 none (the coding
 * of `ana alliances`); a state's tie with itself is 3. Evenness across poles with Δ = 1, so a
 * state allied with no pole is as even (1) as one allied equally with all. Years after ATOP's last
 * year, and states outside the COW system, are missing. No sampling uncertainty.
 */
export async function alliancesComponent(
  input: ComponentInput,
): Promise<Map<number, ComponentYear>> {
  const { store, years, poleIds, poles } = input;
  const mode = input.evenness ?? "spread";
  const ys = [...years.keys()];
  const from = Math.min(...ys);
  const to = Math.max(...ys);
  const members = [...new Set(Object.values(poles).flat())];
  const [cov] = await store.all<{ hi: number | null }>("SELECT max(year) AS hi FROM ref_atop");
  const last = cov?.hi ?? -Infinity;
  // ATOP is directed (state 1's obligations to state 2): an alliance with a pole member counts in
  // either direction (the United States' defence obligation to Japan makes them allies even where
  // Japan's own obligation is consultation only), so the tie is the stronger of the two.
  const list = members.map(() => "?").join(", ");
  const ties = await store.all<{ year: number; a: string; b: string; v: number }>(
    `SELECT year, a, b, max(v)::INTEGER AS v FROM (
       SELECT year, iso3_1 AS a, iso3_2 AS b, ${ATOP_VALUED_SQL} AS v FROM ref_atop
       WHERE year BETWEEN ? AND ? AND iso3_1 IS NOT NULL AND iso3_2 IN (${list})
       UNION ALL
       SELECT year, iso3_2 AS a, iso3_1 AS b, ${ATOP_VALUED_SQL} AS v FROM ref_atop
       WHERE year BETWEEN ? AND ? AND iso3_2 IS NOT NULL AND iso3_1 IN (${list})
     ) GROUP BY ALL`,
    [from, to, ...members, from, to, ...members],
  );
  const tie = new Map(ties.map((t) => [`${t.year} ${t.a} ${t.b}`, t.v]));
  const sys = await store.all<{ year: number; iso3: string }>(
    "SELECT DISTINCT year, iso3 FROM ref_state_years WHERE year BETWEEN ? AND ? AND iso3 IS NOT NULL",
    [from, to],
  );
  const inSystem = new Set(sys.map((r) => `${r.year} ${r.iso3}`));
  const K = poleIds.length;
  const out = new Map<number, ComponentYear>();
  for (const [year, st] of years) {
    const S = st.iso3.length;
    const cy = emptyYear(S, 0);
    out.set(year, cy);
    if (year > last) continue;
    const poleMembers = poleIds.map((p) => poles[p].filter((m) => inSystem.has(`${year} ${m}`)));
    if (poleMembers.some((m) => m.length === 0)) continue;
    const x = new Float64Array(K);
    for (let s = 0; s < S; s++) {
      const a = st.iso3[s];
      if (!inSystem.has(`${year} ${a}`)) continue;
      const engagement: Record<string, number | null> = {};
      const strongest: Record<string, number> = {};
      for (let k = 0; k < K; k++) {
        let sum = 0;
        let best = 0;
        for (const m of poleMembers[k]) {
          const v = m === a ? 3 : (tie.get(`${year} ${a} ${m}`) ?? 0);
          sum += v / 3;
          best = Math.max(best, v);
        }
        x[k] = sum / poleMembers[k].length;
        engagement[poleIds[k]] = r4(x[k]);
        strongest[poleIds[k]] = best;
      }
      cy.detail[s] = { engagement, strongestTie: strongest };
      scoreState(cy, s, x, mode);
    }
  }
  return out;
}
