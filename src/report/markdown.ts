import type { ReportData } from "./build.ts";
import { eventsChart, partnersChart, sharesChart } from "./charts.ts";
import { corridorMarkdown } from "./corridor-leverage.ts";

function cell(s: unknown): string {
  return String(s ?? "—")
    .replace(/\|/g, "\\|")
    .replace(/\n/g, " ");
}

function src(s: string): string {
  return /^https?:\/\//.test(s) ? `<${s}>` : `*${cell(s)}*`;
}

function scorecardMd(r: ReportData): string {
  const sc = r.scorecard;
  if (!sc) return `> Not available: ${r.scorecardNote ?? ""}.`;
  const years = [...new Set(sc.cells.map((c) => c.year))].sort((a, b) => a - b);
  // A score with its 90 % interval; "partial" for a cell not fully measured (never scored), — none.
  const v = (
    c: { score: number | null; interval?: [number, number] | null; status?: string } | undefined,
  ) =>
    !c || c.score === null
      ? c?.status === "partial"
        ? "partial"
        : "—"
      : `${c.score.toFixed(0)}${c.interval ? ` [${c.interval[0].toFixed(0)}–${c.interval[1].toFixed(0)}]` : ""}`;
  const lines = [
    `| pillar | level | ${years.join(" | ")} |`,
    `|---|---|${years.map(() => "---:").join("|")}|`,
  ];
  for (const p of sc.pillars)
    for (const l of sc.levels)
      lines.push(
        `| ${p} | ${l} | ${years.map((y) => v(sc.cells.find((c) => c.year === y && c.level === l && c.pillar === p))).join(" | ")} |`,
      );
  for (const l of sc.levels)
    lines.push(
      `| overall | ${l} | ${years.map((y) => v(sc.overall.find((o) => o.year === y && o.level === l))).join(" | ")} |`,
    );
  return `Each cell 0–100 [90 % interval] (${sc.formula.cell ?? ""}); — is missing data, not zero; "partial" marks a cell whose inputs are only partly measured, which is never scored.\n\n${lines.join("\n")}`;
}

/**
 * The report as Markdown plus its charts as SVG files (name → content), which the Markdown links
 * relatively (`<dir>/<name>`).
 */
export function reportMarkdown(
  r: ReportData,
  assetDir: string,
): { markdown: string; files: Record<string, string> } {
  const files: Record<string, string> = {};
  const fig = (name: string, svg: string, alt: string) => {
    files[name] = svg;
    return `![${alt}](${assetDir}/${name})`;
  };
  const shares = (rows: ReportData["arms"]) =>
    rows.length === 0
      ? `*No sourced flow in ${r.from}–${r.to}: missing, not zero.*`
      : [
          "| year | total | top partner | all partners |",
          "|---|---:|---|---|",
          ...rows.map((y) => {
            const sorted = Object.entries(y.shares).sort((a, b) => b[1] - a[1]);
            return `| ${y.year} | ${y.total} ${y.unit} | ${cell(r.names[sorted[0][0]] ?? sorted[0][0])} ${(sorted[0][1] * 100).toFixed(1)}% | ${sorted.map(([p, s]) => `${cell(r.names[p] ?? p)} ${(s * 100).toFixed(1)}%`).join(", ")} |`;
          }),
        ].join("\n");
  const md = [
    `# ${r.focalName} (${r.focal}), ${r.from}–${r.to}`,
    "",
    `An ANA report from the scenario “${r.scenario.name}”, generated ${r.generated}. Every figure comes from a sourced record; sources are listed at the end. Missing data is marked as missing, never as zero.`,
    "",
    "## Scorecard",
    "",
    scorecardMd(r),
    "",
    "## Events",
    "",
    `${r.events.length} dated, CAMEO-coded events: ${r.events.filter((e) => e.goldstein > 0).length} cooperative, ${r.events.filter((e) => e.goldstein < 0).length} conflictual.`,
    "",
    fig("events.svg", eventsChart(r), "events per year"),
    "",
    r.topPartners.length
      ? fig("partners.svg", partnersChart(r), "Goldstein sums with the main partners")
      : "",
    "",
    "## Arms imports by supplier",
    "",
    r.arms.length
      ? fig("arms.svg", sharesChart(r.arms, r, "Arms imports (SIPRI TIV)"), "arms import shares")
      : "",
    "",
    shares(r.arms),
    "",
    "## Gas exports by destination",
    "",
    r.gas.length ? fig("gas.svg", sharesChart(r.gas, r, "Gas exports"), "gas export shares") : "",
    "",
    shares(r.gas),
    "",
    "## Memberships",
    "",
    r.memberships.length
      ? [
          "| organisation | status | from | to | source |",
          "|---|---|---|---|---|",
          ...r.memberships.map(
            (m) =>
              `| ${cell(r.names[m.organisation] ?? m.organisation)} | ${m.status} | ${m.from ?? "—"} | ${m.to ?? ""} | ${src(m.source)} |`,
          ),
        ].join("\n")
      : "*None recorded.*",
    "",
    "## Corridors and pipelines",
    "",
    r.projects.length
      ? [
          "| project | route | capacity | status | source |",
          "|---|---|---|---|---|",
          ...r.projects.map(
            (p) =>
              `| ${cell(p.name)} | ${p.route.join(" → ")} | ${p.capacity === undefined ? "—" : `${p.capacity} ${cell(p.capacityUnit ?? "")}`} | ${p.status} | ${src(p.source)} |`,
          ),
        ].join("\n")
      : "*None recorded.*",
    "",
    "## Corridor leverage",
    "",
    corridorMarkdown(r.corridor, r.focalName, r.corridorNote),
    "",
    "## Claims check",
    "",
    r.claims
      ? r.claims
          .map(
            (c, i) =>
              `${i + 1}. **${c.verdict}** — ${c.claim}\n   Measure: ${c.measure} (\`${c.command}\`).\n   ${c.finding}${c.interval ? `\n   Interval: [${c.interval[0].toFixed(2)}, ${c.interval[1].toFixed(2)}] (${c.intervalNote})` : ""}\n   Sources: ${c.sources.map(src).join("; ")}`,
          )
          .join("\n")
      : `> Not available: ${r.claimsNote ?? ""}.`,
    "",
    "## Event list",
    "",
    "| date | event | level | Goldstein | source |",
    "|---|---|---|---:|---|",
    ...r.events.map(
      (e) =>
        `| ${e.date} | ${cell(e.title)} | ${e.level ?? "—"} | ${e.goldstein} | ${src(e.source)} |`,
    ),
    "",
    "## Sources",
    "",
    ...r.sources.map(
      (s, i) => `${i + 1}. ${src(s.source)} (${s.records} record${s.records === 1 ? "" : "s"})`,
    ),
    "",
  ].join("\n");
  return { markdown: md, files };
}
