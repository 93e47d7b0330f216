import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { loadPeerGroups, parsePeerSpecs, peerSyntax } from "../atlas/peers.ts";
import { type Problem, ValidationError } from "../data/problem.ts";
import { PERIOD_PATTERN } from "./periods.ts";
import { RULE_SCHEMAS } from "./rules/schemas.ts";

/** The claims file of a scenario folder. */
export const CLAIMS_FILE = "claims.yaml";

const iso = z.string().regex(/^[A-Z][A-Z0-9_]{1,11}$/, "an actor code such as AZE");
const period = z
  .string()
  .regex(PERIOD_PATTERN, 'a period: "YYYY", "YYYY-YYYY" or a date "YYYY-MM-DD"');

/** A named set of comparable states: listed (with a source), or derived from the data. */
export const PeerSetSpec = z
  .object({
    name: z.string().min(1),
    /** Listed states (cite `source`). */
    members: z.array(iso).optional(),
    /** Members of an organisation in the scenario's memberships.csv (full statuses only). */
    organisation: iso.optional(),
    /** States from the reference panel's state list (COW state system). */
    panel: z
      .object({
        enteredYear: z.number().int(),
        ccodeRanges: z.array(z.tuple([z.number().int(), z.number().int()])).min(1),
        include: z.array(iso).default([]),
      })
      .strict()
      .optional(),
    source: z.string().min(1),
    note: z.string().optional(),
  })
  .strict()
  .refine(
    (p) => [p.members, p.organisation, p.panel].filter((x) => x !== undefined).length === 1,
    "give exactly one of members, organisation or panel",
  );
export type PeerSetSpec = z.infer<typeof PeerSetSpec>;

export const ClaimSpec = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and -"),
    /** The seed's words. */
    claim: z.string().min(1),
    /** The measure it runs, in words. */
    measure: z.string().min(1),
    /** The ANA command that shows the figures ({focal} is replaced by the focal state). */
    command: z.string().startsWith("ana "),
    periods: z.record(z.string(), z.union([period, z.array(period).min(1)])),
    rule: z.discriminatedUnion("kind", RULE_SCHEMAS),
    /** Sources beyond the data's own (which the rule adds). */
    sources: z.array(z.string()).default([]),
  })
  .strict();
export type ClaimSpec = z.infer<typeof ClaimSpec>;

export const ClaimsFile = z
  .object({
    seed: z
      .object({ title: z.string(), authors: z.string(), published: z.string(), where: z.string() })
      .strict()
      .optional(),
    peers: z.record(z.string(), PeerSetSpec).default({}),
    claims: z.array(ClaimSpec),
  })
  .strict();
export type ClaimsFile = z.infer<typeof ClaimsFile>;

/** The line (1-based) of the YAML node at a path, or of the nearest ancestor that exists. */
function lineOf(
  doc: ReturnType<typeof parseDocument>,
  lc: LineCounter,
  path: (string | number)[],
): number {
  for (let k = path.length; k >= 0; k--) {
    const node = doc.getIn(path.slice(0, k), true) as { range?: [number, number, number] } | null;
    if (node && typeof node === "object" && node.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}

/**
 * Parse and validate a claims file. Every problem is reported with its file, line and field
 * (`claims[3].rule.threshold`); a file with problems is rejected whole (ValidationError).
 */
export function parseClaims(text: string, file: string): ClaimsFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true });
  const problems: Problem[] = [];
  for (const e of doc.errors)
    problems.push({
      file,
      line: e.linePos?.[0]?.line ?? 0,
      field: "(yaml)",
      message: `not valid YAML: ${e.message.split("\n")[0]}`,
    });
  if (problems.length > 0) throw new ValidationError(problems);
  const raw = doc.toJS();
  const r = ClaimsFile.safeParse(raw);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      problems.push({
        file,
        line: lineOf(doc, lc, path),
        field: path.map((p, i) => (typeof p === "number" ? `[${p}]` : i ? `.${p}` : p)).join(""),
        message: issue.message,
      });
    }
    throw new ValidationError(problems);
  }
  const seen = new Map<string, number>();
  const claims = doc.get("claims", true);
  r.data.claims.forEach((c, i) => {
    const line = lineOf(doc, lc, ["claims", i, "id"]);
    if (seen.has(c.id))
      problems.push({
        file,
        line,
        field: `claims[${i}].id`,
        message: `duplicate id "${c.id}" (first on line ${seen.get(c.id)})`,
      });
    else seen.set(c.id, line);
    for (const name of peerRefs(c))
      if (!(name in r.data.peers) && !isPeerGroup(name))
        problems.push({
          file,
          line: lineOf(doc, lc, ["claims", i, "rule", "peers"]),
          field: `claims[${i}].rule.peers`,
          message: `no peer set "${name}" under peers: (have ${Object.keys(r.data.peers).join(", ") || "none"}), and not a peer group of data/peers/ (${peerSyntax(loadPeerGroups())})`,
        });
  });
  if (!isSeq(claims) && claims !== undefined && !isMap(claims))
    problems.push({ file, line: 1, field: "claims", message: "expected a list" });
  if (problems.length > 0) throw new ValidationError(problems);
  return r.data;
}

/** Is `name` an Atlas peer group (NONALIGNED, REGION:LATAM, CINC:2, custom:ARM+GEO)? */
function isPeerGroup(name: string): boolean {
  try {
    return parsePeerSpecs(name, loadPeerGroups()).length === 1;
  } catch {
    return false;
  }
}

function peerRefs(c: ClaimSpec): string[] {
  return c.rule.kind === "peer-percentile" && Array.isArray(c.rule.peers) ? c.rule.peers : [];
}

/** The claims of a scenario folder, or null when it has no claims file (no claims, not an error). */
export function loadClaims(dir: string): { file: string; claims: ClaimsFile } | null {
  const file = join(dir, CLAIMS_FILE);
  if (!existsSync(file)) return null;
  return { file, claims: parseClaims(readFileSync(file, "utf8"), file) };
}
