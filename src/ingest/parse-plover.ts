import { cameoCountry, countryName, type Mapped } from "./actor-normalise.ts";
import type { EventRow } from "./event-row.ts";
import type { LineHandler } from "./line-scanner.ts";
import { isoDate, num, type ParseContext } from "./parse-context.ts";
import { ploverType } from "./plover-types.ts";
import { headerIndex, textLines } from "./text-line.ts";

export interface FormatParser {
  onLine: LineHandler;
  /** Called after the last line (formats that need the whole file, e.g. a JSON array). */
  finish?: () => void;
}

/** Largest JSON array read whole; bigger files should be JSON Lines (one record per line). */
export const MAX_JSON_ARRAY_BYTES = 256 * 1024 * 1024;

type Entity = Record<string, unknown>;

function entities(v: unknown): Entity[] {
  if (Array.isArray(v)) return v.filter((x): x is Entity => !!x && typeof x === "object");
  if (v && typeof v === "object") return [v as Entity];
  if (typeof v === "string" && v.trim()) return [{ country_name: v }];
  return [];
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

/**
 * The first listed entity stands for the side (PLOVER keeps compound actors as lists and does not
 * expand them into one event per member; neither do we). A CAMEO-style `code` is preferred, then a
 * country name or ISO3 code.
 */
function side(list: Entity[]): { text: string | null; raw: string | null; m: Mapped } {
  const text = list
    .map((e) => str(e.actorText) ?? str(e.entity_name) ?? str(e.raw_text))
    .filter(Boolean);
  const e = list[0];
  if (!e) return { text: null, raw: null, m: { iso3: null, rule: null } };
  const code = str(e.code);
  if (code) return { text: text.join("; ") || null, raw: code, m: cameoCountry(code) };
  const c = str(e.country_name) ?? str(e.country) ?? str(e.country_code);
  return { text: text.join("; ") || null, raw: c, m: countryName(c) };
}

/** One PLOVER JSON record (current or 0.5b1 field names) → a row, or a reject. */
function fromRecord(ctx: ParseContext, rec: unknown, line: number): void {
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) {
    ctx.reject(line, "bad-json", "record is not a JSON object");
    return;
  }
  const r = rec as Record<string, unknown>;
  const rawType = str(r.event) ?? (Array.isArray(r.event) ? str(r.event[0]) : null);
  const rawMode = str(r.mode) ?? (Array.isArray(r.mode) ? str(r.mode[0]) : null);
  const t = ploverType(rawType, rawMode);
  if (!t) {
    ctx.reject(line, "not-an-event", `event "${rawType ?? ""}" is not a PLOVER event type`);
    return;
  }
  const date = isoDate(str(r.date));
  if (!date) {
    ctx.reject(line, "bad-date", `date "${String(r.date ?? "")}" is not YYYY-MM-DD`);
    return;
  }
  const s = side(entities(r.actor ?? r.source));
  const tg = side(entities(r.recipient ?? r.target));
  if (s.m.rule === "unknown" || tg.m.rule === "unknown") ctx.warn("unmapped-actor-code");
  const loc = (r.event_loc ?? r.eventLoc) as Record<string, unknown> | undefined;
  const locRaw =
    loc && typeof loc === "object" ? (str(loc.country_code) ?? str(loc.country)) : null;
  const q = num(typeof r.quad_code === "number" ? String(r.quad_code) : str(r.quad_code));
  ctx.emit(row(line, "plover", str(r.id), date, s, tg, t, null, q ?? null, locRaw, str(r.link)));
}

function row(
  line: number,
  dataset: "plover" | "polecat",
  key: string | null,
  date: string,
  s: ReturnType<typeof side>,
  tg: ReturnType<typeof side>,
  t: NonNullable<ReturnType<typeof ploverType>>,
  sourceGoldstein: number | null,
  sourceQuad: number | null,
  locRaw: string | null,
  url: string | null,
): EventRow {
  return {
    line,
    dataset,
    sourceKey: key,
    date,
    dateAdded: null,
    sourceActor: s.text,
    sourceRaw: s.raw,
    sourceIso3: s.m.iso3,
    sourceRule: s.m.rule,
    targetActor: tg.text,
    targetRaw: tg.raw,
    targetIso3: tg.m.iso3,
    targetRule: tg.m.rule,
    eventCode: null,
    cameoRoot: null,
    ploverType: t.type,
    ploverMode: t.mode,
    goldstein: t.score,
    sourceGoldstein,
    quad: t.quad,
    sourceQuad: sourceQuad !== null && sourceQuad >= 1 && sourceQuad <= 4 ? sourceQuad : null,
    locationRaw: locRaw,
    locationIso3: countryName(locRaw).iso3,
    numArticles: null,
    isRoot: null,
    url,
  };
}

const POLECAT_NEED = ["Event ID", "Event Date", "Event Type", "Actor Country", "Recipient Country"];

const none = (s: string | undefined): string | null =>
  s === undefined || s === "" || s === "None" || s === "NA" ? null : s;

/**
 * PLOVER records: a JSON array (read whole, up to MAX_JSON_ARRAY_BYTES), JSON Lines, or the
 * POLECAT tab-separated release files (header, `None` for missing, `; `-separated lists).
 */
export function ploverParser(ctx: ParseContext, path: string): FormatParser {
  let mode: "array" | "jsonl" | "polecat" | undefined;
  const parts: string[] = [];
  let arrayBytes = 0;
  let idx: Map<string, number> | undefined;
  let width = 0;
  const onText = (text: string, line: number) => {
    if (!mode) {
      const c = text.trimStart()[0];
      mode = c === "[" ? "array" : c === "{" ? "jsonl" : "polecat";
    }
    if (mode === "array") {
      arrayBytes += text.length + 1;
      if (arrayBytes > MAX_JSON_ARRAY_BYTES)
        throw new Error(
          `${path}: JSON array over ${MAX_JSON_ARRAY_BYTES >> 20} MB: convert it to JSON Lines (one record per line)`,
        );
      parts.push(text);
      return;
    }
    if (mode === "jsonl") {
      if (text.trim() === "") return;
      let rec: unknown;
      try {
        rec = JSON.parse(text);
      } catch (e) {
        return ctx.reject(line, "bad-json", (e as Error).message.slice(0, 120));
      }
      return fromRecord(ctx, rec, line);
    }
    // POLECAT TSV
    const f = text.split("\t");
    if (!idx) {
      idx = headerIndex(f, path, "POLECAT", POLECAT_NEED);
      width = f.length;
      return;
    }
    if (f.length < width)
      return ctx.reject(line, "wrong-column-count", `${f.length} fields, the header has ${width}`);
    const g = (name: string) => {
      const i = idx!.get(name.toLowerCase());
      return i === undefined ? null : none(f[i]);
    };
    const first = (v: string | null) => (v === null ? null : v.split(";")[0].trim() || null);
    const t = ploverType(g("Event Type"), g("Event Mode"));
    if (!t)
      return ctx.reject(
        line,
        "not-an-event",
        `Event Type "${g("Event Type") ?? ""}" is not a PLOVER type`,
      );
    const date = isoDate(g("Event Date"));
    if (!date)
      return ctx.reject(line, "bad-date", `Event Date "${g("Event Date") ?? ""}" is not a date`);
    const intensity = num(g("Event Intensity") ?? g("Intensity"));
    if (intensity === undefined)
      return ctx.reject(line, "bad-number", "Event Intensity is not a number");
    const quad = num(g("Quad Code"));
    if (quad === undefined) return ctx.reject(line, "bad-number", "Quad Code is not a number");
    const sc = first(g("Actor Country"));
    const tc = first(g("Recipient Country"));
    const s = { text: g("Actor Name"), raw: sc, m: countryName(sc) };
    const tg = { text: g("Recipient Name"), raw: tc, m: countryName(tc) };
    if (s.m.rule === "unknown" || tg.m.rule === "unknown") ctx.warn("unmapped-actor-code");
    ctx.emit(
      row(line, "polecat", g("Event ID"), date, s, tg, t, intensity, quad, g("Country"), null),
    );
  };
  return {
    onLine: textLines(ctx, onText),
    finish: () => {
      if (mode !== "array") return;
      let recs: unknown;
      try {
        recs = JSON.parse(parts.join("\n"));
      } catch (e) {
        return ctx.reject(1, "bad-json", `not a JSON array: ${(e as Error).message.slice(0, 120)}`);
      }
      if (!Array.isArray(recs)) return ctx.reject(1, "bad-json", "not a JSON array");
      // Records of a JSON array are numbered 1, 2, … (record number, not line).
      for (const [i, r] of recs.entries()) fromRecord(ctx, r, i + 1);
    },
  };
}
