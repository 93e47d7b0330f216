import type { Store } from "../store/store.ts";
import { requirePanel } from "./panel.ts";
import { type Similarity, similarityFromTable } from "./similarity.ts";

/**
 * ATOP valued tie (Chiba et al. 2022, as in fpsim): 3 defence and/or offence; 2 neutrality
 * and/or consultation; 1 non-aggression only; 0 none.
 */
export const ATOP_VALUED_SQL =
  "CASE WHEN defense = 1 OR offense = 1 THEN 3 WHEN neutral = 1 OR consul = 1 THEN 2 WHEN nonagg = 1 THEN 1 ELSE 0 END";

export interface AllianceSimilarityRow extends Omit<Similarity, "agreement" | "alignmentIndex"> {
  year: number;
  a: string;
  b: string;
}

/**
 * Alliance-portfolio similarity per dyad-year: each state's portfolio is its valued ATOP tie
 * (3/2/1/0) with every state in the COW system that year, itself at 3; S (absolute and
 * squared, Δ = 3), κ and π (Häge 2011) over the system's states (n = system size).
 * Years outside ATOP's coverage (to 2018) are absent.
 */
export async function allianceSimilarity(
  store: Store,
  q: { focal: string; partners: string[]; from: number; to: number },
): Promise<AllianceSimilarityRow[]> {
  await requirePanel(store, "ref_atop");
  await requirePanel(store, "ref_state_years");
  const codes = [q.focal, ...q.partners];
  const [cov] = await store.all<{ hi: number }>("SELECT max(year) AS hi FROM ref_atop");
  const to = Math.min(q.to, cov?.hi ?? q.to);
  const system = await store.all<{ year: number; ccode: number }>(
    "SELECT DISTINCT year, ccode FROM ref_state_years WHERE year BETWEEN ? AND ?",
    [q.from, to],
  );
  const ids = await store.all<{ iso3: string; ccode: number; year: number }>(
    `SELECT DISTINCT iso3, ccode, year FROM ref_state_years WHERE year BETWEEN ? AND ? AND iso3 IN (${codes.map(() => "?").join(", ")})`,
    [q.from, to, ...codes],
  );
  const ties = await store.all<{ year: number; c1: number; c2: number; v: number }>(
    `SELECT year, ccode1 AS c1, ccode2 AS c2, max(${ATOP_VALUED_SQL}) AS v FROM ref_atop
     WHERE year BETWEEN ? AND ? AND ccode1 IN (SELECT DISTINCT ccode FROM ref_state_years WHERE iso3 IN (${codes.map(() => "?").join(", ")}))
     GROUP BY ALL`,
    [q.from, to, ...codes],
  );
  const tie = new Map(ties.map((t) => [`${t.year} ${t.c1} ${t.c2}`, t.v]));
  const out: AllianceSimilarityRow[] = [];
  for (let y = q.from; y <= to; y++) {
    const members = system.filter((s) => s.year === y).map((s) => s.ccode);
    const cc = (iso: string) => ids.find((r) => r.iso3 === iso && r.year === y)?.ccode;
    const fa = cc(q.focal);
    if (fa === undefined) continue;
    for (const p of q.partners) {
      const fb = cc(p);
      if (fb === undefined) continue;
      const t = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
      for (const k of members) {
        const x = k === fa ? 3 : (tie.get(`${y} ${fa} ${k}`) ?? 0);
        const z = k === fb ? 3 : (tie.get(`${y} ${fb} ${k}`) ?? 0);
        t[x][z]++;
      }
      const m = similarityFromTable(t, [0, 1, 2, 3]);
      if (!m) continue;
      out.push({
        year: y,
        a: q.focal,
        b: p,
        n: m.n,
        sAbs: m.sAbs,
        sSq: m.sSq,
        kappa: m.kappa,
        pi: m.pi,
      });
    }
  }
  return out;
}
