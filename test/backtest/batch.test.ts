import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseBatch } from "../../src/backtest/batch.ts";
import { formatBatch } from "../../src/backtest/batch-write.ts";
import { ValidationError } from "../../src/data/problem.ts";
import { mulberry32 } from "../../src/network/random.ts";
import { parseBdmTable } from "../../src/simulate/bargain-input.ts";
import { parseKtabCsv } from "../../src/simulate/ktab-csv.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

// Seeded generator (mulberry32, shared with the network heuristics) so failures reproduce.
const rng = mulberry32;

/** Throws only a ValidationError whose problems each name the file, a line in it and a field. */
function parsesOrRejectsCleanly(text: string, file: string): ReturnType<typeof parseBatch> | null {
  const lines = text.split(/\r\n|\r|\n/).length;
  try {
    return parseBatch(text, file);
  } catch (e) {
    assert.ok(e instanceof ValidationError, `not a ValidationError: ${(e as Error)?.stack}`);
    assert.ok(e.problems.length > 0);
    for (const p of e.problems) {
      assert.equal(p.file, file);
      assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line <= lines, `line ${p.line}`);
      assert.ok(p.field.length > 0);
      assert.ok(p.message.length > 0);
    }
    return null;
  }
}

const EXAMPLE = `# two issues
issue,ec-emissions
proposal,"Car emissions, small cars"
procedure,COD
rule,QMV
scale,4,10
reference,4
outcome,8.5
Actor,Capability,Position,Salience
Netherlands,0.08,4,0.8
Belgium,0.08,7,0.4
Germany,0.16,,

issue,second
outcome,
Actor,Description,Power,Dim Position,Dim Salience
A,first,10,20,30
B,"second, with comma",20,80,50
`;

test("parseBatch reads keys, the scale, saliences on 0–1 and KTAB's one-dimension header", () => {
  const [a, b] = parseBatch(EXAMPLE, "ex.csv");
  assert.equal(a.id, "ec-emissions");
  assert.equal(a.proposal, "Car emissions, small cars");
  assert.equal(a.procedure, "COD");
  assert.equal(a.rule, "QMV");
  assert.deepEqual(a.scale, [4, 10]);
  assert.equal(a.reference, 4);
  assert.equal(a.outcome, 8.5);
  assert.equal(a.source, "ex.csv:2");
  // Germany has no position: left out, as DEU's empty cells. Saliences 0–1 read as 0–100.
  assert.deepEqual(a.actors, [
    { id: "Netherlands", capability: 0.08, position: 4, salience: 80 },
    { id: "Belgium", capability: 0.08, position: 7, salience: 40 },
  ]);
  assert.equal(b.outcome, null);
  assert.equal(b.reference, null);
  assert.equal(b.scale, undefined);
  assert.deepEqual(b.actors, [
    { id: "A", capability: 10, position: 20, salience: 30 },
    { id: "B", capability: 20, position: 80, salience: 50 },
  ]);
});

test("a batch block holds the same actors as ANA's one-issue bargaining table and KTAB's CSV reader", () => {
  const bdm = readFileSync(`${ROOT}test/data/models/bdm-ec-emissions.csv`, "utf8");
  const [is] = parseBatch(`issue,ec\noutcome,\nscale,4,10\n${bdm}`, "b.csv");
  const sc = parseBdmTable(bdm, "t.csv");
  assert.deepEqual(
    is.actors,
    sc.actors.map((x) => ({
      id: x.name,
      capability: x.capability,
      position: x.position[0],
      salience: x.salience[0],
    })),
  );
  const ktab =
    "Actor,Description,Power,Trade Position,Trade Salience\nx,d,10,20,30\ny,,5,0,10\nz,e,1,50,50\n";
  const k = parseKtabCsv(`S,desc,3,1\n${ktab}`, "k.csv");
  const [kb] = parseBatch(`issue,k\noutcome,40\n${ktab}`, "k.batch");
  assert.deepEqual(
    kb.actors,
    k.actors.map((x) => ({
      id: x.name,
      capability: x.capability,
      position: x.position[0],
      salience: x.salience[0],
    })),
  );
});

test("parseBatch names file, line and field of each problem", () => {
  const cases: [string, RegExp][] = [
    ["issue,a\noutcome,50\nActor,Capability,Position\nA,1,2\n", /^f:3: Salience: missing column/m],
    [
      "issue,a\noutcome,101\nActor,Capability,Position,Salience\nA,1,2,3\nB,1,2,3\n",
      /^f:2: outcome: must be a number from 0 to 100, got "101"/m,
    ],
    [
      "issue,a\noutcome,5\nActor,Capability,Position,Salience\nA,-1,2,3\nB,1,2,3\n",
      /^f:4: Capability: must be a number ≥ 0/m,
    ],
    [
      "issue,a\noutcome,5\nActor,Capability,Position,Salience\nA,1,2,300\nB,1,2,3\n",
      /^f:4: Salience: must be a number from 0 to 100/m,
    ],
    [
      "issue,a\noutcome,11\nscale,4,10\nActor,Capability,Position,Salience\nA,1,2,3\nB,1,5,3\n",
      /^f:2: outcome: must be a number from 4 to 10 \(the issue's scale\), got "11"\n.*f:5: Position: must be a number from 4 to 10/m,
    ],
    [
      "issue,a\noutcome,5\nActor,Capability,Position,Salience\nA,1,0x10,3\nB,1,2,3\n",
      /^f:4: Position: must be a number from 0 to 100, got "0x10"/m,
    ],
    [
      "issue,a\nActor,Capability,Position,Salience\nA,1,2,3\nB,1,2,3\n",
      /^f:1: outcome: issue "a" has no outcome line/m,
    ],
    [
      "issue,a\noutcome,5\nwhatever,3\nActor,Capability,Position,Salience\nA,1,2,3\nB,1,2,3\n",
      /^f:3: key: unknown key "whatever"/m,
    ],
    [
      "issue,a\noutcome,5\nActor,Capability,Position,Salience\nA,1,2,3\nA,1,2,3\n",
      /^f:5: Actor: duplicate actor "A"/m,
    ],
    [
      "issue,a\noutcome,5\nActor,Capability,Position,Salience\nA,1,2,3\n",
      /^f:3: Actor: issue "a" needs at least 2 actors/m,
    ],
    [
      "issue,a\noutcome,5\nActor,Capability,Position,Salience\nA,1,2,3\nB,1,2,3\nissue,a\noutcome,5\nActor,Capability,Position,Salience\nA,1,2,3\nB,1,2,3\n",
      /^f:6: issue: duplicate issue id "a" \(first on line 1\)/m,
    ],
    ["outcome,5\n", /^f:1: issue: expected an issue line/m],
    ["# only a comment\n", /^f:1: file: no issues/m],
    [
      "issue,a\noutcome,5\nActor,Capability,A Position,A Salience,B Position,B Salience\n",
      /^f:3: Position: 2 Position columns .* one dimension/m,
    ],
    ['issue,a\noutcome,"5\n', /^f:2: csv: unterminated quoted field/m],
    [
      "issue,a\noutcome,5\noutcome,6\nActor,Capability,Position,Salience\nA,1,2,3\nB,1,2,3\n",
      /^f:3: outcome: given twice/m,
    ],
    [
      "issue,a\noutcome,5\nsalience scale,10\nActor,Capability,Position,Salience\nA,1,2,3\nB,1,2,3\n",
      /^f:3: salience scale: must be 1/m,
    ],
    [
      "issue,a\noutcome,5\nscale,10,4\nActor,Capability,Position,Salience\nA,1,2,3\nB,1,2,3\n",
      /^f:3: scale: the high end 4 must be above the low end 10/m,
    ],
  ];
  // Names of Object.prototype are keys like any other: unknown.
  for (const k of ["constructor", "toString", "__proto__", "hasOwnProperty"])
    cases.push([
      `issue,a\noutcome,5\n${k},1\nActor,Capability,Position,Salience\nA,1,2,3\nB,1,2,3\n`,
      new RegExp(`^f:3: key: unknown key "${k}"`, "m"),
    ]);
  for (const [text, re] of cases)
    assert.throws(
      () => parseBatch(text, "f"),
      (e: unknown) => e instanceof ValidationError && re.test(e.message),
      `${JSON.stringify(text)} should fail with ${re}`,
    );
});

test("parseBatch reads tab-separated files, CRLF line ends and a byte-order mark", () => {
  const text =
    "\uFEFFissue\tt1\r\noutcome\t30\r\nActor\tCapability\tPosition\tSalience\r\nA\t1\t20\t30\r\nB\t2\t40\t50\r\n";
  const [is] = parseBatch(text, "t.tsv");
  assert.equal(is.outcome, 30);
  assert.deepEqual(
    is.actors.map((a) => [a.id, a.capability, a.position, a.salience]),
    [
      ["A", 1, 20, 30],
      ["B", 2, 40, 50],
    ],
  );
});

test("random bytes never make parseBatch throw anything but a ValidationError naming file, line and field", () => {
  const r = rng(17);
  for (let k = 0; k < 1500; k++) {
    const n = Math.floor(r() * 300);
    const bytes = Buffer.alloc(n);
    for (let i = 0; i < n; i++) bytes[i] = Math.floor(r() * 256);
    parsesOrRejectsCleanly(bytes.toString("utf8"), "fuzz.bin");
    parsesOrRejectsCleanly(bytes.toString("latin1"), "fuzz.bin");
  }
});

test("random edits of a valid file give a clean error or issues that respect every bound", () => {
  const r = rng(5);
  const alphabet = ',\t"\n\r#-.e+0123456789 aAiIoOsS';
  let parsed = 0;
  for (let k = 0; k < 3000; k++) {
    let t = EXAMPLE;
    const edits = 1 + Math.floor(r() * 4);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(r() * (t.length + 1));
      const op = r();
      if (op < 0.4) t = t.slice(0, at) + t.slice(at + 1);
      else if (op < 0.8)
        t = t.slice(0, at) + alphabet[Math.floor(r() * alphabet.length)] + t.slice(at);
      else {
        const lines = t.split("\n");
        const i = Math.floor(r() * lines.length);
        if (r() < 0.5) lines.splice(i, 1);
        else lines.splice(i, 0, lines[Math.floor(r() * lines.length)]);
        t = lines.join("\n");
      }
    }
    const out = parsesOrRejectsCleanly(t, "edit.csv");
    if (!out) continue;
    parsed++;
    const ids = new Set<string>();
    for (const is of out) {
      assert.ok(!ids.has(is.id));
      ids.add(is.id);
      const [lo, hi] = is.scale ?? [0, 100];
      assert.ok(hi > lo);
      for (const v of [is.outcome, is.reference])
        if (v !== null) assert.ok(v >= lo && v <= hi && Number.isFinite(v));
      assert.ok(is.actors.length >= 2);
      const names = new Set(is.actors.map((a) => a.id));
      assert.equal(names.size, is.actors.length);
      for (const a of is.actors) {
        assert.ok(a.position >= lo && a.position <= hi);
        assert.ok(a.salience >= 0 && a.salience <= 100);
        assert.ok(a.capability >= 0 && Number.isFinite(a.capability));
      }
    }
  }
  assert.ok(parsed > 100, `only ${parsed} edited files parsed: the edits test too little`);
});

test("formatBatch then parseBatch gives back random issues exactly (round trip)", () => {
  const r = rng(99);
  const chars = "abcXYZ09 ,\"#'-_é中\\;";
  const word = (min = 1) => {
    let s = "";
    const n = min + Math.floor(r() * 12);
    for (let i = 0; i < n; i++) s += chars[Math.floor(r() * chars.length)];
    s = s.trim();
    return s === "" ? "w" : s;
  };
  const value = (lo: number, hi: number) => {
    const u = r();
    if (u < 0.1) return lo;
    if (u < 0.2) return hi;
    if (u < 0.5) return Math.floor(lo + r() * (hi - lo)) + 0; // lo is whole: stays on the scale; never -0
    return lo + r() * (hi - lo);
  };
  for (let k = 0; k < 300; k++) {
    const issues: ReturnType<typeof parseBatch> = [];
    const nIssues = 1 + Math.floor(r() * 5);
    for (let i = 0; i < nIssues; i++) {
      const scaled = r() < 0.4;
      const lo = scaled ? Math.round(r() * 20) - 10 : 0;
      const hi = scaled ? lo + 0.5 + r() * 50 : 100;
      const nActors = 2 + Math.floor(r() * 10);
      const actors = [];
      const names = new Set<string>();
      for (let a = 0; a < nActors; a++) {
        let id = r() < 0.05 ? "issue" : word();
        while (names.has(id)) id = `${id}x`;
        names.add(id);
        actors.push({
          id,
          position: value(lo, hi),
          salience: value(0, 100),
          capability: r() < 0.1 ? 0 : r() < 0.5 ? r() * 1e-3 : r() * 1e6,
        });
      }
      issues.push({
        id: `${i}-${word()}`,
        ...(r() < 0.5 ? { proposal: word() } : {}),
        ...(r() < 0.5 ? { procedure: word() } : {}),
        ...(r() < 0.5 ? { rule: word() } : {}),
        outcome: r() < 0.2 ? null : value(lo, hi),
        reference: r() < 0.3 ? null : value(lo, hi),
        actors,
        ...(scaled ? { scale: [lo, hi] as [number, number] } : {}),
      });
    }
    const text = formatBatch(issues);
    const back = parseBatch(text, "rt.csv").map(({ source, ...rest }) => {
      assert.match(source ?? "", /^rt\.csv:\d+$/);
      return rest;
    });
    for (let i = 0; i < issues.length; i++) assert.deepEqual(back[i], issues[i], text);
    assert.equal(back.length, issues.length);
  }
});

test("the shipped example batch file parses and labels every issue as synthetic", () => {
  const file = `${ROOT}data/models/backtest/batch-example-synthetic.csv`;
  const text = readFileSync(file, "utf8");
  const issues = parseBatch(text, file);
  assert.deepEqual(
    issues.map((i) => i.id),
    ["synthetic-1", "synthetic-2", "synthetic-3"],
  );
  assert.match(text, /SYNTHETIC DATA/);
  assert.equal(text.match(/^note,synthetic: invented to demonstrate the format$/gm)?.length, 3);
  // synthetic-2: State E took no position; saliences 0–1 read as 0–100; own scale kept.
  assert.deepEqual(issues[1].scale, [4, 10]);
  assert.deepEqual(
    issues[1].actors.map((a) => [a.id, a.salience]),
    [
      ["State A", 80],
      ["State B", 60],
      ["State C", 40],
      ["State D", 100],
    ],
  );
  assert.equal(issues[2].outcome, null);
});
