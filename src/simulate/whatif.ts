/** `ana whatif`: apply hypothetical changes and report every registered measure before and after. */
import type { Scenario } from "../model/scenario.ts";
import { type AppliedChange, applyChanges, parseChanges } from "./whatif-apply.ts";
import { whatIfMeasures } from "./whatif-measures.ts";

export interface WhatIfRow {
  measure: string;
  key: string;
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface WhatIfResult {
  focal: string;
  scenario: string;
  applied: AppliedChange[];
  measures: WhatIfRow[];
  /** Only the measures that changed. */
  changed: WhatIfRow[];
  included: { id: string; description: string; status: string }[];
  notIncluded: string[];
}

export function whatIf(
  s: Scenario,
  focal: string,
  changesText: string,
  file = "changes.yaml",
): WhatIfResult {
  const changes = parseChanges(changesText, file);
  const { scenario: after, applied } = applyChanges(s, changes, file);
  const rows: WhatIfRow[] = [];
  for (const m of whatIfMeasures()) {
    const b = m.compute(s, focal);
    const a = m.compute(after, focal);
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    for (const k of keys) {
      const before = b[k] ?? null;
      const aft = a[k] ?? null;
      rows.push({
        measure: m.id,
        key: k,
        before,
        after: aft,
        delta: before !== null && aft !== null ? aft - before : null,
      });
    }
  }
  return {
    focal,
    scenario: s.meta.id,
    applied,
    measures: rows,
    changed: rows.filter((r) => r.before !== r.after),
    included: whatIfMeasures().map((m) => ({
      id: m.id,
      description: m.description,
      status: m.status,
    })),
    notIncluded: [
      "measures computed from the reference panel or the store (alignment, ideal points, alliance similarity, dependence against the panel, signed-network balance and brokerage): they read the shipped panel, not the scenario, so a scenario change does not move them; register scenario-based ones with registerWhatIfMeasure",
    ],
  };
}
