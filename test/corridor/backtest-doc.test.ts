import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { backtestMarkdown, withSection } from "../../src/corridor/backtest-doc.ts";
import { loadNetwork } from "../../src/corridor/load-network.ts";

test("docs/corridors.md carries the current backtest (regenerate: node --import tsx src/corridor/backtest-doc.ts --write)", async () => {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const doc = readFileSync(`${root}docs/corridors.md`, "utf8");
  const net = loadNetwork(`${root}data/networks/eurasia`);
  assert.equal(doc, withSection(doc, await backtestMarkdown(net)));
});
