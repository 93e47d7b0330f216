import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { EURASIA_DIR, readNetwork } from "../../src/corridor/load-network.ts";
import { formatProblem } from "../../src/data/problem.ts";

const tiny = fileURLToPath(new URL("../data/corridors/tiny/", import.meta.url));

test("the shipped Eurasian network validates with no problems", () => {
  const r = readNetwork(EURASIA_DIR);
  assert.deepEqual(r.problems.map(formatProblem), []);
});

test("readNetwork names file, line and field for bad figures and broken references", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-net-"));
  cpSync(tiny, dir, { recursive: true });
  const links = readFileSync(join(dir, "links.csv"), "utf8")
    .replace(
      "operating,,,,,,,,,10,TEU/yr,test fixture,false,",
      "operating,,,,,,,,,lots,TEU/yr,,false,",
    )
    .replace("LB2,B to Z,B1,Z1", "LB2,B to Z,B9,Z1");
  writeFileSync(join(dir, "links.csv"), links);
  const r = readNetwork(dir);
  assert.equal(r.network, undefined);
  const text = r.problems.map(formatProblem);
  const file = join(dir, "links.csv");
  assert.ok(
    text.some((t) => t.startsWith(`${file}:2: capacity:`)),
    text.join("\n"),
  );
  assert.ok(
    text.some((t) => t.startsWith(`${file}:5: from: no node "B9"`)),
    text.join("\n"),
  );
});

test("a figure with neither a source nor an assumption flag is rejected", () => {
  const dir = mkdtempSync(join(tmpdir(), "ana-net-"));
  cpSync(tiny, dir, { recursive: true });
  const f = join(dir, "route-figures.csv");
  writeFileSync(
    f,
    readFileSync(f, "utf8").replace(
      "RA,cost_usd,,,100,100,USD/FEU,test,test fixture,false,",
      "RA,cost_usd,,,100,100,USD/FEU,test,,false,",
    ),
  );
  const text = readNetwork(dir).problems.map(formatProblem);
  assert.ok(
    text.some((t) => t.startsWith(`${f}:2: source: every figure needs a source`)),
    text.join("\n"),
  );
});
