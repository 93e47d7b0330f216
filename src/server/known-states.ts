import type { Operation } from "../ops/define.ts";
import { HttpError, type ServerContext } from "./context.ts";

/**
 * Parameters that name a state a measure is about (the focal state, a partner, a corridor
 * country). An unknown code there is a 404, never a 200 with empty rows (event actor codes, which
 * may be CAMEO codes of sub-state actors, are not checked).
 */
export const STATE_PARAMS = ["focal", "with", "country"] as const;

/**
 * Codes this server knows: every state in the reference panel (ISO3 and COW abbreviations, from
 * the crosswalk and the state list) and every actor of every served scenario (which adds blocs
 * such as EU). Computed once per server.
 */
export function knownStates(ctx: ServerContext): Promise<Set<string>> {
  // Kept beside the context (not in its answer cache, which may go to disk as JSON).
  let p = known.get(ctx);
  if (!p) {
    p = (async () => {
      const panel = await ctx.panel();
      const rows = (await panel.all(
        "select iso3 as c from ref_crosswalk union select stateabb from ref_crosswalk union select iso3 from ref_states union select stateabb from ref_states",
      )) as { c: string | null }[];
      const out = new Set(rows.flatMap((r) => (r.c ? [r.c.toUpperCase()] : [])));
      for (const id of ctx.scenarioIds()) {
        let actors: { id: string }[];
        try {
          actors = ctx.scenario(id).actors;
        } catch {
          continue; // an invalid scenario answers its own error when it is asked for
        }
        for (const a of actors) out.add(a.id.toUpperCase());
      }
      return out;
    })();
    known.set(ctx, p);
    p.catch(() => known.delete(ctx));
  }
  return p;
}

const known = new WeakMap<ServerContext, Promise<Set<string>>>();

/** Operations that judge the state themselves (levels: 422 for a state outside the COW list). */
export const CHECKS_OWN_STATES = new Set(["levels"]);

/** 404 when a state parameter of `op` names a code the server does not know. */
export async function checkKnownStates(
  ctx: ServerContext,
  op: Operation,
  params: Record<string, unknown>,
): Promise<void> {
  if (CHECKS_OWN_STATES.has(op.name)) return;
  const given = STATE_PARAMS.flatMap((k) => {
    const prm = op.params[k];
    if (!prm || (prm.spec.kind !== "code" && prm.spec.kind !== "codes")) return [];
    const v = params[k];
    return (typeof v === "string" ? [v] : Array.isArray(v) ? v : []).map((c) => [k, c] as const);
  });
  if (given.length === 0) return;
  const known = await knownStates(ctx);
  const unknown = given.filter(([, c]) => !known.has(String(c).toUpperCase()));
  if (unknown.length > 0)
    throw new HttpError(
      404,
      unknown
        .map(([k, c]) => `${k}: no state or actor "${c}" in the panel or the scenarios`)
        .join("; "),
    );
}
