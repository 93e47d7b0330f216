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

function children(xml: string, offset: number, tag: string): El[] {
  const out: El[] = [];
  const re = new RegExp(`<${tag}(\\s[^>]*)?(/>|>([\\s\\S]*?)</${tag}\\s*>)`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const inner = m[3] ?? "";
    const innerStart =
      m.index + m[0].length - (m[2] === "/>" ? 0 : inner.length + `</${tag}>`.length);
    out.push({ tag, start: offset + m.index, inner, innerStart: offset + innerStart });
  }
  return out;
}

function xmlText(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

export function parseKtabXml(text: string, file = "<xml>"): SmpScenario {
  const src = text
    .replace(/^\uFEFF/, "")
    .replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
  const problems: Problem[] = [];
  const lineAt = (pos: number) => src.slice(0, pos).split("\n").length;
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
