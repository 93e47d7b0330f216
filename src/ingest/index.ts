// `ana/ingest`: event importers (GDELT, ICEWS, PLOVER, mapped CSV) and dyadic aggregation
// (one subpath per domain; the root "ana" export re-exports the commonly used pieces).
export * from "./actor-normalise.ts";
export * from "./cameo-countries.ts";
export * from "./csv-mapping-options.ts";
export * from "./dedup.ts";
export * from "./event-row.ts";
export * from "./event-sink.ts";
export * from "./event-tables.ts";
export * from "./fips.ts";
export * from "./import-events.ts";
export * from "./line-scanner.ts";
export * from "./parse-context.ts";
export * from "./parse-csv-mapped.ts";
export * from "./parse-gdelt.ts";
export * from "./parse-icews.ts";
export * from "./parse-plover.ts";
export * from "./period.ts";
export * from "./plover-types.ts";
export * from "./quad-schemes.ts";
export * from "./reject-log.ts";
export * from "./text-line.ts";
