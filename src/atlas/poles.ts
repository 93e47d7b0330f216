import { ATLAS_DEFAULTS } from "./defaults.ts";
import type { Poles } from "./types.ts";

const POLE_ID = /^[A-Z][A-Z0-9_-]{0,15}$/;
const ISO3 = /^[A-Z]{3}$/;

/**
 * Parse `WEST=USA,GBR,FRA;RUS=RUS;CHN=CHN` (poles separated by `;`, members by `,`). Poles not
 * named keep no default: the text names every pole. At least two poles, each with a member, no
 * state in two poles.
 */
export function parsePoles(text: string): Poles {
  const out: Poles = {};
  for (const part of text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([^=]+)=(.*)$/.exec(part);
    if (!m) throw new Error(`poles: "${part}" is not POLE=ISO3,ISO3 (e.g. WEST=USA,GBR)`);
    const id = m[1].trim().toUpperCase();
    if (!POLE_ID.test(id)) throw new Error(`poles: "${m[1]}" is not a pole id (letters, digits)`);
    if (out[id]) throw new Error(`poles: pole ${id} is named twice`);
    const members = m[2]
      .split(",")
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean);
    out[id] = members;
  }
  return checkPoles(out);
}

/** Validate poles: 2–8 poles, each 1–50 ISO3 members, no state in two poles. */
export function checkPoles(poles: Poles): Poles {
  const ids = Object.keys(poles);
  if (ids.length < 2 || ids.length > 8)
    throw new Error(`poles: need 2 to 8 poles, got ${ids.length}`);
  const seen = new Map<string, string>();
  for (const id of ids) {
    if (!POLE_ID.test(id)) throw new Error(`poles: "${id}" is not a pole id (letters, digits)`);
    const members = poles[id];
    if (!Array.isArray(members) || members.length === 0 || members.length > 50)
      throw new Error(`poles: pole ${id} needs 1 to 50 member states`);
    for (const m of members) {
      if (!ISO3.test(m)) throw new Error(`poles: ${id}: "${m}" is not an ISO3 code`);
      const other = seen.get(m);
      if (other) throw new Error(`poles: ${m} is in both ${other} and ${id}`);
      seen.set(m, id);
    }
  }
  return Object.fromEntries(ids.map((id) => [id, [...new Set(poles[id])]]));
}

/** The default poles (a fresh copy). */
export function defaultPoles(): Poles {
  return Object.fromEntries(Object.entries(ATLAS_DEFAULTS.poles).map(([k, v]) => [k, [...v]]));
}

/** `WEST=USA;RUS=RUS;CHN=CHN`: the text form of poles (what `parsePoles` reads). */
export function formatPoles(poles: Poles): string {
  return Object.entries(poles)
    .map(([k, v]) => `${k}=${v.join(",")}`)
    .join(";");
}
