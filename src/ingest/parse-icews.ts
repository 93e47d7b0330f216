import { countryName, type Mapped } from "./actor-normalise.ts";
import type { LineHandler } from "./line-scanner.ts";
import { isoDate, num, type ParseContext } from "./parse-context.ts";
import { quadOf } from "./quad-schemes.ts";
import { headerIndex, textLines } from "./text-line.ts";

const NEED = [
  "Event ID",
  "Event Date",
  "Source Name",
  "Source Country",
  "CAMEO Code",
  "Intensity",
  "Target Name",
  "Target Country",
];

const na = (s: string | undefined): string | null =>
  s === undefined || s === "" || s === "NA" ? null : s;

/**
 * ICEWS coded event data (Dataverse .tab: tab-separated, header, `NA` for missing, country
 * names). The key is (Event ID, Event Date): Event ID alone is not unique in ICEWS.
 */
export function icewsParser(ctx: ParseContext, path: string): LineHandler {
  let idx: Map<string, number> | undefined;
  let width = 0;
  const cache = new Map<string, Mapped>();
  const country = (raw: string | null): Mapped => {
    if (raw === null) return { iso3: null, rule: null };
    let m = cache.get(raw);
    if (!m) {
      m = countryName(raw);
      cache.set(raw, m);
    }
    return m;
  };
  return textLines(ctx, (text, line) => {
    const f = text.split("\t");
    if (!idx) {
      idx = headerIndex(f, path, "ICEWS", NEED);
      width = f.length;
      return;
    }
    if (f.length !== width)
      return ctx.reject(
        line,
        "wrong-column-count",
        `${f.length} tab-separated fields, the header has ${width}`,
      );
    const g = (name: string) => na(f[idx!.get(name.toLowerCase())!]);
    const dText = g("Event Date");
    const date = isoDate(dText);
    if (!date) return ctx.reject(line, "bad-date", `Event Date "${dText ?? ""}" is not YYYY-MM-DD`);
    const code = g("CAMEO Code")?.trim() ?? null;
    if (!code) return ctx.reject(line, "missing-event-code", "CAMEO Code is empty");
    const goldstein = ctx.goldstein.get(code);
    if (goldstein === undefined)
      return ctx.reject(
        line,
        "unknown-event-code",
        `CAMEO Code "${code.slice(0, 20)}" is not in the Goldstein table`,
      );
    const intensity = num(g("Intensity"));
    if (intensity === undefined)
      return ctx.reject(line, "bad-number", `Intensity "${g("Intensity")}" is not a number`);
    if (intensity !== null && intensity !== goldstein) ctx.warn("goldstein-differs-from-table");
    const sRaw = g("Source Country");
    const tRaw = g("Target Country");
    const s = country(sRaw);
    const t = country(tRaw);
    if (s.rule === "unknown" || t.rule === "unknown") ctx.warn("unmapped-actor-code");
    const locRaw = idx.has("country") ? g("Country") : null;
    const root = code.slice(0, 2);
    const id = g("Event ID");
    ctx.emit({
      line,
      dataset: "icews",
      sourceKey: id === null ? null : `${id}|${date}`,
      date,
      dateAdded: null,
      sourceActor: g("Source Name"),
      sourceRaw: sRaw,
      sourceIso3: s.iso3,
      sourceRule: s.rule,
      targetActor: g("Target Name"),
      targetRaw: tRaw,
      targetIso3: t.iso3,
      targetRule: t.rule,
      eventCode: code,
      cameoRoot: root,
      ploverType: null,
      ploverMode: null,
      goldstein,
      sourceGoldstein: intensity,
      quad: quadOf(ctx.quadScheme, root),
      sourceQuad: null,
      locationRaw: locRaw,
      locationIso3: country(locRaw).iso3,
      numArticles: null,
      isRoot: null,
      url: null,
    });
  });
}
