import { type ActorScheme, cameoActorPrefix, type Mapped, mapActor } from "./actor-normalise.ts";
import type { LineHandler } from "./line-scanner.ts";
import { isoDate, num, type ParseContext } from "./parse-context.ts";
import { quadOf } from "./quad-schemes.ts";
import { headerIndex, textLines } from "./text-line.ts";

/**
 * How the columns of a delimited file with a header map onto events. Column names are matched
 * case-insensitively. Required: date, source, target, code.
 */
export interface CsvMapping {
  delimiter?: string;
  /** Values meaning "missing" besides the empty string (default ["NA"]). */
  na?: string[];
  date: string;
  source: string;
  target: string;
  code: string;
  /** Scheme of the source/target columns (default "cameo"). */
  actorScheme?: ActorScheme;
  sourceActor?: string;
  targetActor?: string;
  id?: string;
  goldstein?: string;
  quad?: string;
  url?: string;
  location?: string;
  locationScheme?: ActorScheme;
  numArticles?: string;
  isRoot?: string;
  dateAdded?: string;
}

export const CSV_MAPPING_KEYS = [
  "date",
  "source",
  "target",
  "code",
  "sourceActor",
  "targetActor",
  "id",
  "goldstein",
  "quad",
  "url",
  "location",
  "numArticles",
  "isRoot",
  "dateAdded",
] as const;

/** GDELT events exported with a header (BigQuery, R): comma-separated, quoted, `NA`. */
export const GDELT_CSV_PRESET: CsvMapping = {
  delimiter: ",",
  na: ["NA"],
  date: "SQLDATE",
  source: "Actor1CountryCode",
  target: "Actor2CountryCode",
  code: "EventCode",
  actorScheme: "cameo",
  sourceActor: "Actor1Code",
  targetActor: "Actor2Code",
  id: "GLOBALEVENTID",
  goldstein: "GoldsteinScale",
  quad: "QuadClass",
  url: "SOURCEURL",
  location: "ActionGeo_CountryCode",
  locationScheme: "fips",
  numArticles: "NumArticles",
  isRoot: "IsRootEvent",
  dateAdded: "DATEADDED",
};

export const CSV_PRESETS: Readonly<Record<string, CsvMapping>> = { "gdelt-csv": GDELT_CSV_PRESET };

/**
 * Split one delimited line (RFC 4180 quoting on one line: "a ""b""" → a "b"). Returns undefined
 * for an unterminated quote.
 */
export function splitDelimited(text: string, delim: string): string[] | undefined {
  if (!text.includes('"')) return text.split(delim);
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    if (text[i] === '"') {
      let v = "";
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) return undefined;
        v += text.slice(i, q);
        if (text[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(v);
      if (i >= n) return out;
      if (text.startsWith(delim, i)) i += delim.length;
      else return undefined;
    } else {
      const d = text.indexOf(delim, i);
      if (d === -1) {
        out.push(text.slice(i));
        return out;
      }
      out.push(text.slice(i, d));
      i = d + delim.length;
    }
    if (i === n) {
      out.push("");
      return out;
    }
  }
}

/** A generic delimited file with a header, read through a column mapping. */
export function csvParser(ctx: ParseContext, path: string, map: CsvMapping): LineHandler {
  const delim = map.delimiter ?? ",";
  const naSet = new Set(["", ...(map.na ?? ["NA"])]);
  const scheme = map.actorScheme ?? "cameo";
  const locScheme = map.locationScheme ?? scheme;
  let idx: Map<string, number> | undefined;
  let width = 0;
  const cache = new Map<string, Mapped>();
  const actor = (raw: string | null, actorCode: string | null): Mapped => {
    if (raw === null)
      return scheme === "cameo" ? cameoActorPrefix(actorCode) : { iso3: null, rule: null };
    let m = cache.get(raw);
    if (!m) {
      m = mapActor(scheme, raw);
      cache.set(raw, m);
    }
    return m;
  };
  return textLines(ctx, (text, line) => {
    const f = splitDelimited(text, delim);
    if (!idx) {
      if (!f) throw new Error(`${path}:1: the header has an unterminated quote`);
      const need = [map.date, map.source, map.target, map.code];
      for (const k of CSV_MAPPING_KEYS) {
        const col = map[k];
        if (col && !need.includes(col)) need.push(col);
      }
      idx = headerIndex(f, path, "mapped CSV (check the column mapping)", need);
      width = f.length;
      return;
    }
    if (!f) return ctx.reject(line, "wrong-column-count", "unterminated quoted field");
    if (f.length !== width)
      return ctx.reject(line, "wrong-column-count", `${f.length} fields, the header has ${width}`);
    const g = (col: string | undefined): string | null => {
      if (!col) return null;
      const v = f[idx!.get(col.toLowerCase())!];
      return v === undefined || naSet.has(v.trim()) ? null : v;
    };
    const date = isoDate(g(map.date));
    if (!date)
      return ctx.reject(line, "bad-date", `${map.date} "${g(map.date) ?? ""}" is not a date`);
    const code = g(map.code)?.trim() ?? null;
    if (!code) return ctx.reject(line, "missing-event-code", `${map.code} is empty`);
    const goldstein = ctx.goldstein.get(code);
    if (goldstein === undefined)
      return ctx.reject(
        line,
        "unknown-event-code",
        `${map.code} "${code.slice(0, 20)}" is not in the Goldstein table`,
      );
    const sg = num(g(map.goldstein));
    if (sg === undefined) return ctx.reject(line, "bad-number", `${map.goldstein} is not a number`);
    const sq = num(g(map.quad));
    if (sq === undefined || (sq !== null && !(sq >= 1 && sq <= 4)))
      return ctx.reject(line, "bad-number", `${map.quad} is not 1–4`);
    const na = num(g(map.numArticles));
    if (na === undefined)
      return ctx.reject(line, "bad-number", `${map.numArticles} is not a number`);
    const root = code.slice(0, 2);
    const quad = quadOf(ctx.quadScheme, root);
    if (sg !== null && sg !== goldstein) ctx.warn("goldstein-differs-from-table");
    if (sq !== null && quad !== null && sq !== quad) ctx.warn("quad-differs-from-scheme");
    const sActor = g(map.sourceActor);
    const tActor = g(map.targetActor);
    const sRaw = g(map.source);
    const tRaw = g(map.target);
    const s = actor(sRaw, sActor);
    const t = actor(tRaw, tActor);
    if (s.rule === "unknown" || t.rule === "unknown") ctx.warn("unmapped-actor-code");
    const locRaw = g(map.location);
    const root01 = g(map.isRoot);
    ctx.emit({
      line,
      dataset: "csv",
      sourceKey: g(map.id),
      date,
      dateAdded: g(map.dateAdded),
      sourceActor: sActor,
      sourceRaw: sRaw,
      sourceIso3: s.iso3,
      sourceRule: s.rule,
      targetActor: tActor,
      targetRaw: tRaw,
      targetIso3: t.iso3,
      targetRule: t.rule,
      eventCode: code,
      cameoRoot: root,
      ploverType: null,
      ploverMode: null,
      goldstein,
      sourceGoldstein: sg,
      quad,
      sourceQuad: sq,
      locationRaw: locRaw,
      locationIso3: locRaw === null ? null : mapActor(locScheme, locRaw).iso3,
      numArticles: na,
      isRoot: root01 === "1" ? true : root01 === "0" ? false : null,
      url: g(map.url),
    });
  });
}
