import type { ApiResult } from "../../src/ops/api-types.ts";

export interface EventRec {
  id: string;
  date: string;
  actors: string[];
  initiator?: string;
  target: string[];
  title: string;
  domain: string;
  cameoRoot: string;
  cameoCode?: string;
  goldstein: number;
  level?: "neighbourhood" | "regional" | "systemic";
  source: string;
  sourceTitle?: string;
  notes?: string;
}

export interface Tie {
  a: string;
  b: string;
  domain: string;
  sign: 1 | -1;
  strength: number;
  from?: string;
  to?: string;
  source: string;
  notes?: string;
}

export interface Flow {
  year: number;
  domain: string;
  from: string;
  to: string;
  value: number;
  unit: string;
  period: string;
  source: string;
  notes?: string;
}

export interface Project {
  id: string;
  name: string;
  kind: string;
  route: string[];
  links: string[];
  capacity?: number;
  capacityUnit?: string;
  status: string;
  from?: string;
  to?: string;
  source: string;
  notes?: string;
}

export interface LevelRec {
  focal: string;
  partner: string;
  level: "neighbourhood" | "regional" | "systemic";
  from?: string;
  to?: string;
  basis: string;
  source: string;
}

export interface PoleMember {
  pole: string;
  name: string;
  actor: string;
  from?: string;
  to?: string;
  source: string;
}

export interface Membership {
  actor: string;
  organisation: string;
  status: string;
  from?: string;
  to?: string;
  source: string;
}

export interface ScenarioData {
  meta: { id: string; name: string; focal: string; from: string; to: string; description?: string };
  counts: Record<string, number>;
  levels: LevelRec[];
  poles: PoleMember[];
  rivalries: { a: string; b: string; from?: string; to?: string; source: string }[];
  ties: Tie[];
  flows: Flow[];
  projects: Project[];
  memberships: Membership[];
}

export const LEVELS = ["neighbourhood", "regional", "systemic"] as const;
export const LEVEL_COLOURS: Record<string, string> = {
  neighbourhood: "#1b9e77",
  regional: "#d95f02",
  systemic: "#7570b3",
};

// ---------------------------------------------------------------------------------------------
// API answers the dashboard reads. Where the registry on main already declares the shape the
// dashboard needs (dependence, alignment), the type is derived from it (`ApiResult`, type-only: no
// server code reaches the browser). The others are hand-copied from the team sheet (TEAM.md,
// interfaces 2, 7, 8) until those fields land on main, and kept in this one file; every field the
// server may not send yet is optional, and a missing field is read as "not measured", never as 0.
// test/e2e/api-types.ts checks at compile time that the registry's answers fit them.

/** A measured value's status (interface 1). */
export type DataStatus = "data" | "partial" | "no data";

/** A closed interval [lo, hi]. */
export type Interval = [number, number];

/** One scorecard input (interface 2). */
export interface ScorecardInputJson {
  key: string;
  status?: DataStatus;
  value: number | null;
  interval?: Interval | null;
  weight?: number;
  raw?: unknown;
  source?: string;
  note?: string;
  n?: number;
  /** Corridor leverage: the value rests on an analyst's assumption (note names it). */
  assumptionDriven?: boolean;
}

/** One scorecard cell: pillar × level × year (interface 2). */
export interface ScorecardCellJson {
  year: number;
  level: string;
  pillar: string;
  status?: DataStatus;
  score: number | null;
  interval?: Interval | null;
  coverage?: number | string | null;
  inputs?: ScorecardInputJson[];
}

/** A level's overall score in a year (interface 2). */
export interface ScorecardOverallJson {
  year: number;
  level: string;
  status?: DataStatus;
  score: number | null;
  interval?: Interval | null;
  coverage?: number | string | null;
}

/** One row of a like-for-like comparison between two periods (interface 7). */
export interface ComparisonRowJson {
  level: string;
  pillar: string;
  status?: "data" | "not testable";
  before?: number | null;
  after?: number | null;
  delta?: number | null;
  interval?: Interval | null;
  /** The server's reading of the row, when it gives one. */
  answer?: string;
  used?: string[];
  dropped?: { key: string; reason: string }[];
}

export interface ComparisonJson {
  before: { from: number | string; to: number | string };
  after: { from: number | string; to: number | string };
  rows: ComparisonRowJson[];
}

export interface ScorecardJson {
  focal: string;
  from: number;
  to: number;
  scenario?: string | null;
  pillars?: readonly string[];
  levels?: readonly string[];
  formula?: Record<string, string>;
  /** Share of a cell's input weight that must be measured for it to get a score. */
  minCoverage?: number;
  /** How the intervals were made. */
  intervals?: { method?: string; draws?: number; seed?: number; level?: number };
  cells: ScorecardCellJson[];
  overall?: ScorecardOverallJson[];
  comparison?: ComparisonJson;
}

/** The five verdicts a claim can get (interface 8): the claims engine's own list. */
export { VERDICTS, type Verdict } from "../../src/claims/verdict.ts";

/** One of the seed's claims, checked (interface 8). */
export interface ClaimJson {
  id: string;
  claim: string;
  measure: string;
  command?: string;
  finding: string;
  verdict: string;
  sources: string[];
  interval?: Interval | null;
  /** The rule in words, or as declared ({ kind, text, threshold… }). */
  rule?: string | ({ text?: string } & Record<string, unknown>);
  /** The periods as declared, e.g. { before: "2011-2019", after: ["2021", "2024"] }. */
  periods?: Record<string, string | string[]> | null;
  inputs?: { used?: string[]; dropped?: { key: string; reason: string }[] };
  /** The number the verdict rests on, and how its interval was made. */
  value?: number | null;
  intervalNote?: string;
  /** Share of thinning draws (equal events per year) that keep the verdict. */
  stability?: { share: number; draws: number; eventsPerYear?: number; years?: [number, number] };
  /** The verdict before the uncertainty checks, when they changed it. */
  pointVerdict?: string;
}

export interface ClaimsJson {
  scenario: string;
  focal?: string;
  claims: ClaimJson[];
}

/** A job as /api/jobs/:id gives it. */
export interface JobJson {
  id: string;
  status: string;
  progress: number;
  message?: string;
  result?: unknown;
  error?: string;
}

/** One row of /api/dependence: derived from the registry (the server's declaration), not copied. */
export type DependenceRowJson = ApiResult<"dependence">["rows"][number];

/** One row of /api/alignment (TEAM interface 5): derived from the registry. */
export type AlignmentRowJson = ApiResult<"alignment">["rows"][number];

export interface ScenarioSourceJson {
  source: string;
  url: boolean;
  records: Record<string, number>;
  from: number | null;
  to: number | null;
}

export interface WhatIfRowJson {
  measure: string;
  key: string;
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface DoctrineSummaryJson {
  doctrine: string;
  payoff: Record<string, number>;
  cvar: number;
  autonomy: number[];
  coercion: { meanEvents: number; probAny: number };
  abandonment: { meanEvents: number; probAny: number };
}

export interface LevelJson {
  partner: string;
  level: string;
  basis?: string;
  source?: string;
  notes?: string;
}

export interface EdgeJson {
  source: string;
  target: string;
  sign: number;
  weight?: number;
  tieScore?: number;
  eventScore?: number;
}

export interface CorridorLinkJson {
  id: string;
  name: string;
  mode: string;
  network: string;
  status: string;
  capacity: number | string | null;
  capacityUnit?: string;
  geometry: number[][];
  source: string | null;
  assumption?: boolean;
}

/** One row of /api/corridors/leverage (with `draws`: intervals, flag, tornado): from the registry. */
export type LeverageRowJson = ApiResult<"corridorsLeverage">["rows"][number];

/** One tornado bar of a leverage row. */
export type TornadoBarJson = NonNullable<LeverageRowJson["tornado"]>[number];

/**
 * One route of /api/corridors/compare, from the registry; `flowTEUInterval` is read when a server
 * sends it (flows with intervals), otherwise the flow is shown alone.
 */
export type CorridorRouteJson = ApiResult<"corridorsCompare">["routes"][number] & {
  flowTEUInterval?: [number, number] | null;
};

export interface ScenarioInfo {
  id: string;
  name: string;
  focal: string;
  from: string;
  to: string;
}

export interface Actor {
  id: string;
  kind: "state" | "organisation" | "group";
  name: string;
  cow?: number;
  source: string;
}
