// Render docs/backtest.md and its calibration plot docs/backtest-calibration.svg from the shipped track record (data/models/backtest/track-record.json).
// The track record itself comes from a run on the DEU III development file:
//   ana backtest deu deu3_development_issues_1-121.tsv \
//     --track-record data/models/backtest/track-record.json --markdown docs/backtest.md
// Usage: node --import tsx scripts/build-backtest-doc.ts
import { readFileSync, writeFileSync } from "node:fs";
import { trackRecordCalibrationSvg } from "../src/backtest/calibration-plot.ts";
import { renderBacktestMarkdown } from "../src/backtest/markdown.ts";
import type { TrackRecord } from "../src/backtest/track-record.ts";

const root = new URL("../", import.meta.url);
const t = JSON.parse(
  readFileSync(new URL("data/models/backtest/track-record.json", root), "utf8"),
) as TrackRecord;
writeFileSync(new URL("docs/backtest.md", root), renderBacktestMarkdown(t));
writeFileSync(new URL("docs/backtest-calibration.svg", root), trackRecordCalibrationSvg(t));
console.log("wrote docs/backtest.md and docs/backtest-calibration.svg");
