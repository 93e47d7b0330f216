import { cameoActorPrefix, cameoCountry, fipsCountry, type Mapped } from "./actor-normalise.ts";
import type { Dataset } from "./event-row.ts";
import { LINE_BAD_UTF8, LINE_NUL, type LineHandler } from "./line-scanner.ts";
import { type ParseContext, validYmd } from "./parse-context.ts";
import { quadOf } from "./quad-schemes.ts";

/**
 * Field positions (0-based) in the three GDELT event layouts. GDELT 1.0 backfile rows have 57
 * fields, 1.0 daily rows 58 (SOURCEURL added at the end), 2.0 rows 61 (an ADM2 code after each
 * ADM1 code, DATEADDED as YYYYMMDDHHMMSS). Widths are detected per line: files may mix them.
 */
export interface GdeltLayout {
  dataset: Dataset;
  width: number;
  actionGeoCountry: number;
  dateAdded: number;
  url: number | null;
}
export const GDELT_LAYOUTS: Readonly<Record<number, GdeltLayout>> = {
  57: { dataset: "gdelt1", width: 57, actionGeoCountry: 51, dateAdded: 56, url: null },
  58: { dataset: "gdelt1", width: 58, actionGeoCountry: 51, dateAdded: 56, url: 57 },
  61: { dataset: "gdelt2", width: 61, actionGeoCountry: 53, dateAdded: 59, url: 60 },
};
// Shared by all layouts.
const F = {
  id: 0,
  sqlDate: 1,
  actor1Code: 5,
  actor1Country: 7,
  actor2Code: 15,
  actor2Country: 17,
  isRoot: 25,
  eventCode: 26,
  rootCode: 28,
  quad: 29,
  goldstein: 30,
  numArticles: 33,
};

const DIGITS = /^\d+$/;
const CODE = /^\d{2,4}$/;

/**
 * A line handler for raw GDELT event files (tab-separated, no header, no quoting). Each line is
 * checked (width, UTF-8, binary bytes, date, event code, numbers), normalised and emitted, or
 * rejected with a reason.
 */
export function gdeltParser(ctx: ParseContext): LineHandler {
  const tabs = new Int32Array(64);
  const countryCache = new Map<string, Mapped>();
  const fipsCache = new Map<string, Mapped>();
  const rootQuad = new Map<string, number | null>();
  const country = (raw: string): Mapped => {
    let m = countryCache.get(raw);
    if (!m) {
      m = cameoCountry(raw);
      countryCache.set(raw, m);
    }
    return m;
  };
  const fips = (raw: string): Mapped => {
    let m = fipsCache.get(raw);
    if (!m) {
      m = fipsCountry(raw);
      fipsCache.set(raw, m);
    }
    return m;
  };
  return (buf, s, e, line, flags) => {
    if (flags & LINE_NUL) return ctx.reject(line, "binary-data", "line contains NUL bytes");
    if (flags & LINE_BAD_UTF8)
      return ctx.reject(line, "invalid-utf8", "line is not valid UTF-8 (GDELT files are UTF-8)");
    let n = 0;
    for (let i = s; i < e; i++) {
      if (buf[i] === 9) {
        if (n < 64) tabs[n] = i;
        n++;
      }
    }
    const layout = GDELT_LAYOUTS[n + 1];
    if (!layout)
      return ctx.reject(
        line,
        "wrong-column-count",
        `${n + 1} tab-separated fields; GDELT 1.0 has 57 or 58, GDELT 2.0 has 61`,
      );
    const field = (k: number, enc: "latin1" | "utf8" = "latin1"): string =>
      buf.toString(enc, k === 0 ? s : tabs[k - 1] + 1, k === n ? e : tabs[k]);

    const id = field(F.id);
    if (!DIGITS.test(id))
      return ctx.reject(line, "bad-number", `GLOBALEVENTID "${id.slice(0, 30)}" is not an integer`);
    const d = field(F.sqlDate);
    const y = Number(d.slice(0, 4));
    const mo = Number(d.slice(4, 6));
    const da = Number(d.slice(6, 8));
    if (d.length !== 8 || !DIGITS.test(d) || !validYmd(y, mo, da))
      return ctx.reject(line, "bad-date", `SQLDATE "${d.slice(0, 20)}" is not a YYYYMMDD date`);
    const code = field(F.eventCode);
    if (code === "") return ctx.reject(line, "missing-event-code", "EventCode is empty");
    const goldstein = ctx.goldstein.get(code);
    if (!CODE.test(code) || goldstein === undefined)
      return ctx.reject(
        line,
        "unknown-event-code",
        `EventCode "${code.slice(0, 20)}" is not in the Goldstein table`,
      );
    const gText = field(F.goldstein);
    const sourceGoldstein = gText === "" ? null : Number(gText);
    if (sourceGoldstein !== null && !Number.isFinite(sourceGoldstein))
      return ctx.reject(
        line,
        "bad-number",
        `GoldsteinScale "${gText.slice(0, 20)}" is not a number`,
      );
    const qText = field(F.quad);
    const sourceQuad = qText === "" ? null : Number(qText);
    if (
      sourceQuad !== null &&
      !(sourceQuad >= 1 && sourceQuad <= 4 && Number.isInteger(sourceQuad))
    )
      return ctx.reject(line, "bad-number", `QuadClass "${qText.slice(0, 20)}" is not 1–4`);
    const aText = field(F.numArticles);
    const numArticles = aText === "" ? null : Number(aText);
    if (numArticles !== null && !Number.isInteger(numArticles))
      return ctx.reject(
        line,
        "bad-number",
        `NumArticles "${aText.slice(0, 20)}" is not an integer`,
      );

    const root = code.slice(0, 2);
    let quad = rootQuad.get(root);
    if (quad === undefined) {
      quad = quadOf(ctx.quadScheme, root);
      rootQuad.set(root, quad);
    }
    if (field(F.rootCode) !== root) ctx.warn("root-code-differs-from-event-code");
    if (sourceGoldstein !== null && sourceGoldstein !== goldstein)
      ctx.warn("goldstein-differs-from-table");
    if (sourceQuad !== null && quad !== null && sourceQuad !== quad)
      ctx.warn("quad-differs-from-scheme");

    const a1Code = field(F.actor1Code, "utf8");
    const a1Raw = field(F.actor1Country, "utf8");
    const a2Code = field(F.actor2Code, "utf8");
    const a2Raw = field(F.actor2Country, "utf8");
    let m1 = country(a1Raw);
    if (m1.rule === null) m1 = cameoActorPrefix(a1Code);
    let m2 = country(a2Raw);
    if (m2.rule === null) m2 = cameoActorPrefix(a2Code);
    if (m1.rule === "unknown" || m2.rule === "unknown") ctx.warn("unmapped-actor-code");
    const locRaw = field(layout.actionGeoCountry);
    const loc = fips(locRaw);
    const isRoot = field(F.isRoot);

    ctx.emit({
      line,
      dataset: layout.dataset,
      sourceKey: id,
      date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
      dateAdded: field(layout.dateAdded) || null,
      sourceActor: a1Code || null,
      sourceRaw: a1Raw || null,
      sourceIso3: m1.iso3,
      sourceRule: m1.rule,
      targetActor: a2Code || null,
      targetRaw: a2Raw || null,
      targetIso3: m2.iso3,
      targetRule: m2.rule,
      eventCode: code,
      cameoRoot: root,
      ploverType: null,
      ploverMode: null,
      goldstein,
      sourceGoldstein,
      quad,
      sourceQuad,
      locationRaw: locRaw || null,
      locationIso3: loc.iso3,
      numArticles,
      isRoot: isRoot === "1" ? true : isRoot === "0" ? false : null,
      url: layout.url === null ? null : field(layout.url, "utf8") || null,
    });
  };
}
