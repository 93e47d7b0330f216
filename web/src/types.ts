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
 * One route of /api/corridors/compare, from the registry; `flowTEUInterval` (with `draws`) is
 * shown when the server sends it, otherwise the flow alone.
 */
export type CorridorRouteJson = ApiResult<"corridorsCompare">["routes"][number];

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

// The Atlas (issue 16; TEAM.md "Agreed interfaces"). Read through web/src/atlas-data.ts, which
// keeps a value only where its status is "data".
export interface AtlasComponentJson {
  value: number | null;
  interval: Interval | null;
  status: DataStatus;
  n?: number;
  detail?: Record<string, unknown>;
}

export interface AtlasRowJson {
  iso3: string;
  name: string;
  year: number;
  index: number | null;
  status: DataStatus;
  interval: Interval | null;
  /** 0..1: share of the index weight with data. */
  coverage: number;
  /** 1 = most multi-aligned among the rows of that year with an index. */
  rank: number | null;
  rankInterval: Interval | null;
  components: Record<string, AtlasComponentJson>;
}

export interface AtlasComponentInfoJson {
  key: string;
  label: string;
  source: string;
  /** Years the component's source covers (null: not in the panel). */
  coverage: { from: number; to: number } | null;
  weight?: number;
  /** How the component's interval is made. */
  interval?: string;
  note?: string;
}

export interface AtlasJson {
  from: number;
  to: number;
  poles: Record<string, string[]>;
  weights: Record<string, number>;
  formula: string;
  draws: number;
  seed: number;
  level: number;
  /** Least share of the index weight with data for an index. */
  minCoverage?: number;
  components: AtlasComponentInfoJson[];
  rows: AtlasRowJson[];
}

export interface PeerGroupJson {
  id: string;
  name: string;
  /** A group whose members change appears once per spell (first year; `years` the spell). */
  year?: number;
  years?: [number, number];
  members: string[];
  how: string;
  source: string;
}

export interface AtlasCompareRowJson {
  peerGroup: string;
  year: number;
  /** "index" or a component key. */
  measure: string;
  value: number | null;
  percentile: number | null;
  interval: Interval | null;
  /** Peers with a value. */
  n: number;
  /** Peers without a value. */
  missing?: number;
  /** The peers' median, for context. */
  peerMedian?: number | null;
}

export interface AtlasCompareJson {
  focal: string;
  from: number;
  to: number;
  peerGroups: PeerGroupJson[];
  rows: AtlasCompareRowJson[];
  /** How the percentile and its interval are made (the server's words). */
  method?: string;
  draws?: number;
  seed?: number;
  level?: number;
}
