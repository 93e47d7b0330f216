import { concentration } from "../measure/concentration.ts";
import { type ComponentInput, type ComponentYear, emptyYear, r4, scoreState } from "./component.ts";
import { resampleCounts, subSeed } from "./draws.ts";
import { componentScore } from "./evenness.ts";

/**
 * Arms component (SIPRI TIV). Over the `armsWindow` years ending in the year, engagement with a
 * pole = the share of the state's arms imports (TIV, every supplier including non-state ones)
 * delivered by the pole's members; evenness across poles with Δ = 1. Only where
 * `ref_sipri_coverage` marks every year of the window complete for the recipient (the shipped
 * extract: Azerbaijan and its neighbours); elsewhere missing, never 0. A window without imports is
 * missing too (there is no split between poles to measure). The detail gives each pole's share,
 * the total and the supplier concentration (HHI, effective number of suppliers).
 * Interval: the window's years resampled with replacement, the same resample for every state.
 */
export async function armsComponent(input: ComponentInput): Promise<Map<number, ComponentYear>> {
  const { store, years, poleIds, poles, draws: D, seed, armsWindow: W } = input;
  const mode = input.evenness ?? "spread";
  const ys = [...years.keys()];
  const from = Math.min(...ys) - W + 1;
  const to = Math.max(...ys);
  const cov = await store.all<{ iso3: string; a: number; b: number }>(
    "SELECT recipient_iso3 AS iso3, from_year AS a, to_year AS b FROM ref_sipri_coverage WHERE complete AND recipient_iso3 IS NOT NULL",
  );
  const complete = (iso3: string, y: number) =>
    cov.some((c) => c.iso3 === iso3 && c.a <= y && y <= c.b);
  const rows = await store.all<{ r: string; s: string | null; year: number; tiv: number }>(
    `SELECT recipient_iso3 AS r, supplier_iso3 AS s, year, sum(tiv) AS tiv FROM ref_sipri
     WHERE year BETWEEN ? AND ? AND recipient_iso3 IS NOT NULL GROUP BY ALL`,
    [from, to],
  );
  const poleOf = new Map<string, number>();
  poleIds.forEach((p, k) => {
    for (const m of poles[p]) poleOf.set(m, k);
  });
  const K = poleIds.length;
  // recipient → year → { total, per pole, per supplier }
  const flows = new Map<string, { total: number; pole: Float64Array; by: Map<string, number> }>();
  for (const r of rows) {
    const key = `${r.r} ${r.year}`;
    let f = flows.get(key);
    if (!f) {
      f = { total: 0, pole: new Float64Array(K), by: new Map() };
      flows.set(key, f);
    }
    f.total += r.tiv;
    const k = r.s ? poleOf.get(r.s) : undefined;
    if (k !== undefined) f.pole[k] += r.tiv;
    const who = r.s ?? "(non-state)";
    f.by.set(who, (f.by.get(who) ?? 0) + r.tiv);
  }
  const recipients = new Set(cov.map((c) => c.iso3));
  const out = new Map<number, ComponentYear>();
  for (const [year, st] of years) {
    const S = st.iso3.length;
    const cy = emptyYear(S, D);
    cy.n = new Int32Array(S);
    out.set(year, cy);
    const C = D > 0 ? resampleCounts(W, D, subSeed(seed, "arms", year)) : null;
    for (let s = 0; s < S; s++) {
      const a = st.iso3[s];
      if (!recipients.has(a)) continue;
      const win = Array.from({ length: W }, (_, i) => year - W + 1 + i);
      if (!win.every((y) => complete(a, y))) continue;
      const per = win.map((y) => flows.get(`${a} ${y}`));
      let total = 0;
      const pole = new Float64Array(K);
      const by = new Map<string, number>();
      for (const f of per) {
        if (!f) continue;
        total += f.total;
        for (let k = 0; k < K; k++) pole[k] += f.pole[k];
        for (const [who, v] of f.by) by.set(who, (by.get(who) ?? 0) + v);
      }
      cy.n[s] = W;
      const conc = concentration(by);
      const shares: Record<string, number | null> = {};
      for (let k = 0; k < K; k++) shares[poleIds[k]] = total > 0 ? r4(pole[k] / total) : null;
      cy.detail[s] = {
        window: [win[0], year],
        tiv: r4(total),
        engagement: shares,
        hhi: conc.hhi === null ? null : r4(conc.hhi),
        effectiveSuppliers: conc.nEff === null ? null : r4(conc.nEff),
        topSupplier: conc.top,
      };
      if (!(total > 0)) continue;
      const x = new Float64Array(K);
      for (let k = 0; k < K; k++) x[k] = pole[k] / total;
      if (!scoreState(cy, s, x, mode)) continue;
      if (C && cy.draws) {
        for (let d = 0; d < D; d++) {
          let t = 0;
          x.fill(0);
          for (let i = 0; i < W; i++) {
            const c = C[d * W + i];
            const f = per[i];
            if (c === 0 || !f) continue;
            t += c * f.total;
            for (let k = 0; k < K; k++) x[k] += c * f.pole[k];
          }
          if (t > 0) {
            for (let k = 0; k < K; k++) x[k] /= t;
            cy.draws[s * D + d] = componentScore(x, mode);
          }
        }
      }
    }
  }
  return out;
}
