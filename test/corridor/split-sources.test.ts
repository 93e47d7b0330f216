import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { loadNetwork } from "../../src/corridor/load-network.ts";
import { splitSources } from "../../src/corridor/split-sources.ts";
import { routesInYear } from "../../src/corridor/year-view.ts";
import { mulberry32 } from "../../src/network/random.ts";

test("splitSources keeps a '; ' inside parentheses within one source", () => {
  assert.deepEqual(splitSources("a (x); b (1.46m TEU 2021; Northern >90%)"), [
    "a (x)",
    "b (1.46m TEU 2021; Northern >90%)",
  ]);
  assert.deepEqual(splitSources("a [p; q]; b"), ["a [p; q]", "b"]);
  assert.deepEqual(splitSources("a;b; c"), ["a;b", "c"]);
  assert.deepEqual(splitSources(""), []);
  assert.deepEqual(splitSources(undefined), []);
  // An unbalanced closer does not make depth negative; an unclosed opener keeps the rest whole.
  assert.deepEqual(splitSources("a) ; b"), ["a)", "b"]);
  assert.deepEqual(splitSources("a (open; b"), ["a (open; b"]);
});

test("splitSources inverts joining sources with '; ' (seeded fuzz, 2000 cases)", () => {
  const rnd = mulberry32(14);
  const pick = (s: string) => s[Math.floor(rnd() * s.length)];
  const word = () => {
    let w = "";
    const n = 1 + Math.floor(rnd() * 8);
    for (let i = 0; i < n; i++) w += pick("abcXYZ019./:-_%>");
    return w;
  };
  // A source: words, some parenthesised groups that may themselves contain "; " and nesting.
  const group = (depth: number): string => {
    const parts: string[] = [];
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++)
      parts.push(depth < 2 && rnd() < 0.3 ? `(${group(depth + 1)})` : word());
    return parts.join(rnd() < 0.5 ? "; " : " ");
  };
  const source = () => {
    const parts = [word()];
    const n = Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) parts.push(rnd() < 0.5 ? `(${group(0)})` : `[${group(0)}]`);
    return parts.join(" ");
  };
  for (let k = 0; k < 2000; k++) {
    const list = Array.from({ length: 1 + Math.floor(rnd() * 4) }, source);
    assert.deepEqual(splitSources(list.join("; ")), list, list.join("; "));
  }
});

test("the KZ-RU-BY link's JOC note stays one source in the route view (what corridors compare lists)", () => {
  const dir = fileURLToPath(new URL("../../data/networks/eurasia/", import.meta.url));
  const csv = readFileSync(`${dir}links.csv`, "utf8");
  const line = csv.split("\n").find((l) => l.startsWith("KZ-RU-BY,"))!;
  const want = line.match(/http:\/\/alfagroup[^,]*\)/)![0];
  assert.ok(want.includes("; "), "the fixture source contains '; ' inside parentheses");
  const net = loadNetwork(dir);
  const northern = routesInYear(net, 2021).filter((r) => r.links.includes("KZ-RU-BY"));
  assert.ok(northern.length > 0);
  for (const r of northern) {
    assert.ok(r.sources.includes(want), r.sources.join(" | "));
    assert.ok(!r.sources.some((s) => s.startsWith("Northern >90%")));
  }
});
