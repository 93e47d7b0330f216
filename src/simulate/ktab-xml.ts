/**
 * Reader for KTAB's SMP XML scenario format (`smpSchema.xsd`): name, desc, prngSeed, optional
 * ModelParameters (the nine KTAB parameters by name), Dimensions/dName, Actors/Actor (name,
 * description, capability, Position/dCoord, Salience/dSal), optional IdealAdjustment/iaPair.
 * A small purpose-built parser: the format has no attributes that matter, no mixed content.
 * An empty coordinate is an error here (KTAB silently reads it as 0; ANA never turns missing into 0).
 */
import { type Problem, ValidationError } from "../data/problem.ts";
import { checkParam, SMP_PARAM_VALUES, type SmpParams } from "./ktab-params.ts";
import { SMP_LIMITS, type SmpActorInput, type SmpScenario } from "./smp-scenario.ts";

interface El {
  tag: string;
  start: number;
  inner: string;
  innerStart: number;
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r";

/**
 * The `<tag …>…</tag>` and `<tag …/>` elements of `xml`, in order (an element's content ends at
 * the first `</tag>`; elements inside a match are not listed). One left-to-right pass: the
 * position of the next closing tag is remembered, so that many unclosed `<tag>`s cost linear
 * time, not a scan to the end of the text for each (as a lazy regular expression does).
 */
function children(xml: string, offset: number, tag: string): El[] {
  const out: El[] = [];
  const open = `<${tag}`;
  const close = `</${tag}`;
  // The first `</tag\s*>` at or after `from`: [start, end after '>'], or null when there is none.
  let cached: { from: number; at: [number, number] | null } | undefined;
  const closeAfter = (from: number): [number, number] | null => {
    if (cached && from >= cached.from && (cached.at === null || from <= cached.at[0]))
      return cached.at;
    let q = xml.indexOf(close, from);
    let at: [number, number] | null = null;
    while (q !== -1) {
      let e = q + close.length;
      while (isSpace(xml[e])) e++;
      if (xml[e] === ">") {
        at = [q, e + 1];
        break;
      }
      q = xml.indexOf(close, q + 1);
    }
    cached = { from, at };
    return at;
  };
  let pos = 0;
  for (;;) {
    const p = xml.indexOf(open, pos);
    if (p === -1) break;
    const after = p + open.length;
    const c = xml[after];
    if (!(c === ">" || c === "/" || isSpace(c))) {
      pos = after;
      continue;
    }
    const gt = xml.indexOf(">", after);
    if (gt === -1) break;
    if (xml[gt - 1] === "/" && (gt - 1 === after || isSpace(c))) {
      out.push({ tag, start: offset + p, inner: "", innerStart: offset + gt + 1 });
      pos = gt + 1;
      continue;
    }
    if (c === "/") {
      pos = after;
      continue;
    }
    const end = closeAfter(gt + 1);
    if (!end) {
      pos = after; // unclosed: not an element
      continue;
    }
    out.push({
      tag,
      start: offset + p,
      inner: xml.slice(gt + 1, end[0]),
      innerStart: offset + gt + 1,
    });
    pos = end[1];
  }
  return out;
}

/** Replace each `open…close` span by `f(content)`, in one pass (an unclosed `open` ends it). */
function replaceSpans(
  s: string,
  open: string,
  close: string,
  f: (whole: string, content: string) => string,
): string {
  let out = "";
  let pos = 0;
  for (;;) {
    const a = s.indexOf(open, pos);
    if (a === -1) break;
    const b = s.indexOf(close, a + open.length);
    if (b === -1) break;
    out += s.slice(pos, a) + f(s.slice(a, b + close.length), s.slice(a + open.length, b));
    pos = b + close.length;
  }
  return out + s.slice(pos);
}

function xmlText(s: string): string {
  return replaceSpans(s, "<![CDATA[", "]]>", (_, content) => content)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

export function parseKtabXml(text: string, file = "<xml>"): SmpScenario {
  const src = replaceSpans(text.replace(/^\uFEFF/, ""), "<!--", "-->", (c) =>
    c.replace(/[^\n]/g, " "),
  );
  const problems: Problem[] = [];
  // Line starts, for line numbers by binary search (not a scan from the start per problem).
  const starts = [0];
  for (let i = src.indexOf("\n"); i !== -1; i = src.indexOf("\n", i + 1)) starts.push(i + 1);
  const lineAt = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const bad = (pos: number, field: string, message: string) =>
    problems.push({ file, line: lineAt(pos), field, message });
  const one = (parent: El, tag: string): El | undefined =>
    children(parent.inner, parent.innerStart, tag)[0];

  const scen = children(src, 0, "Scenario")[0];
  if (!scen) {
    problems.push({
      file,
      line: 1,
      field: "Scenario",
      message: "no <Scenario> element; is this a KTAB SMP XML file?",
    });
    throw new ValidationError(problems);
  }
  const name = xmlText(one(scen, "name")?.inner ?? "");
  const description = xmlText(one(scen, "desc")?.inner ?? "");
  let seed: bigint | undefined;
  const seedEl = one(scen, "prngSeed");
  if (seedEl) {
    const s = xmlText(seedEl.inner);
    if (/^\d{1,20}$/.test(s) && BigInt(s) < 1n << 64n) seed = BigInt(s);
    else if (s !== "")
      bad(seedEl.start, "prngSeed", `must be an unsigned 64-bit integer, got "${s}"`);
  }
  let params: Partial<SmpParams> | undefined;
  const mp = one(scen, "ModelParameters");
  if (mp) {
    params = {};
    for (const key of Object.keys(SMP_PARAM_VALUES) as (keyof SmpParams)[]) {
      const el = one(mp, key);
      if (!el) {
        bad(mp.start, key, `ModelParameters lacks <${key}> (KTAB requires all nine)`);
        continue;
      }
      const v = xmlText(el.inner);
      const err = checkParam(key, v);
      if (err) bad(el.start, key, err);
      else (params as Record<string, string>)[key] = v;
    }
  }
  const dimsEl = one(scen, "Dimensions");
  const dimensions = dimsEl
    ? children(dimsEl.inner, dimsEl.innerStart, "dName").map((d) => xmlText(d.inner))
    : [];
  if (dimensions.length === 0)
    bad(dimsEl?.start ?? scen.start, "Dimensions", "at least one <dName> is required");
  const actorsEl = one(scen, "Actors");
  const actorEls = actorsEl ? children(actorsEl.inner, actorsEl.innerStart, "Actor") : [];
  if (actorEls.length < SMP_LIMITS.minActors || actorEls.length > SMP_LIMITS.maxActors)
    bad(
      actorsEl?.start ?? scen.start,
      "Actors",
      `needs ${SMP_LIMITS.minActors} to ${SMP_LIMITS.maxActors} <Actor> elements, found ${actorEls.length}`,
    );
  const actors: SmpActorInput[] = [];
  const num = (
    el: El | undefined,
    field: string,
    lo: number,
    hi: number,
    where: number,
  ): number => {
    if (!el) {
      bad(where, field, "missing");
      return Number.NaN;
    }
    const s = xmlText(el.inner);
    const x = Number(s);
    if (s === "" || !Number.isFinite(x) || x < lo || x > hi) {
      bad(
        el.start,
        field,
        s === ""
          ? `empty; give a number from ${lo} to ${hi}`
          : `must be a number from ${lo} to ${hi}, got "${s}"`,
      );
      return Number.NaN;
    }
    return x;
  };
  for (const a of actorEls) {
    const aName = xmlText(one(a, "name")?.inner ?? "");
    if (!aName) bad(a.start, "Actor/name", "actor name is empty");
    else if (aName.length > SMP_LIMITS.maxNameLen)
      bad(a.start, "Actor/name", `longer than ${SMP_LIMITS.maxNameLen} characters`);
    const desc = xmlText(one(a, "description")?.inner ?? "");
    const cap = num(one(a, "capability"), `${aName}/capability`, 0, 1e8, a.start);
    const posEl = one(a, "Position");
    const salEl = one(a, "Salience");
    const coords = posEl ? children(posEl.inner, posEl.innerStart, "dCoord") : [];
    const sals = salEl ? children(salEl.inner, salEl.innerStart, "dSal") : [];
    if (coords.length !== dimensions.length)
      bad(
        posEl?.start ?? a.start,
        `${aName}/Position`,
        `has ${coords.length} <dCoord>, expected ${dimensions.length} (one per dimension)`,
      );
    if (sals.length !== dimensions.length)
      bad(
        salEl?.start ?? a.start,
        `${aName}/Salience`,
        `has ${sals.length} <dSal>, expected ${dimensions.length}`,
      );
    const position = coords.map((c, d) =>
      num(c, `${aName}/dCoord[${d + 1}] (${dimensions[d] ?? "?"})`, 0, 100, c.start),
    );
    const salience = sals.map((c, d) =>
      num(c, `${aName}/dSal[${d + 1}] (${dimensions[d] ?? "?"})`, 0, 100, c.start),
    );
    const salSum = salience.reduce((s, x) => s + x, 0);
    if (salSum > 100)
      bad(
        salEl?.start ?? a.start,
        `${aName}/Salience`,
        `saliences sum to ${salSum.toFixed(2)}; at most 100 allowed`,
      );
    actors.push({ name: aName, description: desc, capability: cap, position, salience });
  }
  let accommodation: number[][] | undefined;
  const iad = one(scen, "IdealAdjustment");
  if (iad) {
    const n = actors.length;
    accommodation = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
    );
    const idx = new Map(actors.map((a, i) => [a.name, i]));
    for (const p of children(iad.inner, iad.innerStart, "iaPair")) {
      const ai = xmlText(one(p, "adjustingIdeal")?.inner ?? "");
      const rp = xmlText(one(p, "referencePos")?.inner ?? "");
      const i = idx.get(ai);
      const j = idx.get(rp);
      if (i === undefined)
        bad(p.start, "adjustingIdeal", `"${ai}" is not an actor of this scenario`);
      if (j === undefined) bad(p.start, "referencePos", `"${rp}" is not an actor of this scenario`);
      const v = num(one(p, "adjust"), "adjust", 0, 1, p.start);
      if (i !== undefined && j !== undefined) accommodation[i][j] = v;
    }
    accommodation.forEach((row, i) => {
      const s = row.reduce((a, b) => a + b, 0);
      if (s > 1 + 1e-10)
        bad(
          iad.start,
          "IdealAdjustment",
          `adjustments of ${actors[i].name} sum to ${s.toFixed(3)}; at most 1 allowed`,
        );
    });
  }
  if (problems.length) throw new ValidationError(problems);
  return { name, description, dimensions, actors, params, seed, accommodation, file };
}
