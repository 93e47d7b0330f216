/**
 * Exact primal simplex (dense tableau, Bland's rule) for the small assignment LPs:
 *
 *   min c·x  s.t.  E x + u = d  (one row per destination, u ≥ 0 priced at `penalty`)
 *                  F x ≤ k     (one row per capacitated link), x ≥ 0,  d, k ≥ 0.
 *
 * The unserved variables u and the capacity slacks form a feasible starting basis, so no phase 1
 * is needed. Bland's rule (lowest-index entering and leaving variable) cannot cycle. Used for
 * the many tiny LPs of the Shapley enumeration, where starting HiGHS per model costs ~8 ms;
 * tests check it against HiGHS.
 */
export function simplexAssign(
  cost: number[],
  eqRows: number[][],
  demand: number[],
  capRows: number[][],
  caps: number[],
  penalty: number,
): { x: number[]; u: number[]; objective: number } {
  const n = cost.length;
  const me = eqRows.length;
  const mc = capRows.length;
  const m = me + mc;
  const cols = n + m; // x, then u (me), then slacks (mc)
  const T: number[][] = [];
  const rhs: number[] = [];
  for (let i = 0; i < me; i++) {
    const row = new Array(cols).fill(0);
    for (let j = 0; j < n; j++) row[j] = eqRows[i][j];
    row[n + i] = 1;
    T.push(row);
    rhs.push(demand[i]);
  }
  for (let i = 0; i < mc; i++) {
    const row = new Array(cols).fill(0);
    for (let j = 0; j < n; j++) row[j] = capRows[i][j];
    row[n + me + i] = 1;
    T.push(row);
    rhs.push(caps[i]);
  }
  const c = [...cost, ...new Array(me).fill(penalty), ...new Array(mc).fill(0)];
  const basis = Array.from({ length: m }, (_, i) => n + i);
  const scale = Math.max(1, ...c.map(Math.abs));
  const eps = 1e-11 * scale;
  for (let iter = 0; iter < 10_000; iter++) {
    // Reduced costs r_j = c_j - sum_i c_B(i) T[i][j].
    let enter = -1;
    for (let j = 0; j < cols; j++) {
      if (basis.includes(j)) continue;
      let r = c[j];
      for (let i = 0; i < m; i++) r -= c[basis[i]] * T[i][j];
      if (r < -eps) {
        enter = j;
        break;
      }
    }
    if (enter < 0) break;
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < m; i++) {
      if (T[i][enter] > 1e-12) {
        const ratio = rhs[i] / T[i][enter];
        if (ratio < best - 1e-12 || (Math.abs(ratio - best) <= 1e-12 && basis[i] < basis[leave])) {
          best = ratio;
          leave = i;
        }
      }
    }
    if (leave < 0) throw new Error("simplexAssign: unbounded (a route has a negative cost)");
    const pv = T[leave][enter];
    for (let j = 0; j < cols; j++) T[leave][j] /= pv;
    rhs[leave] /= pv;
    for (let i = 0; i < m; i++) {
      if (i === leave || T[i][enter] === 0) continue;
      const f = T[i][enter];
      for (let j = 0; j < cols; j++) T[i][j] -= f * T[leave][j];
      rhs[i] -= f * rhs[leave];
      if (Math.abs(rhs[i]) < 1e-12) rhs[i] = 0;
    }
    basis[leave] = enter;
    if (iter === 9_999) throw new Error("simplexAssign: no convergence");
  }
  const value = new Array(cols).fill(0);
  basis.forEach((b, i) => {
    value[b] = Math.max(0, rhs[i]);
  });
  const x = value.slice(0, n);
  const u = value.slice(n, n + me);
  let objective = 0;
  for (let j = 0; j < cols; j++) objective += c[j] * value[j];
  return { x, u, objective };
}
