import type { Flow } from "../model/flow.ts";
import { completeDeclaration, type Scenario } from "../model/scenario.ts";
import type { Store } from "../store/store.ts";
import { type Concentration, concentration } from "./concentration.ts";
import { hasRelation, PANEL_SOURCES, panelCoverage } from "./panel.ts";
import { byPole, polesOf } from "./poles.ts";
import type { DataStatus } from "./status.ts";

export const DEPENDENCE_DOMAINS = ["arms", "gas", "trade-export", "trade-import", "fdi"] as const;
export type DependenceDomain = (typeof DEPENDENCE_DOMAINS)[number];

/** Direction of each domain relative to the focal state. */
const OUTWARD: Record<DependenceDomain, boolean> = {
  arms: false,
  gas: true,
  "trade-export": true,
  "trade-import": false,
  fdi: false,
};

export interface DependenceQuery {
  focal: string;
  domain: DependenceDomain;
  from: number;
  to: number;
  by?: "partner" | "pole";
  /** One row for the whole from–to window instead of one per year. */
  window?: boolean;
}

export interface DependenceRow extends Omit<Concentration, "nPartners"> {
  /** Partners with a positive figure; null when only a national total is known. */
  nPartners: number | null;
  year?: number;
  from?: number;
  to?: number;
  unit: string | null;
  /**
   * "data" when partner figures cover the year; "partial" when named partners cover under 90% of
   * a reported total (shares of the total shown, no concentration); "total only" when only a
   * national total is known; "no data" otherwise.
   */
  coverage: "data" | "partial" | "total only" | "no data";
  /**
   * Whether the partner shares are a measurement (docs/measures/dependence.md): "data" only when
   * the year has the reporter's total (a WORLD row, named partners ≥ 90% of it) or a partner set
   * known to be complete (SIPRI within its coverage, or a `complete` declaration in scenario.yaml),
   * and no aggregate partner (a group such as EUROPE that is neither a state nor a pole);
   * "partial" when some figures exist; "no data" otherwise. Concentration measures are null
   * unless "data".
   */
  status: DataStatus;
  /** Why the status is not "data", or what made a set without a total complete. */
  statusNote?: string;
  /** Named partners' figures as reported (partial rows, where shares of the total are unknown). */
  partnerFigures?: Record<string, number>;
  /** Named partners' part of a reported total (partner WORLD), when one is reported. */
  allocatedShare?: number;
  /** Second figures for a partner already counted in the year (kept out of the sums). */
  alternativeFigures?: string[];
  /** Where the figures come from (dataset citation or the scenario rows' sources). */
  sources: string[];
  /** Set when some figures cover less than a calendar year. */
  period?: string;
  /** Window rows: years in the window with partner figures. */
  yearsWithData?: number;
}

interface YearData {
  values: Map<string, number>;
  unit: string;
  sharesOnly: boolean;
  sources: Set<string>;
  periods: Set<string>;
  totalOnly?: number;
  /** A reported national total (partner WORLD) for the year. */
  reportedTotal?: number;
  /** Alternative figures for a partner already counted (not added twice). */
  duplicates?: string[];
  /** Why the named partners may not be every partner (then coverage is "partial"). */
  incomplete?: string;
  /** Why the named partners are the full set without a reported total (SIPRI, a declaration). */
  complete?: string;
}

const isShareUnit = (u: string) => /%|percent|share/i.test(u);

/** Flow partners that are not partners: the reported total and the derived residual. */
export const TOTAL_PARTNER = "WORLD";
export const RESIDUAL_PARTNER = "OTHER";
/**
 * Below this share of a reported total covered by named partners, concentration is not computed
 * (coverage "partial"): a few named partners of a large unknown remainder would fake concentration.
 */
export const MIN_ALLOCATED_SHARE = 0.9;

/**
 * Scenario flows of the domain, by year, as partner → amount. Per year, full-year figures are
 * used when there are any; otherwise the figures of the most frequent sub-annual period. A second
 * figure for the same partner and period is an alternative, not an addition: the first is kept
 * and the other reported. WORLD is the reported total, OTHER the derived residual.
 */
function scenarioYears(
  flows: readonly Flow[],
  q: DependenceQuery,
  lines?: number[],
  meta?: Scenario["meta"],
): Map<number, YearData> {
  const outward = OUTWARD[q.domain];
  const byYear = new Map<number, { f: Flow; i: number; partner: string }[]>();
  flows.forEach((f, i) => {
    if (f.domain !== q.domain || f.year < q.from || f.year > q.to) return;
    const partner = outward
      ? f.from === q.focal
        ? f.to
        : undefined
      : f.to === q.focal
        ? f.from
        : undefined;
    if (!partner) return;
    const list = byYear.get(f.year) ?? [];
    list.push({ f, i, partner });
    byYear.set(f.year, list);
  });
  const out = new Map<number, YearData>();
  for (const [year, list] of byYear) {
    const period = (f: Flow) => f.period || "full year";
    let chosen = list.filter((x) => period(x.f) === "full year");
    if (chosen.length === 0) {
      const counts = new Map<string, number>();
      for (const x of list) counts.set(period(x.f), (counts.get(period(x.f)) ?? 0) + 1);
      const best = [...counts].sort((a, b) => b[1] - a[1])[0][0];
      chosen = list.filter((x) => period(x.f) === best);
    }
    const first = chosen[0].f;
    const y: YearData = {
      values: new Map(),
      unit: first.unit,
      sharesOnly: isShareUnit(first.unit),
      sources: new Set(),
      periods: new Set(),
    };
    const decl = meta ? completeDeclaration(meta, q.domain, year) : undefined;
    if (decl) y.complete = `declared complete in scenario.yaml: ${decl.note} (${decl.source})`;
    for (const { f, i, partner } of chosen) {
      const where = `flows.csv${lines?.[i] ? `:${lines[i]}` : ""}`;
      if (f.unit !== y.unit)
        throw new Error(
          `${where}: unit: ${q.domain} flows of ${q.focal} in ${f.year} mix "${y.unit}" and "${f.unit}"; use one unit per domain and year`,
        );
      y.sources.add(f.source);
      if (period(f) !== "full year") y.periods.add(period(f));
      if (partner === TOTAL_PARTNER) {
        if (y.reportedTotal === undefined) y.reportedTotal = f.value;
        continue;
      }
      if (partner === RESIDUAL_PARTNER) continue;
      if (y.values.has(partner)) {
        y.duplicates = [...(y.duplicates ?? []), `${partner} ${f.value} (${where})`];
        continue;
      }
      y.values.set(partner, f.value);
    }
    out.set(year, y);
  }
  return out;
}

/** SIPRI TIV deliveries to the focal state by supplier and year (panel coverage years only). */
async function sipriYears(
  store: Store,
  q: DependenceQuery,
): Promise<{ years: Map<number, YearData>; covered: [number, number] | undefined }> {
  const years = new Map<number, YearData>();
  if (!(await hasRelation(store, "ref_sipri"))) return { years, covered: undefined };
  const cov = await panelCoverage(store, "ref_sipri");
  const rows = await store.all<{ year: number; supplier: string; tiv: number }>(
    `SELECT year, coalesce(supplier_iso3, 'unknown') AS supplier, sum(tiv) AS tiv
     FROM ref_sipri WHERE recipient_iso3 = ? AND year BETWEEN ? AND ? GROUP BY ALL`,
    [q.focal, q.from, q.to],
  );
  const covered: [number, number] | undefined = cov ? [cov.from, cov.to] : undefined;
  // The panel's SIPRI extract says which recipient-years it covers (ref_sipri_coverage); without
  // that table, the whole table's years (a full register).
  const spans: { from: number; to: number; complete: boolean; note: string }[] = [];
  if (await hasRelation(store, "ref_sipri_coverage"))
    spans.push(
      ...(await store.all<{ from: number; to: number; complete: boolean; note: string }>(
        `SELECT from_year AS "from", to_year AS "to", complete, note FROM ref_sipri_coverage WHERE recipient_iso3 = ?`,
        [q.focal],
      )),
    );
  else if (covered) spans.push({ from: covered[0], to: covered[1], complete: true, note: "" });
  for (const sp of spans)
    for (let y = Math.max(q.from, sp.from); y <= Math.min(q.to, sp.to); y++) {
      // Within a complete span a year without deliveries is a true zero (SIPRI lists every transfer);
      // a year covered by a complete span stays complete when an incomplete one overlaps it.
      if (years.has(y) && !years.get(y)?.incomplete) continue;
      years.set(y, {
        values: new Map(),
        unit: "TIV million",
        sharesOnly: false,
        sources: new Set([PANEL_SOURCES.ref_sipri]),
        periods: new Set(),
        ...(sp.complete
          ? { complete: "SIPRI lists every transfer within its coverage" }
          : { incomplete: sp.note }),
      });
    }
  for (const r of rows) years.get(r.year)?.values.set(r.supplier, r.tiv);
  return { years, covered };
}

/** National trade totals (COW, to 2014) for years with no partner breakdown. */
async function tradeTotals(store: Store, q: DependenceQuery): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!(await hasRelation(store, "ref_trade_sy"))) return out;
  const col = q.domain === "trade-export" ? "exports" : "imports";
  const rows = await store.all<{ year: number; v: number | null }>(
    `SELECT year, ${col} AS v FROM ref_trade_sy WHERE iso3 = ? AND year BETWEEN ? AND ?`,
    [q.focal, q.from, q.to],
  );
  for (const r of rows) if (r.v !== null && r.v !== undefined && r.v >= 0) out.set(r.year, r.v);
  return out;
}

/**
 * Dependence of the focal state in one domain: concentration of its partners (or poles) per
 * year or over a window. Arms: SIPRI TIV from the panel within its coverage, the scenario's arms
 * flows for later years. Gas, trade and FDI: the scenario's flows; trade years without partner
 * figures fall back to COW national totals (to 2014) with no concentration. Years without data
 * are rows with coverage "no data" and null measures, never zeros.
 */
export async function dependence(
  q: DependenceQuery,
  input: { store?: Store; scenario?: Scenario; flowLines?: number[] },
): Promise<DependenceRow[]> {
  if (!DEPENDENCE_DOMAINS.includes(q.domain))
    throw new Error(`dependence: domain must be one of ${DEPENDENCE_DOMAINS.join(", ")}`);
  const data = new Map<number, YearData>();
  const scen = input.scenario
    ? scenarioYears(input.scenario.flows, q, input.flowLines, input.scenario.meta)
    : new Map();
  // Aggregate partners (groups such as EUROPE that are neither states nor poles): their share
  // belongs to no partner, so the partners' shares are unknown.
  const poleIds = new Set(input.scenario?.poles.map((p) => p.pole) ?? []);
  const aggregates = new Set(
    (input.scenario?.actors ?? [])
      .filter((a) => a.kind !== "state" && !poleIds.has(a.id))
      .map((a) => a.id),
  );
  if (q.domain === "arms" && input.store) {
    const { years } = await sipriYears(input.store, q);
    for (const [y, d] of years) data.set(y, d);
    for (const [y, d] of scen) if (!years.has(y) || years.get(y)?.incomplete) data.set(y, d);
  } else for (const [y, d] of scen) data.set(y, d);
  if ((q.domain === "trade-export" || q.domain === "trade-import") && input.store) {
    for (const [y, v] of await tradeTotals(input.store, q))
      if (!data.has(y))
        data.set(y, {
          values: new Map(),
          unit: "USD million (current)",
          sharesOnly: false,
          sources: new Set([PANEL_SOURCES.ref_trade_sy]),
          periods: new Set(),
          totalOnly: v,
        });
  }
  const regroup = (year: number, values: Map<string, number>) =>
    q.by === "pole" && input.scenario ? byPole(values, polesOf(input.scenario, year)) : values;

  const row = (
    d: YearData | undefined,
    values: Map<string, number>,
  ): Omit<DependenceRow, "year" | "from" | "to"> => {
    if (!d)
      return {
        ...concentration({}),
        total: null,
        unit: null,
        coverage: "no data",
        status: "no data",
        sources: [],
      };
    if (d.totalOnly !== undefined)
      return {
        ...concentration({}),
        total: d.totalOnly,
        nPartners: null,
        unit: d.unit,
        coverage: "total only",
        status: "partial",
        statusNote: "a national total without partners",
        sources: [...d.sources],
      };
    if (d.incomplete) {
      // Named partners only (e.g. SIPRI's 2024 table of 44 suppliers): shares of what is named,
      // no concentration, no total.
      const named = [...values.values()].reduce((a, b) => a + b, 0);
      return {
        ...concentration({}),
        total: null,
        nPartners: values.size,
        shares:
          named > 0
            ? Object.fromEntries(
                [...values].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / named]),
              )
            : {},
        coverage: "partial",
        status: "partial",
        statusNote: d.incomplete,
        unit: d.unit,
        sources: [...d.sources, d.incomplete].sort(),
      };
    }
    const c = concentration(values, { sharesOnly: d.sharesOnly });
    const extra = {
      unit: d.sharesOnly ? "share" : d.unit,
      sources: [...d.sources].sort(),
      ...(d.periods.size > 0 ? { period: [...d.periods].join("; ") } : {}),
      ...(d.duplicates ? { alternativeFigures: d.duplicates } : {}),
    };
    const aggr = [...d.values.keys()].filter((k) => aggregates.has(k));
    const figures = Object.fromEntries([...values].sort((a, b) => b[1] - a[1]));
    // Partial without a usable total: shares of an unknown total are not shown.
    const partialRow = (statusNote: string, total: number | null, allocatedShare?: number) => ({
      ...concentration({}),
      total,
      nPartners: [...values.values()].filter((v) => v > 0).length,
      ...(total !== null && total > 0
        ? { shares: Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v / total])) }
        : {}),
      ...(allocatedShare !== undefined ? { allocatedShare } : {}),
      partnerFigures: figures,
      coverage: "partial" as const,
      status: "partial" as const,
      statusNote,
      ...extra,
    });
    const aggrNote = `aggregate partner${aggr.length > 1 ? "s" : ""} ${aggr.join(", ")} (neither a state nor a pole): the partners' shares are unknown`;
    if (d.reportedTotal !== undefined && d.reportedTotal > 0) {
      const total = d.reportedTotal;
      const named = [...d.values.values()].reduce((a, b) => a + b, 0);
      const allocatedShare = named / total;
      if (allocatedShare < MIN_ALLOCATED_SHARE)
        return partialRow(
          `named partners cover ${(100 * allocatedShare).toFixed(1)}% of the reported total (under ${100 * MIN_ALLOCATED_SHARE}%)`,
          total,
          allocatedShare,
        );
      if (aggr.length > 0) return partialRow(aggrNote, total, allocatedShare);
      return { ...c, total, allocatedShare, coverage: "data", status: "data", ...extra };
    }
    if (!d.complete)
      return partialRow(
        "no reporter total (WORLD row) and no `complete` declaration in scenario.yaml: the named partners may be a fraction of the year's flows",
        null,
      );
    if (aggr.length > 0) return partialRow(aggrNote, null);
    return { ...c, coverage: "data", status: "data", statusNote: d.complete, ...extra };
  };

  if (q.window) {
    const years = [...data.entries()].filter(
      ([, d]) => d.totalOnly === undefined && row(d, d.values).coverage === "data",
    );
    if (years.length === 0) return [{ from: q.from, to: q.to, ...row(undefined, new Map()) }];
    const units = new Set(years.map(([, d]) => (d.sharesOnly ? "share" : d.unit)));
    const sharesOnly = units.has("share");
    const sum = new Map<string, number>();
    for (const [y, d] of years) {
      const vals = regroup(y, d.values);
      // Shares of unknown totals cannot be added up: each year counts equally (mean shares).
      const tot = [...vals.values()].reduce((a, b) => a + b, 0);
      for (const [k, v] of vals)
        sum.set(k, (sum.get(k) ?? 0) + (sharesOnly ? (tot > 0 ? v / tot : 0) : v));
    }
    if (units.size > 1 && !sharesOnly)
      throw new Error(
        `dependence: ${q.domain} figures of ${q.focal} use several units (${[...units].join(", ")}); choose a window with one unit`,
      );
    const merged: YearData = {
      values: sum,
      unit: sharesOnly ? "share" : [...units][0],
      sharesOnly,
      sources: new Set(years.flatMap(([, d]) => [...d.sources])),
      periods: new Set(years.flatMap(([, d]) => [...d.periods])),
      complete: "every year of the window has complete partner data",
    };
    const r = row(merged, sum);
    return [{ from: q.from, to: q.to, ...r, yearsWithData: years.length }];
  }
  const rows: DependenceRow[] = [];
  for (let y = q.from; y <= q.to; y++) {
    const d = data.get(y);
    rows.push({ year: y, ...row(d, d ? regroup(y, d.values) : new Map()) });
  }
  return rows;
}
