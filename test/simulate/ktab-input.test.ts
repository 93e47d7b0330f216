import assert from "node:assert/strict";
import { test } from "node:test";
import { ValidationError } from "../../src/data/problem.ts";
import { parseBargainText } from "../../src/simulate/bargain-input.ts";
import { parseKtabCsv } from "../../src/simulate/ktab-csv.ts";
import { parseKtabXml } from "../../src/simulate/ktab-xml.ts";

test("parseKtabCsv reads KTAB's header line, dimension names and actor rows", () => {
  const sc = parseKtabCsv(
    "S,desc,3,2,\nActor,Description,Influence,A Position,A Salience,B Position,B Salience,\nx,d,10,20,30,40,50,\ny,,5,0,10,100,20,\nz,e,1,50,50,50,50,\n",
  );
  assert.deepEqual(sc.dimensions, ["A Position", "B Position"]);
  assert.equal(sc.actors[1].capability, 5);
  assert.deepEqual(sc.actors[2].salience, [50, 50]);
});

test("parseKtabCsv names file, line and field of a bad salience sum", () => {
  assert.throws(
    () =>
      parseKtabCsv(
        "S,d,3,1\nActor,Description,Power,P,S\na,,1,10,20\nb,,1,10,120\nc,,1,1,1\n",
        "x.csv",
      ),
    (e: unknown) => e instanceof ValidationError && /x\.csv:4: .*salience/i.test(e.message),
  );
});

test("parseKtabXml rejects an empty coordinate instead of reading it as 0", () => {
  const xml = `<Scenario><name>n</name><desc>d</desc><prngSeed>1</prngSeed><Dimensions><dName>D</dName></Dimensions><Actors>
<Actor><name>a</name><description/><capability>1</capability><Position><dCoord></dCoord></Position><Salience><dSal>10</dSal></Salience></Actor>
<Actor><name>b</name><description/><capability>1</capability><Position><dCoord>5</dCoord></Position><Salience><dSal>10</dSal></Salience></Actor>
<Actor><name>c</name><description/><capability>1</capability><Position><dCoord>7</dCoord></Position><Salience><dSal>10</dSal></Salience></Actor>
</Actors></Scenario>`;
  assert.throws(
    () => parseKtabXml(xml, "s.xml"),
    (e: unknown) =>
      e instanceof ValidationError && /s\.xml:2: a\/dCoord\[1\] \(D\): empty/.test(e.message),
  );
});

test("parseBargainText recognises a BDM table and rescales 0–1 saliences to 0–100", () => {
  const sc = parseBargainText(
    "Actor,Capability,Position,Salience\nA,1,4,0.5\nB,2,7,1\nC,1,10,0.2\n",
    "t.csv",
  );
  assert.deepEqual(
    sc.actors.map((a) => a.salience[0]),
    [50, 100, 20],
  );
});

test("parseKtabXml reads 60,000 unclosed tags (and unclosed comment and CDATA) in linear time, with a clear error", () => {
  const xml = `<Scenario><name>n</name><Dimensions><dName>D</dName></Dimensions><Actors>${"<Actor><name><![CDATA[".repeat(60_000)}<!--</Actors></Scenario>`;
  const t0 = performance.now();
  assert.throws(
    () => parseKtabXml(xml, "u.xml"),
    (e: unknown) =>
      e instanceof ValidationError &&
      /u\.xml:1: Actors: needs 3 to \d+ <Actor> elements, found 0/.test(e.message),
  );
  // A lazy regular expression scans to the end of the text for each unclosed tag: ~40 s here.
  const seconds = (performance.now() - t0) / 1000;
  assert.ok(seconds < 5, `took ${seconds} s`);
});
