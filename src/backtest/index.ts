// The backtest library (issue 17): scoring forecasting models against real decision outcomes.
export * from "./bargaining.ts";
export * from "./baselines.ts";
export * from "./bootstrap.ts";
export * from "./calibration-plot.ts";
export * from "./capability.ts";
export * from "./council.ts";
export * from "./defaults.ts";
export * from "./deu-parse.ts";
export * from "./markdown.ts";
export * from "./metrics.ts";
export * from "./models.ts";
export * from "./parallel.ts";
export * from "./score.ts";
export * from "./shapley.ts";
export * from "./track-record.ts";
export * from "./tsv.ts";
export * from "./types.ts";
