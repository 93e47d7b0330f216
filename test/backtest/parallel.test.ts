import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDeu } from "../../src/backtest/deu-parse.ts";
import { forecastIssuesParallel } from "../../src/backtest/parallel.ts";
import { deuText } from "./deu-file.ts";

test("forecasts on 2 worker threads equal those made in one thread, in issue order", async () => {
  const issues = parseDeu(deuText(), { file: "deu.tsv" }).slice(20, 26);
  const models = ["smp", "bdm", "compromise", "statusquo"];
  const o = { draws: 3, perturb: 10, seed: 5 };
  const one = await forecastIssuesParallel(issues, models, { ...o, threads: 1 });
  const two = await forecastIssuesParallel(issues, models, { ...o, threads: 2 });
  assert.equal(one.length, issues.filter((i) => i.outcome !== null).length);
  assert.deepEqual(two, one);
});
