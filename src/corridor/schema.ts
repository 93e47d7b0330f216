import { z } from "zod";
import type { ColumnSpec } from "../data/read-table.ts";

/** "true"/"false" cells (also yes/no, 1/0). */
const flag = z
  .string()
  .regex(/^(true|false|yes|no|1|0)$/i, 'write "true" or "false"')
  .transform((s) => /^(true|yes|1)$/i.test(s));

const code = z.string().regex(/^[A-Z][A-Z0-9_-]{1,15}$/, "an upper-case code such as AZE or SUEZ");
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$/, "letters, digits, - and _ only");
const year = z.number().int().min(1900).max(2100);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");

/** Provenance shared by every row: a source, or an explicit assumption with its reasoning. */
const provenance = {
  source: z.string().optional(),
  assumption: flag,
  reasoning: z.string().optional(),
};

function sourced<T extends { source?: string; assumption: boolean; reasoning?: string }>(
  s: z.ZodType<T>,
) {
  return s.superRefine((v, ctx) => {
    if (!v.source && !v.assumption)
      ctx.addIssue({
        code: "custom",
        path: ["source"],
        message: "every figure needs a source, or assumption=true with its reasoning",
      });
    if (v.assumption && !v.reasoning)
      ctx.addIssue({
        code: "custom",
        path: ["reasoning"],
        message: "an assumption needs its reasoning: say why the figure is what it is",
      });
  });
}

export const NODE_KINDS = ["city", "port", "border", "hub", "chokepoint", "terminal"] as const;
export const MODES = [
  "rail",
  "caspian_ferry",
  "black_sea_ferry",
  "sea",
  "road",
  "pipeline",
] as const;
export const STATUSES = ["operating", "planned", "suspended", "closed"] as const;

export const NodeRow = sourced(
  z.object({
    id,
    name: z.string(),
    kind: z.enum(NODE_KINDS),
    iso3: code.optional(),
    lon: z.number().min(-180).max(360),
    lat: z.number().min(-90).max(90),
    ...provenance,
  }),
);
export type NodeRow = z.infer<typeof NodeRow>;

/** Capacity cell: a number, "unbounded" (an explicit assumption) or empty (unknown). */
export const Capacity = z.union([
  z.literal("unbounded"),
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'a number, "unbounded", or empty when unknown')
    .transform(Number),
]);

export const LinkRow = sourced(
  z.object({
    id,
    name: z.string(),
    from: id,
    to: id,
    mode: z.enum(MODES),
    network: z.enum(["transport", "gas"]),
    countries: z.array(code).default([]),
    passages: z.array(code).default([]),
    operator: code.optional(),
    status: z.enum(STATUSES),
    opened: isoDate.optional(),
    yearFrom: year.optional(),
    yearTo: year.optional(),
    timeMinDays: z.number().nonnegative().optional(),
    timeMaxDays: z.number().nonnegative().optional(),
    timeDefinition: z.string().optional(),
    costUsd: z.number().nonnegative().optional(),
    costUnit: z.enum(["USD/FEU", "USD/TEU", "USD/bcm"]).optional(),
    capacity: Capacity.optional(),
    capacityUnit: z.enum(["TEU/yr", "FEU/yr", "Mt/yr", "bcm/yr"]),
    ...provenance,
  }),
).superRefine((v, ctx) => {
  if ((v.timeMinDays === undefined) !== (v.timeMaxDays === undefined))
    ctx.addIssue({
      code: "custom",
      path: ["timeMaxDays"],
      message: "give both time_min_days and time_max_days, or neither",
    });
  if (v.timeMinDays !== undefined && v.timeMaxDays !== undefined && v.timeMinDays > v.timeMaxDays)
    ctx.addIssue({ code: "custom", path: ["timeMaxDays"], message: "max is below min" });
  if (v.timeMinDays !== undefined && !v.timeDefinition)
    ctx.addIssue({
      code: "custom",
      path: ["timeDefinition"],
      message: "say what the time measures (terminal-to-terminal, door-to-door, …)",
    });
  if (v.costUsd !== undefined && !v.costUnit)
    ctx.addIssue({ code: "custom", path: ["costUnit"], message: "a cost needs its unit" });
  if (v.yearFrom !== undefined && v.yearTo !== undefined && v.yearFrom > v.yearTo)
    ctx.addIssue({ code: "custom", path: ["yearTo"], message: "year_to is before year_from" });
});
export type LinkRow = z.infer<typeof LinkRow>;

export const RouteRow = z.object({
  id,
  name: z.string(),
  corridor: z.string(),
  network: z.enum(["transport", "gas"]),
  origin: code,
  destination: code,
  links: z.array(id).min(1),
  terminal: z.array(code).default([]),
  source: z.string().optional(),
  reasoning: z.string().optional(),
});
export type RouteRow = z.infer<typeof RouteRow>;

export const RouteFigureRow = sourced(
  z.object({
    route: id,
    metric: z.enum(["time_days", "cost_usd"]),
    yearFrom: year.optional(),
    yearTo: year.optional(),
    min: z.number().nonnegative(),
    max: z.number().nonnegative(),
    unit: z.string(),
    definition: z.string(),
    ...provenance,
  }),
).superRefine((v, ctx) => {
  if (v.min > v.max) ctx.addIssue({ code: "custom", path: ["max"], message: "max is below min" });
});
export type RouteFigureRow = z.infer<typeof RouteFigureRow>;

export const RiskRow = sourced(
  z.object({
    code,
    yearFrom: year.optional(),
    yearTo: year.optional(),
    risk: z.number().min(0).max(1),
    ...provenance,
  }),
);
export type RiskRow = z.infer<typeof RiskRow>;

export const DemandRow = sourced(
  z.object({
    network: z.enum(["transport", "gas"]),
    origin: code,
    destination: code,
    yearFrom: year,
    yearTo: year,
    volume: z.number().nonnegative(),
    unit: z.string(),
    ...provenance,
  }),
);
export type DemandRow = z.infer<typeof DemandRow>;

export const GasFlowRow = sourced(
  z.object({
    year,
    origin: code,
    destination: code,
    bcm: z.number().nonnegative(),
    period: z.string(),
    ...provenance,
  }),
);
export type GasFlowRow = z.infer<typeof GasFlowRow>;

export const ParameterRow = sourced(
  z.object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/),
    value: z.number(),
    unit: z.string(),
    ...provenance,
  }),
);
export type ParameterRow = z.infer<typeof ParameterRow>;

const s = (column: string, key: string, required = false): ColumnSpec => ({
  column,
  key,
  type: "string",
  required,
});
const n = (column: string, key: string, required = false): ColumnSpec => ({
  column,
  key,
  type: "number",
  required,
});
const i = (column: string, key: string, required = false): ColumnSpec => ({
  column,
  key,
  type: "int",
  required,
});
const l = (column: string, key: string, required = false): ColumnSpec => ({
  column,
  key,
  type: "list",
  required,
});
const prov = [
  s("source", "source", true),
  s("assumption", "assumption", true),
  s("reasoning", "reasoning", true),
];

/** Each network file: name, columns, row schema. */
export const NETWORK_FILES = {
  nodes: {
    file: "nodes.csv",
    schema: NodeRow,
    columns: [
      s("id", "id", true),
      s("name", "name", true),
      s("kind", "kind", true),
      s("iso3", "iso3", true),
      n("lon", "lon", true),
      n("lat", "lat", true),
      ...prov,
    ],
  },
  links: {
    file: "links.csv",
    schema: LinkRow,
    columns: [
      s("id", "id", true),
      s("name", "name", true),
      s("from", "from", true),
      s("to", "to", true),
      s("mode", "mode", true),
      s("network", "network", true),
      l("countries", "countries", true),
      l("passages", "passages", true),
      s("operator", "operator", true),
      s("status", "status", true),
      s("opened", "opened", true),
      i("year_from", "yearFrom", true),
      i("year_to", "yearTo", true),
      n("time_min_days", "timeMinDays", true),
      n("time_max_days", "timeMaxDays", true),
      s("time_definition", "timeDefinition", true),
      n("cost_usd", "costUsd", true),
      s("cost_unit", "costUnit", true),
      s("capacity", "capacity", true),
      s("capacity_unit", "capacityUnit", true),
      ...prov,
    ],
  },
  routes: {
    file: "routes.csv",
    schema: RouteRow,
    columns: [
      s("id", "id", true),
      s("name", "name", true),
      s("corridor", "corridor", true),
      s("network", "network", true),
      s("origin", "origin", true),
      s("destination", "destination", true),
      l("links", "links", true),
      l("terminal", "terminal", true),
      s("source", "source", true),
      s("reasoning", "reasoning", true),
    ],
  },
  figures: {
    file: "route-figures.csv",
    schema: RouteFigureRow,
    columns: [
      s("route", "route", true),
      s("metric", "metric", true),
      i("year_from", "yearFrom", true),
      i("year_to", "yearTo", true),
      n("min", "min", true),
      n("max", "max", true),
      s("unit", "unit", true),
      s("definition", "definition", true),
      ...prov,
    ],
  },
  risks: {
    file: "country-risk.csv",
    schema: RiskRow,
    columns: [
      s("code", "code", true),
      i("year_from", "yearFrom", true),
      i("year_to", "yearTo", true),
      n("risk", "risk", true),
      ...prov,
    ],
  },
  demand: {
    file: "demand.csv",
    schema: DemandRow,
    columns: [
      s("network", "network", true),
      s("origin", "origin", true),
      s("destination", "destination", true),
      i("year_from", "yearFrom", true),
      i("year_to", "yearTo", true),
      n("volume", "volume", true),
      s("unit", "unit", true),
      ...prov,
    ],
  },
  gasFlows: {
    file: "gas-flows.csv",
    schema: GasFlowRow,
    columns: [
      i("year", "year", true),
      s("origin", "origin", true),
      s("destination", "destination", true),
      n("bcm", "bcm", true),
      s("period", "period", true),
      ...prov,
    ],
  },
  params: {
    file: "parameters.csv",
    schema: ParameterRow,
    columns: [s("name", "name", true), n("value", "value", true), s("unit", "unit", true), ...prov],
  },
} as const;
