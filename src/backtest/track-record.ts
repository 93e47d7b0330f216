/**
 * The track record: what a backtest run says about each model, without the data it was run on
 * (no positions, saliences or outcomes: the DEU III table is not shipped, see data/SOURCES.md).
 * `data/models/backtest/track-record.json` is this, from the run on the DEU III development file;
 * docs/backtest.md is rendered from it (./markdown.ts) and the Lab shows it.
 */
import type { BacktestResult } from "./types.ts";

export interface TrackRecord {
  /** What was scored. */
  dataset: {
    name: string;
    citation: string;
    doi: string;
    /** The file's name (no path). */
    file: string;
    /** Issues with an outcome (scored) and without (skipped). */
    issues: number;
    skipped: number;
  };
  /** The command that made it. */
  command: string;
  settings: BacktestResult["settings"];
  capabilities: string;
  models: string[];
  summary: BacktestResult["summary"];
  byProcedure: BacktestResult["byProcedure"];
  byRule: BacktestResult["byRule"];
  calibration: BacktestResult["calibration"];
  /** Issues each model could not forecast, by reason. */
  failures: { model: string; n: number; reasons: string[] }[];
  notes: string[];
}

export const DEU_DATASET = Object.freeze({
  name: "DEU III (Decision-making in the European Union, third edition)",
  citation:
    "Arregui, J. & Perarnaud, C. (2021), 'A new dataset on legislative decision-making in the European Union: the DEU III dataset', Journal of European Public Policy, doi:10.1080/13501763.2021.1991983; building on Thomson, Stokman, Achen & König (2006), The European Union Decides, Cambridge University Press",
  doi: "10.34810/data53",
});

export function trackRecord(
  result: BacktestResult,
  options: {
    file: string;
    command: string;
    dataset?: { name: string; citation: string; doi: string };
  },
): TrackRecord {
  const ds = options.dataset ?? DEU_DATASET;
  const failures = result.models
    .map((m) => {
      const fs = result.failures.filter((f) => f.model === m);
      return { model: m, n: fs.length, reasons: [...new Set(fs.map((f) => f.reason))].sort() };
    })
    .filter((f) => f.n > 0);
  return {
    dataset: {
      ...ds,
      file: options.file.split(/[\\/]/).pop() ?? options.file,
      issues: result.issues.length,
      skipped: result.skipped.length,
    },
    command: options.command,
    settings: result.settings,
    capabilities: result.capabilities,
    models: result.models,
    summary: result.summary,
    byProcedure: result.byProcedure,
    byRule: result.byRule,
    calibration: result.calibration,
    failures,
    notes: result.notes,
  };
}
