// The focal state's partners at a date, as the server computes them (levels and the sign of the
// signed-graph edge), and their table on the Map (ties listed with their sources, not scored).
import type { PageContext } from "../context.ts";
import type { EdgeJson, LevelJson, Tie } from "../types.ts";
import { activeAt, fmt, h, sourceLink, table } from "../ui.ts";

export const REL = { positive: "#1a9850", negative: "#d73027", none: "#cfd8dc" };

export interface Partner {
  id: string;
  /** Levels from /api/levels (the server's level rule with the scenario's overrides). */
  levels: string[];
  levelBasis: string[];
  /** The scenario's tie records in force at the date (shown with their sources, not scored). */
  ties: Tie[];
  /** The sign of the server's signed-graph edge (/api/network); "none" when it has no edge. */
  relation: keyof typeof REL;
  /** The server's edge score (tie part + event part), when it has an edge. */
  score: number | null;
}

/**
 * The focal state's partners at a date, from what the server computes: levels (/api/levels) and
 * the sign of its signed-graph edge (/api/network). The tie records in force are only listed.
 */
export function partnersFrom(
  focal: string,
  at: string,
  levels: LevelJson[],
  edges: EdgeJson[],
  ties: Tie[],
): Partner[] {
  const ids = new Set<string>(levels.map((l) => l.partner));
  const mine = edges.filter((e) => e.source === focal || e.target === focal);
  for (const e of mine) ids.add(e.source === focal ? e.target : e.source);
  const inForce = ties.filter((t) => (t.a === focal || t.b === focal) && activeAt(t, at));
  ids.delete(focal);
  return [...ids].map((id) => {
    const e = mine.find((x) => x.source === id || x.target === id);
    const ls = levels.filter((l) => l.partner === id);
    return {
      id,
      levels: [...new Set(ls.map((l) => l.level))],
      levelBasis: [...new Set(ls.map((l) => l.basis ?? ""))].filter(Boolean),
      ties: inForce.filter((t) => t.a === id || t.b === id),
      relation: !e ? "none" : e.sign > 0 ? "positive" : e.sign < 0 ? "negative" : "none",
      score:
        e && typeof e.tieScore === "number" && typeof e.eventScore === "number"
          ? e.tieScore + e.eventScore
          : null,
    };
  });
}

/** The partners at a date with their levels, relation and ties (sources linked). */
export function partnersTable(partners: readonly Partner[], ctx: PageContext): HTMLElement {
  return table(
    [...partners].sort((a, b) => a.id.localeCompare(b.id)),
    [
      { key: "p", label: "partner", value: (p) => `${ctx.name(p.id)} (${p.id})` },
      {
        key: "l",
        label: "level",
        value: (p) =>
          p.levels.length
            ? `${p.levels.join(", ")}${p.levelBasis.length ? ` (${p.levelBasis.join(", ")})` : ""}`
            : null,
      },
      {
        key: "r",
        label: "relation (the server's signed network)",
        value: (p) =>
          h(
            "span",
            { class: `rel rel-${p.relation}` },
            p.relation === "none"
              ? "no edge"
              : `${p.relation}${p.score === null ? "" : ` (score ${fmt(p.score, 2)})`}`,
          ),
      },
      {
        key: "t",
        label: "ties and sources",
        value: (p) =>
          p.ties.length
            ? h(
                "ul",
                { class: "plain" },
                ...p.ties.map((t) =>
                  h(
                    "li",
                    {},
                    `${t.domain} ${t.sign > 0 ? "+" : "−"}${fmt(t.strength)}${t.from ? ` from ${t.from}` : ""}${t.to ? ` to ${t.to}` : ""} `,
                    sourceLink(t.source),
                  ),
                ),
              )
            : null,
      },
    ],
  );
}
