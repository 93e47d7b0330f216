import { type ComponentInput, type ComponentYear, emptyYear, r4, scoreState } from "./component.ts";

/**
 * IGO component (COW IGO v3, to 2014). Engagement with a pole = the mean over its members of the
 * number of IGOs the state shares with the member (full memberships, `dyadigos`) divided by the
 * state's own full memberships (`sum_igo_full`), capped at 1; with itself a state shares all.
 * Evenness across poles with Δ = 1. The detail gives the breadth (full, associate and observer
 * memberships). Missing where COW IGO has no state-year row (after 2014, or the state is not in
 * it) or the state holds no full membership. No sampling uncertainty.
 */
export async function igoComponent(input: ComponentInput): Promise<Map<number, ComponentYear>> {
  const { store, years, poleIds, poles } = input;
  const mode = input.evenness ?? "spread";
  const ys = [...years.keys()];
  const from = Math.min(...ys);
  const to = Math.max(...ys);
  const members = [...new Set(Object.values(poles).flat())];
  const sy = await store.all<{
    year: number;
    iso3: string;
    full: number;
    assoc: number;
    obs: number;
  }>(
    `SELECT year, iso3, max(sum_igo_full)::INTEGER AS full, max(sum_igo_associate)::INTEGER AS assoc,
       max(sum_igo_observer)::INTEGER AS obs
     FROM ref_igo_sy WHERE year BETWEEN ? AND ? AND iso3 IS NOT NULL GROUP BY ALL`,
    [from, to],
  );
  const breadth = new Map(sy.map((r) => [`${r.year} ${r.iso3}`, r]));
  const list = members.map(() => "?").join(", ");
  const shared = await store.all<{ year: number; a: string; b: string; n: number }>(
    `WITH m AS (SELECT DISTINCT year, ccode, iso3 FROM ref_igo_sy WHERE year BETWEEN ? AND ? AND iso3 IS NOT NULL)
     SELECT d.year, ma.iso3 AS a, mb.iso3 AS b, max(d.dyadigos)::INTEGER AS n
     FROM ref_igo_ndy d
     JOIN m ma ON ma.ccode = d.ccode1 AND ma.year = d.year
     JOIN m mb ON mb.ccode = d.ccode2 AND mb.year = d.year
     WHERE d.year BETWEEN ? AND ? AND (ma.iso3 IN (${list}) OR mb.iso3 IN (${list}))
     GROUP BY ALL`,
    [from, to, from, to, ...members, ...members],
  );
  const dy = new Map<string, number>();
  for (const r of shared) {
    dy.set(`${r.year} ${r.a} ${r.b}`, r.n);
    dy.set(`${r.year} ${r.b} ${r.a}`, r.n);
  }
  const K = poleIds.length;
  const out = new Map<number, ComponentYear>();
  for (const [year, st] of years) {
    const S = st.iso3.length;
    const cy = emptyYear(S, 0);
    cy.n = new Int32Array(S);
    out.set(year, cy);
    const poleMembers = poleIds.map((p) => poles[p].filter((m) => breadth.has(`${year} ${m}`)));
    if (poleMembers.some((m) => m.length === 0)) continue;
    const x = new Float64Array(K);
    for (let s = 0; s < S; s++) {
      const a = st.iso3[s];
      const b = breadth.get(`${year} ${a}`);
      if (!b) continue;
      cy.n[s] = b.full;
      cy.detail[s] = { breadth: { full: b.full, associate: b.assoc, observer: b.obs } };
      if (b.full <= 0) continue;
      const engagement: Record<string, number | null> = {};
      const sharedWith: Record<string, number> = {};
      for (let k = 0; k < K; k++) {
        let sum = 0;
        let tot = 0;
        for (const m of poleMembers[k]) {
          const n = m === a ? b.full : (dy.get(`${year} ${a} ${m}`) ?? 0);
          sum += Math.min(1, n / b.full);
          tot += n;
        }
        x[k] = sum / poleMembers[k].length;
        engagement[poleIds[k]] = r4(x[k]);
        sharedWith[poleIds[k]] = r4(tot / poleMembers[k].length) ?? 0;
      }
      cy.detail[s] = {
        breadth: { full: b.full, associate: b.assoc, observer: b.obs },
        engagement,
        shared: sharedWith,
      };
      scoreState(cy, s, x, mode);
    }
  }
  return out;
}
