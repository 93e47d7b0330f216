/**
 * A small mixed-integer linear programme (minimisation), kept in plain arrays so that it can be
 * posted to the HiGHS worker and written as CPLEX-LP text for other solvers (the benchmark
 * feeds the same model to GLPK).
 */
export interface MipModel {
  colNames: string[];
  colCost: number[];
  colLower: number[];
  colUpper: number[];
  /** 1 = integer, 0 = continuous. */
  integrality: number[];
  /** Rows in CSR form: row r has entries rowStart[r]..rowStart[r+1]. */
  rowLower: number[];
  rowUpper: number[];
  rowStart: number[];
  rowIndex: number[];
  rowValue: number[];
}

export function emptyModel(): MipModel {
  return {
    colNames: [],
    colCost: [],
    colLower: [],
    colUpper: [],
    integrality: [],
    rowLower: [],
    rowUpper: [],
    rowStart: [0],
    rowIndex: [],
    rowValue: [],
  };
}

export function addColumn(
  m: MipModel,
  name: string,
  cost: number,
  lo: number,
  hi: number,
  integer: boolean,
): number {
  m.colNames.push(name);
  m.colCost.push(cost);
  m.colLower.push(lo);
  m.colUpper.push(hi);
  m.integrality.push(integer ? 1 : 0);
  return m.colNames.length - 1;
}

export function addRow(m: MipModel, lo: number, hi: number, idx: number[], val: number[]): void {
  m.rowLower.push(lo);
  m.rowUpper.push(hi);
  for (const i of idx) m.rowIndex.push(i);
  for (const v of val) m.rowValue.push(v);
  m.rowStart.push(m.rowIndex.length);
}

const term = (v: number, name: string, first: boolean) => {
  const sign = v < 0 ? "-" : first ? "" : "+";
  const a = Math.abs(v);
  return `${sign} ${a === 1 ? "" : `${a} `}${name}`.trim();
};

/** The model as CPLEX-LP text (read by HiGHS, GLPK `glpsol --lp`, CPLEX, Gurobi, CBC). */
export function toCplexLp(m: MipModel): string {
  const out: string[] = ["\\ written by ANA src/network/mip-model.ts", "Minimize"];
  const obj = m.colCost.map((c, j) => [c, j] as const).filter(([c]) => c !== 0);
  const objLine: string[] = [];
  obj.forEach(([c, j], k) => {
    objLine.push(term(c, m.colNames[j], k === 0));
  });
  out.push(` obj: ${objLine.join(" ") || "0 " + m.colNames[0]}`);
  out.push("Subject To");
  for (let r = 0; r < m.rowLower.length; r++) {
    const parts: string[] = [];
    for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++)
      parts.push(term(m.rowValue[k], m.colNames[m.rowIndex[k]], k === m.rowStart[r]));
    const lhs = parts.join(" ");
    const lo = m.rowLower[r];
    const hi = m.rowUpper[r];
    if (lo === hi) out.push(` c${r}: ${lhs} = ${lo}`);
    else {
      if (Number.isFinite(lo)) out.push(` c${r}: ${lhs} >= ${lo}`);
      if (Number.isFinite(hi)) out.push(` c${r}u: ${lhs} <= ${hi}`);
    }
  }
  out.push("Bounds");
  m.colNames.forEach((name, j) => {
    const lo = m.colLower[j];
    const hi = m.colUpper[j];
    if (lo === hi) out.push(` ${name} = ${lo}`);
    else
      out.push(
        ` ${Number.isFinite(lo) ? lo : "-inf"} <= ${name} <= ${Number.isFinite(hi) ? hi : "+inf"}`,
      );
  });
  const ints = m.colNames.filter((_, j) => m.integrality[j] === 1);
  if (ints.length) {
    out.push("General");
    for (let k = 0; k < ints.length; k += 10) out.push(` ${ints.slice(k, k + 10).join(" ")}`);
  }
  out.push("End", "");
  return out.join("\n");
}
