import { parseCsv } from "../csv.ts";
import { PanelImportError } from "./import-error.ts";

/**
 * Read Voeten's UNGA vote file (Harvard Dataverse doi:10.7910/DVN/LEJUQZ, or an extraction with
 * its columns) into rows of `ref_unvotes` and `ref_roll_calls`. Needed columns: a roll-call id
 * (`resid`, else `rcid`), `session`, `date` (YYYY-MM-DD), `ccode` (COW) and `vote` (1 yes, 2
 * abstain, 3 no; 8 absent and 9 non-member are not votes and are skipped, as in the shipped panel;
 * the words yes/abstain/no are accepted too). A vote's year is the year of its date. A roll call is
 * held on one day: its date is the day of most of its votes, and votes recorded on another day are
 * left out and counted in `offDay`.
 */
export const UNVOTES_IMPORT_DEFAULTS = {
  /** Votes that are not votes (absent, non-member) and are skipped. */
  skipVotes: [8, 9],
};

export interface UnvoteRow {
  rcid: number;
  year: number;
  iso3: string | null;
  ccode: number;
  vote: number;
}

export interface RollCallRow {
  rcid: number;
  session: number;
  date: string;
  year: number;
}

export interface UnvotesImport {
  votes: UnvoteRow[];
  rollCalls: RollCallRow[];
  sessions: number[];
  /** Votes dated on another day than their roll call's (left out). */
  offDay: number;
  /** Absent / non-member records skipped. */
  skipped: number;
}

const VOTE_WORDS: Record<string, number> = { yes: 1, abstain: 2, no: 3 };

/**
 * Parse the vote file's text. `iso3Of(ccode, year)` gives the ISO3 of a COW code in a year (null for
 * a state without one); it returns undefined for a code that is not a COW state, which is an error.
 */
export function parseUnvotes(
  text: string,
  file: string,
  iso3Of: (ccode: number, year: number) => string | null | undefined,
  options: Partial<typeof UNVOTES_IMPORT_DEFAULTS> = {},
): UnvotesImport {
  const opts = { ...UNVOTES_IMPORT_DEFAULTS, ...options };
  const csv = parseCsv(text);
  if (csv.errors.length > 0)
    throw new PanelImportError(file, csv.errors[0].line, "csv", csv.errors[0].message);
  const h = csv.header.map((c) => c.trim().toLowerCase());
  const need = (names: string[]) => {
    const i = h.findIndex((c) => names.includes(c));
    if (i < 0)
      throw new PanelImportError(file, 1, "header", `missing column ${names.join(" or ")}`);
    return i;
  };
  const idName = h.includes("resid") ? "resid" : "rcid";
  const [iId, iSes, iDate, iC, iV] = [
    need(["resid", "rcid"]),
    need(["session"]),
    need(["date"]),
    need(["ccode"]),
    need(["vote"]),
  ];
  const int = (v: string, line: number, field: string, min: number) => {
    const x = Number(v.trim());
    if (!Number.isInteger(x) || x < min)
      throw new PanelImportError(file, line, field, `expected an integer ≥ ${min}, got "${v}"`);
    return x;
  };
  type Raw = {
    rcid: number;
    session: number;
    date: string;
    ccode: number;
    vote: number;
    line: number;
  };
  const byRc = new Map<number, Raw[]>();
  let skipped = 0;
  for (const r of csv.records) {
    const f = (i: number) => r.fields[i] ?? "";
    const vRaw = f(iV).trim().toLowerCase();
    const vote = Object.hasOwn(VOTE_WORDS, vRaw) ? VOTE_WORDS[vRaw] : Number(vRaw);
    if (opts.skipVotes.includes(vote) || vRaw === "absent" || vRaw === "non-member") {
      skipped++;
      continue;
    }
    if (![1, 2, 3].includes(vote))
      throw new PanelImportError(
        file,
        r.line,
        csv.header[iV],
        `vote must be 1 yes, 2 abstain, 3 no (8, 9 skipped), got "${f(iV)}"`,
      );
    const date = f(iDate).trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
      throw new PanelImportError(
        file,
        r.line,
        csv.header[iDate],
        `expected YYYY-MM-DD, got "${date}"`,
      );
    const rcid = int(f(iId), r.line, idName, 1);
    const row: Raw = {
      rcid,
      session: int(f(iSes), r.line, csv.header[iSes], 1),
      date,
      ccode: int(f(iC), r.line, csv.header[iC], 1),
      vote,
      line: r.line,
    };
    if (iso3Of(row.ccode, Number(date.slice(0, 4))) === undefined)
      throw new PanelImportError(file, r.line, csv.header[iC], `unknown COW code ${row.ccode}`);
    const list = byRc.get(rcid) ?? [];
    if (list.length > 0 && list[0].session !== row.session)
      throw new PanelImportError(
        file,
        r.line,
        csv.header[iSes],
        `roll call ${rcid} is in session ${list[0].session} on an earlier line, here ${row.session}`,
      );
    list.push(row);
    byRc.set(rcid, list);
  }
  if (byRc.size === 0) throw new PanelImportError(file, 1, "rows", "no votes in the file");
  const votes: UnvoteRow[] = [];
  const rollCalls: RollCallRow[] = [];
  let offDay = 0;
  for (const [rcid, list] of [...byRc].sort((a, b) => a[0] - b[0])) {
    const n = new Map<string, number>();
    for (const v of list) n.set(v.date, (n.get(v.date) ?? 0) + 1);
    // The day of most votes; ties go to the earlier day.
    const date = [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    const year = Number(date.slice(0, 4));
    rollCalls.push({ rcid, session: list[0].session, date, year });
    const seen = new Set<number>();
    for (const v of list) {
      if (v.date !== date) {
        offDay++;
        continue;
      }
      if (seen.has(v.ccode))
        throw new PanelImportError(
          file,
          v.line,
          csv.header[iC],
          `state ${v.ccode} votes twice in roll call ${rcid}`,
        );
      seen.add(v.ccode);
      votes.push({ rcid, year, iso3: iso3Of(v.ccode, year) ?? null, ccode: v.ccode, vote: v.vote });
    }
  }
  return {
    votes,
    rollCalls,
    sessions: [...new Set(rollCalls.map((r) => r.session))].sort((a, b) => a - b),
    offDay,
    skipped,
  };
}
