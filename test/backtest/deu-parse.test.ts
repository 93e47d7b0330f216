import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { parseDeu, parseDeuDate, readDeu } from "../../src/backtest/deu-parse.ts";
import { InputError } from "../../src/backtest/tsv.ts";
import { DEU_FILE, deuText } from "./deu-file.ts";

// An independent reading of the same file with Python's csv module: per issue id, the actors
// with a non-empty position, the outcome and the reference point.
const PY = `
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], newline=''), delimiter='\\t'))
h = rows[0]
acts = [c[1:] for c in h if c.startswith('p') and ('s' + c[1:]) in h]
out = {}
for r in rows[1:]:
    d = dict(zip(h, r))
    if not d['isnr'] and not d['isnrnmc']:
        continue
    pos = {a: float(d['p' + a]) for a in acts if d['p' + a].strip() != ''}
    num = lambda v: None if v.strip() == '' else float(v)
    out[d['isnr']] = {'pos': pos, 'out': num(d['out']), 'rp': num(d['rp']), 'proc': d['proc'], 'rule': d['counvte']}
print(json.dumps(out))
`;

function python(): Record<
  string,
  { pos: Record<string, number>; out: number | null; rp: number | null; proc: string; rule: string }
> {
  const r = spawnSync("/usr/bin/python3", ["-c", PY, DEU_FILE], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("the DEU III development file: 121 issues, row 2 (GDP weights, no ids) skipped with its reason, as Python reads it", () => {
  const r = readDeu(deuText(), { file: "deu.tsv" });
  assert.equal(r.issues.length, 121);
  assert.deepEqual(
    r.skipped.map((s) => s.line),
    [2],
  );
  assert.match(r.skipped[0].reason, /GDP-based weights/);
  assert.deepEqual(r.unknownActors, []);
  const py = python();
  assert.equal(Object.keys(py).length, 121);
  for (const i of r.issues) {
    const want = py[i.id];
    assert.ok(want, i.id);
    assert.deepEqual(
      Object.fromEntries(i.actors.map((a) => [a.id, a.position])),
      want.pos,
      `${i.id} positions`,
    );
    assert.equal(i.outcome, want.out, `${i.id} outcome`);
    assert.equal(i.reference, want.rp, `${i.id} reference`);
    assert.equal(i.procedure, want.proc);
    assert.equal(i.rule, want.rule);
  }
  assert.equal(r.issues.filter((i) => i.outcome === null).length, 1);
  // every issue was introduced 1996–2000 here: EU-15 weights
  assert.ok(r.issues.every((i) => i.notes?.includes("Council: EU-15 (Amsterdam weights)")));
});

test("capabilities: SSI of the Council game for QMV, 1/n under unanimity, EP 1 under COD and 0 otherwise, Commission as the largest state", () => {
  const issues = parseDeu(deuText(), { file: "deu.tsv" });
  for (const i of issues) {
    const cap = Object.fromEntries(i.actors.map((a) => [a.id, a.capability]));
    if ("ep" in cap) assert.equal(cap.ep, i.procedure === "COD" ? 1 : 0, i.id);
    if (i.rule === "Unan")
      for (const a of i.actors.filter((x) => x.id !== "ep" && x.id !== "com"))
        assert.ok(Math.abs(a.capability - 1 / 15) < 1e-12, `${i.id} ${a.id}`);
    if ("com" in cap)
      assert.ok(Math.abs(cap.com - (i.rule === "Unan" ? 1 / 15 : 0.1166666666666667)) < 1e-9, i.id);
  }
});

test("malformed input: errors name the file, line, column and field", () => {
  const text = deuText();
  const lines = text.split("\n");
  const header = lines[0].split("\t").map((h) => h.replace(/"/g, ""));
  const c = header.indexOf("pde");
  const bad = lines[4].split("\t");
  bad[c] = "forty";
  const broken = [...lines.slice(0, 4), bad.join("\t"), ...lines.slice(5)].join("\n");
  assert.throws(
    () => parseDeu(broken, { file: "x.tsv" }),
    (e: unknown) =>
      e instanceof InputError &&
      e.message === `x.tsv:5:${c + 1} (pde): not a number: "forty"` &&
      e.line === 5 &&
      e.column === c + 1,
  );
  const short = [...lines.slice(0, 6), lines[6].split("\t").slice(0, 40).join("\t")].join("\n");
  assert.throws(
    () => parseDeu(short, { file: "x.tsv" }),
    /^InputError: x\.tsv:7: 40 fields where the header has 75$/,
  );
  assert.throws(
    () => parseDeu(`${lines[0]}\n1\t"unterminated`, { file: "y.tsv" }),
    /y\.tsv:2:2: unterminated quoted field/,
  );
  assert.throws(
    () => parseDeu('"isnr"\t"pcom"\t"scom"\nd1\t50\t50\n', { file: "z.tsv" }),
    /z\.tsv:1 \(out\): no outcome column "out"/,
  );
  assert.throws(() => parseDeu("", { file: "e.tsv" }), /e\.tsv:1: empty file/);
  const sal = lines[3].split("\t");
  sal[header.indexOf("sfr")] = "140";
  assert.throws(
    () => parseDeu([lines[0], sal.join("\t")].join("\n"), { file: "s.tsv" }),
    new RegExp(`s\\.tsv:2:${header.indexOf("sfr") + 1} \\(sfr\\): salience 140 outside 0–100`),
  );
  const dup = readDeu([lines[0], lines[2], lines[2]].join("\n"), { file: "d.tsv" });
  assert.deepEqual(
    dup.issues.map((i) => i.id),
    ["d00032i1", "d00032i1@3"],
  );
  assert.deepEqual(dup.duplicates, ['line 3: issue id "d00032i1" already used on line 2']);
  const na = lines[2].split("\t");
  na[c] = "NA";
  na.push("", "");
  const [withNa] = parseDeu([lines[0], na.join("\t")].join("\n"), { file: "n.tsv" });
  assert.ok(!withNa.actors.some((a) => a.id === "de"), "NA is no position");
});

test("decimal commas are read as decimal points; quoted numbers are numbers", () => {
  const t =
    '"isnr"\t"proc"\t"counvte"\t"pcom"\t"scom"\t"pde"\t"sde"\t"rp"\t"out"\n"i1"\t"CNS"\t"QMV"\t"12,5"\t50\t"40"\t60,25\t0\t33,3\n';
  const [i] = parseDeu(t, { file: "c.tsv" });
  assert.equal(i.actors[0].position, 12.5);
  assert.equal(i.actors[1].salience, 60.25);
  assert.equal(i.outcome, 33.3);
});

test("introduction dates: dd-mm-yy, yyyy-mm-dd, dd/mm/yyyy; anything else is null", () => {
  assert.equal(parseDeuDate("26-01-00"), "2000-01-26");
  assert.equal(parseDeuDate("17-04-96"), "1996-04-17");
  assert.equal(parseDeuDate("2009-03-01"), "2009-03-01");
  assert.equal(parseDeuDate("05/11/2014"), "2014-11-05");
  assert.equal(parseDeuDate("999"), null);
  assert.equal(parseDeuDate("31-13-01"), null);
});

test("Council regime: later entrants with positions move an issue to the enlarged Council, and the 2014 double majority is flagged", () => {
  const head =
    '"isnr"\t"intro"\t"proc"\t"counvte"\t"pde"\t"sde"\t"ppl"\t"spl"\t"pcom"\t"scom"\t"rp"\t"out"';
  const t = `${head}\n"a"\t"01-02-03"\t"COD"\t"QMV"\t10\t50\t90\t50\t50\t50\t0\t40\n"b"\t"01-02-15"\t"COD"\t"QMV"\t10\t50\t90\t50\t50\t50\t0\t40\n"c"\t""\t"CNS"\t"QMV"\t10\t50\t\t\t50\t50\t0\t40\n`;
  const [a, b, c] = parseDeu(t, { file: "r.tsv" });
  assert.ok(a.notes?.includes("Council: EU-25 (Nice weights)"), String(a.notes));
  assert.ok(b.notes?.some((n) => /double-majority/.test(n)));
  assert.ok(c.notes?.includes("Council: EU-15 (Amsterdam weights)"));
  // Poland's and Germany's Nice weights are 27 and 29: their SSI ratio is not 1
  const de = a.actors.find((x) => x.id === "de")?.capability as number;
  const pl = a.actors.find((x) => x.id === "pl")?.capability as number;
  assert.ok(de > pl && pl > 0);
});

test("the same table saved as CSV (comma) or with semicolons and decimal commas reads the same", () => {
  const py = `
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline=''), delimiter='\\t'))
w = csv.writer(sys.stdout, delimiter=sys.argv[2], lineterminator='\\n')
for r in rows:
    w.writerow([v.replace('.', ',') if sys.argv[2] == ';' and v.replace('.', '', 1).isdigit() else v for v in r])
`;
  const want = parseDeu(deuText(), { file: "deu.tsv" });
  for (const sep of [",", ";"]) {
    const r = spawnSync("/usr/bin/python3", ["-c", py, DEU_FILE, sep], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const got = parseDeu(r.stdout, { file: "deu.tsv" });
    assert.deepEqual(
      got.map((i) => ({ ...i, source: "" })),
      want.map((i) => ({ ...i, source: "" })),
      sep,
    );
  }
});
