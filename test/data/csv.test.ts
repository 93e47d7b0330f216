import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCsv } from "../../src/data/csv.ts";

test("parseCsv reads a header and records with their starting line numbers", () => {
  const r = parseCsv("a,b\n1,2\n\n3,4\n");
  assert.deepEqual(r.header, ["a", "b"]);
  assert.deepEqual(r.records, [
    { line: 2, fields: ["1", "2"] },
    { line: 4, fields: ["3", "4"] },
  ]);
  assert.deepEqual(r.errors, []);
});

test("parseCsv handles quotes, doubled quotes, embedded newlines, CRLF and a BOM", () => {
  const r = parseCsv('\ufeffid,title\r\nx,"a, ""b""\nc"\r\ny,z\r\n');
  assert.deepEqual(r.header, ["id", "title"]);
  assert.deepEqual(r.records[0], { line: 2, fields: ["x", 'a, "b"\nc'] });
  assert.deepEqual(r.records[1], { line: 4, fields: ["y", "z"] });
});

test("parseCsv reports an unterminated quote with its line and never throws", () => {
  const r = parseCsv('a,b\n1,2\n3,"open\n');
  assert.equal(r.records.length, 1);
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].line, 3);
  assert.match(r.errors[0].message, /unterminated/);
});

test("parseCsv reports a stray quote inside an unquoted field", () => {
  const r = parseCsv('a,b\n1,x"y\n2,3\n');
  assert.equal(r.errors[0].line, 2);
  assert.deepEqual(r.records, [{ line: 3, fields: ["2", "3"] }]);
});

test("parseCsv survives random bytes (fuzz): it returns records and errors, never throws", () => {
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const alphabet = ['"', ",", "\n", "\r", "a", "1", " ", "\u00e9", "\u0000"];
  for (let k = 0; k < 2000; k++) {
    const len = Math.floor(rnd() * 40);
    let s = "";
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    const r = parseCsv(s);
    for (const rec of r.records) assert.ok(rec.line >= 1);
    // Re-serialising the parsed records and parsing again gives the same fields.
    const quote = (f: string) => `"${f.replaceAll('"', '""')}"`;
    const text = [r.header, ...r.records.map((x) => x.fields)].map((f) => f.map(quote).join(",")).join("\n");
    if (r.errors.length === 0 && r.header.length > 0) {
      const again = parseCsv(text);
      assert.deepEqual(
        again.records.map((x) => x.fields),
        r.records.map((x) => x.fields).filter((f) => !(f.length === 1 && f[0].trim() === "")),
      );
    }
  }
});
