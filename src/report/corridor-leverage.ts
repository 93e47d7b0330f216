import type { NetworkKind } from "../corridor/problem.ts";
import { shareText } from "../corridor/share-text.ts";

/** What the report asks of the corridor model (the Map asks the same: same figures in both). */
export const REPORT_CORRIDOR_DEFAULTS = { draws: 40, seed: 1, level: 0.9 };

export interface ReportCorridorRow {
  year: number;
  network: NetworkKind;
  shapleyShare: number | null;
  interval: [number, number] | null;
  assumptionDriven: boolean;
  drivenReason: string | null;
  drivenBy: string | null;
}

export interface ReportTornado {
  year: number;
  network: NetworkKind;
  central: number;
  bars: {
    assumption: string;
    low: number;
    high: number;
    shareAtLow: number | null;
    shareAtHigh: number | null;
    swing: number;
  }[];
}

/** The report's corridor-leverage section: rows with intervals and flags, tornado tables. */
export interface ReportCorridor {
  draws: number;
  seed: number;
  level: number;
  rows: ReportCorridorRow[];
  /** The last year of the range the networks cover: one tornado per network with a share. */
  tornado: ReportTornado[];
  /** Years of the range a network has no data for (missing, not zero). */
  missing: { network: NetworkKind; years: number[] }[];
  assumptionsFile: string;
}

/**
 * The focal state's corridor leverage for the report's years: Shapley share per network and year
 * with its interval over the assumption ranges, the assumption-driven flag, and the tornado of the
 * last covered year. Null when the state lies on no route of either network (said in the report).
 */
export async function reportCorridor(
  focal: string,
  from: number,
  to: number,
  options: Partial<typeof REPORT_CORRIDOR_DEFAULTS> = {},
): Promise<ReportCorridor | null> {
  const o = { ...REPORT_CORRIDOR_DEFAULTS, ...options };
  const { corridorLeverage } = await import("../corridor/corridor-leverage.ts");
  const { networkYears } = await import("../corridor/leverage.ts");
  const { EURASIA_DIR, loadNetwork } = await import("../corridor/load-network.ts");
  const net = loadNetwork(EURASIA_DIR);
  const onAny = (await corridorLeverage(focal, undefined, { network: net, draws: 0 })).coverage;
  if (!onAny.some((c) => c.onNetwork)) return null;
  const rows: ReportCorridorRow[] = [];
  const tornado: ReportTornado[] = [];
  const missing: ReportCorridor["missing"] = [];
  let file = "";
  for (const c of onAny.filter((x) => x.onNetwork)) {
    const covered = networkYears(net, c.network);
    const years: number[] = [];
    for (let y = from; y <= to; y++) if (!covered.includes(y)) years.push(y);
    if (years.length) missing.push({ network: c.network, years });
  }
  for (let y = from; y <= to; y++) {
    const r = await corridorLeverage(focal, y, {
      network: net,
      draws: o.draws,
      seed: o.seed,
      networks: onAny
        .filter((x) => x.onNetwork && networkYears(net, x.network).includes(y))
        .map((x) => x.network),
    });
    file = r.assumptionsFile;
    for (const x of r.rows)
      rows.push({
        year: x.year,
        network: x.network,
        shapleyShare: x.shapleyShare,
        interval: x.shapleyShareInterval ?? null,
        assumptionDriven: x.assumptionDriven ?? false,
        drivenReason: x.drivenReason ?? null,
        drivenBy: x.drivenBy ?? null,
      });
    for (const x of r.rows)
      if (x.shapleyShare !== null && x.tornado) {
        const i = tornado.findIndex((t) => t.network === x.network);
        const t: ReportTornado = {
          year: x.year,
          network: x.network,
          central: x.shapleyShare,
          bars: x.tornado.map((b) => ({
            assumption: b.assumption,
            low: b.low,
            high: b.high,
            shareAtLow: b.shareAtLow,
            shareAtHigh: b.shareAtHigh,
            swing: b.swing,
          })),
        };
        if (i >= 0) tornado[i] = t;
        else tornado.push(t);
      }
  }
  return {
    draws: o.draws,
    seed: o.seed,
    level: o.level,
    rows,
    tornado,
    missing,
    assumptionsFile: file
      .replace(/.*\/(data\/networks\/)/, "$1")
      .replace(/SOURCES\.md$/, "assumption-ranges.csv"),
  };
}

const n3 = (x: number | null) => (x === null ? "—" : shareText(x));
const iv3 = (x: [number, number] | null) => (x ? `${shareText(x[0])}–${shareText(x[1])}` : "—");
const range = (a: number, b: number) => `${Number(a.toPrecision(3))}–${Number(b.toPrecision(3))}`;

/** Whether any assumption moves the share (else the tornado is one sentence, not a table of 0s). */
const moves = (t: ReportTornado) =>
  t.bars.some((b) => b.swing > 0 || b.shareAtLow === null || b.shareAtHigh === null);

/** The lead sentence of the section (the same in Markdown and HTML). */
export function corridorLead(c: ReportCorridor, name: string): string {
  const flagged = c.rows.filter((r) => r.assumptionDriven);
  return `${name}'s share of the transit value of the corridor networks (Shapley value / value of all transit states; corridor model, docs/measures/corridors.md), with its ${c.level * 100} % interval over ${c.draws} seeded draws (seed ${c.seed}) of the analyst's assumption ranges (${c.assumptionsFile}). ${flagged.length ? `${flagged.length} of ${c.rows.length} figures are assumption-driven: the interval is wider than 25 % of the share, or one assumption alone moves it by more than 25 %, or the central value lies outside its interval.` : "No figure is assumption-driven."}`;
}

/** The section as Markdown. */
export function corridorMarkdown(c: ReportCorridor | null, name: string, note?: string): string {
  if (!c) return `> Not available: ${note ?? `${name} lies on no route of the corridor networks`}.`;
  const lines = [
    corridorLead(c, name),
    "",
    "| year | network | Shapley share | interval | flag |",
    "|---|---|---:|---|---|",
    ...c.rows.map(
      (r) =>
        `| ${r.year} | ${r.network} | ${n3(r.shapleyShare)} | ${iv3(r.interval)} | ${r.assumptionDriven ? `**assumption-driven**: ${(r.drivenReason ?? "").replace(/\|/g, "\\|")}` : ""} |`,
    ),
  ];
  for (const m of c.missing)
    lines.push("", `*${m.network}: no data for ${m.years.join(", ")} (missing, not zero).*`);
  for (const t of c.tornado) {
    if (!moves(t)) {
      lines.push(
        "",
        `*Tornado, ${t.network} ${t.year}: no assumption with a range moves the share (${n3(t.central)}).*`,
      );
      continue;
    }
    lines.push(
      "",
      `**Tornado, ${t.network} ${t.year}** (central share ${n3(t.central)}; each assumption at its low and high end, the others central):`,
      "",
      "| assumption (range) | share at low | share at high | swing |",
      "|---|---:|---:|---:|",
      ...t.bars.map(
        (b) =>
          `| ${b.assumption} (${range(b.low, b.high)}) | ${n3(b.shareAtLow)} | ${n3(b.shareAtHigh)} | ${n3(b.swing)} |`,
      ),
    );
  }
  return lines.join("\n");
}

const esc = (s: unknown) =>
  String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** The section as HTML (no script; the flag as a marked cell). */
export function corridorHtml(c: ReportCorridor | null, name: string, note?: string): string {
  if (!c)
    return `<p class="note">Not available: ${esc(note ?? `${name} lies on no route of the corridor networks`)}.</p>`;
  const rows = c.rows
    .map(
      (r) =>
        `<tr${r.assumptionDriven ? ' class="driven"' : ""}><td>${r.year}</td><td>${r.network}</td><td class="num">${n3(r.shapleyShare)}</td><td class="num">${iv3(r.interval)}</td><td>${r.assumptionDriven ? `<strong>assumption-driven</strong> <small>${esc(r.drivenReason)}</small>` : ""}</td></tr>`,
    )
    .join("");
  const tornado = c.tornado
    .map((t) =>
      !moves(t)
        ? `<p><small>Tornado, ${t.network} ${t.year}: no assumption with a range moves the share (${n3(t.central)}).</small></p>`
        : `<h3>Tornado, ${t.network} ${t.year}</h3><p><small>Central share ${n3(t.central)}; each assumption at its low and high end, the others central.</small></p><table class="tornado"><thead><tr><th>assumption (range)</th><th>share at low</th><th>share at high</th><th>swing</th></tr></thead><tbody>${t.bars
            .map(
              (b) =>
                `<tr><td>${esc(b.assumption)} (${range(b.low, b.high)})</td><td class="num">${n3(b.shareAtLow)}</td><td class="num">${n3(b.shareAtHigh)}</td><td class="num">${n3(b.swing)}</td></tr>`,
            )
            .join("")}</tbody></table>`,
    )
    .join("");
  return `<p>${esc(corridorLead(c, name))}</p>
<table class="corridor-leverage"><thead><tr><th>year</th><th>network</th><th>Shapley share</th><th>interval</th><th>flag</th></tr></thead><tbody>${rows}</tbody></table>
${c.missing.map((m) => `<p class="missing">${m.network}: no data for ${m.years.join(", ")} (missing, not zero).</p>`).join("")}
${tornado}`;
}
