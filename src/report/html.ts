import type { ReportData } from "./build.ts";
import { eventsChart, partnersChart, sharesChart } from "./charts.ts";
import { corridorHtml } from "./corridor-leverage.ts";

export function esc(s: unknown): string {
  return String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function link(src: string): string {
  return /^https?:\/\//.test(src)
    ? `<a href="${esc(src)}">${esc(src)}</a>`
    : `<cite>${esc(src)}</cite>`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function sharesTable(rows: ReportData["arms"], r: ReportData): string {
  if (rows.length === 0)
    return `<p class="missing">No sourced flow in ${r.from}–${r.to}: missing, not zero.</p>`;
  return `<table><thead><tr><th>year</th><th>total</th><th>top partner</th><th>all partners (share)</th></tr></thead><tbody>${rows
    .map((y) => {
      const sorted = Object.entries(y.shares).sort((a, b) => b[1] - a[1]);
      return `<tr><td>${y.year}</td><td class="num">${y.total.toLocaleString("en-GB", { maximumFractionDigits: 2 })} ${esc(y.unit)}</td><td>${esc(r.names[sorted[0][0]] ?? sorted[0][0])} ${pct(sorted[0][1])}</td><td>${sorted.map(([p, s]) => `${esc(r.names[p] ?? p)} ${pct(s)}`).join(", ")}</td></tr>`;
    })
    .join("")}</tbody></table>`;
}

/** Minimal Markdown → HTML for the claims document (headings, lists, tables, paragraphs, links). */
export function mdToHtml(md: string): string {
  const out: string[] = [];
  const lines = md.split(/\r?\n/);
  const inline = (s: string) =>
    esc(s)
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const hm = /^(#{1,6})\s+(.*)$/.exec(l);
    if (hm) {
      const n = Math.min(6, hm[1].length + 2);
      out.push(`<h${n}>${inline(hm[2])}</h${n}>`);
    } else if (/^\s*\|/.test(l)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) {
        if (!/^\s*\|[\s:|-]+\|\s*$/.test(lines[i]))
          rows.push(
            lines[i]
              .trim()
              .replace(/^\||\|$/g, "")
              .split("|")
              .map((c) => c.trim()),
          );
        i++;
      }
      i--;
      out.push(
        `<table>${rows.map((r, k) => `<tr>${r.map((c) => (k === 0 ? `<th>${inline(c)}</th>` : `<td>${inline(c)}</td>`)).join("")}</tr>`).join("")}</table>`,
      );
    } else if (/^\s*[-*]\s+/.test(l)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*[-*]\s+/.test(lines[i]))
        items.push(lines[i++].replace(/^\s*[-*]\s+/, ""));
      i--;
      out.push(`<ul>${items.map((x) => `<li>${inline(x)}</li>`).join("")}</ul>`);
    } else if (l.trim()) out.push(`<p>${inline(l)}</p>`);
  }
  return out.join("\n");
}

const CSS = `body{font:15px/1.5 "DejaVu Sans","Liberation Sans",sans-serif;max-width:900px;margin:2em auto;padding:0 1em;color:#1d232a}
h1{font-size:26px}h2{font-size:20px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:2em}
table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f7}.num{text-align:right}.missing{color:#888;font-style:italic}tr.driven td{background:#fff8e1}.note{background:#f6f0fa;border-left:4px solid #8e44ad;padding:6px 10px}
figure{margin:1em 0}figure h2,figure h3{font-size:15px;border:0;margin:0 0 4px}svg{max-width:100%;height:auto}cite{font-style:italic}a{word-break:break-all}
@media print{a{color:inherit}}`;

function scorecardHtml(r: ReportData): string {
  const sc = r.scorecard;
  if (!sc)
    return `<p class="note">Not available: ${esc(r.scorecardNote ?? "")}. Nothing is shown in its place.</p>`;
  const years = [...new Set(sc.cells.map((c) => c.year))].sort((a, b) => a - b);
  // Coloured only when scored; the 90 % interval beside the score; "partial" never coloured.
  const cell = (c: {
    score: number | null;
    coverage: number;
    interval?: [number, number] | null;
    status?: string;
  }) =>
    c.score === null
      ? c.status === "partial"
        ? '<td class="missing" title="inputs only partly measured: not scored">partial</td>'
        : '<td class="missing">—</td>'
      : `<td class="num" style="background:hsl(210 70% ${95 - (c.score / 100) * 55}%);color:${c.score > 60 ? "#fff" : "#111"}" title="input coverage ${(c.coverage * 100).toFixed(0)}%${c.interval ? `; 90 % interval ${c.interval[0].toFixed(1)}–${c.interval[1].toFixed(1)}` : ""}">${c.score.toFixed(0)}${c.interval ? `<small> [${c.interval[0].toFixed(0)}–${c.interval[1].toFixed(0)}]</small>` : ""}</td>`;
  const rows: string[] = [];
  for (const p of sc.pillars)
    for (const l of sc.levels)
      rows.push(
        `<tr><th>${esc(p)}</th><td>${esc(l)}</td>${years
          .map((y) => {
            const c = sc.cells.find((x) => x.year === y && x.level === l && x.pillar === p);
            return c ? cell(c) : '<td class="missing">—</td>';
          })
          .join("")}</tr>`,
      );
  for (const l of sc.levels)
    rows.push(
      `<tr><th>overall</th><td>${esc(l)}</td>${years
        .map((y) => {
          const o = sc.overall.find((x) => x.year === y && x.level === l);
          return o ? cell(o) : '<td class="missing">—</td>';
        })
        .join("")}</tr>`,
    );
  const inputs = [
    ...new Set(sc.cells.flatMap((c) => c.inputs.map((i) => `${i.key}: ${i.source}`))),
  ];
  return `<p>Each cell 0–100 from the documented formula (${esc(sc.formula.cell ?? "")}); a dash is missing data, not zero.</p>
<div style="overflow-x:auto"><table><thead><tr><th>pillar</th><th>level</th>${years.map((y) => `<th>${y}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table></div>
<details><summary>Inputs and their sources</summary><ul>${inputs.map((x) => `<li>${esc(x)}</li>`).join("")}</ul></details>`;
}

function claimsHtml(r: ReportData): string {
  if (!r.claims) return `<p class="note">Not available: ${esc(r.claimsNote ?? "")}.</p>`;
  return `<ol>${r.claims
    .map(
      (c) =>
        `<li><p><strong>${esc(c.verdict)}</strong> — ${esc(c.claim)}</p><p><small>Measure: ${esc(c.measure)} (<code>${esc(c.command)}</code>)</small></p><p>${esc(c.finding)}</p>${c.interval ? `<p><small>Interval: [${c.interval[0].toFixed(2)}, ${c.interval[1].toFixed(2)}] (${esc(c.intervalNote)})</small></p>` : ""}<p><small>Sources: ${c.sources.map(link).join("; ")}</small></p></li>`,
    )
    .join("")}</ol>`;
}

/** A self-contained HTML report: inline CSS and SVG, no script, no external request. */
export function reportHtml(r: ReportData): string {
  const events = r.events
    .map(
      (e) =>
        `<tr><td>${esc(e.date)}</td><td>${esc(e.title)}</td><td>${esc(e.level ?? "—")}</td><td class="num">${e.goldstein}</td><td>${link(e.source)}</td></tr>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(r.focalName)} ${r.from}–${r.to}: ANA report</title><style>${CSS}</style></head><body>
<h1>${esc(r.focalName)} (${esc(r.focal)}), ${r.from}–${r.to}</h1>
<p>An ANA (Active Non-Alignment) report from the scenario “${esc(r.scenario.name)}”, generated ${esc(r.generated)}. Every figure below comes from a sourced record of the scenario; the sources are listed at the end. Missing data is marked as missing, never as zero.</p>
<h2>Scorecard</h2>
${scorecardHtml(r)}
<h2>Events</h2>
<p>${r.events.length} dated, CAMEO-coded events involving ${esc(r.focalName)}: ${r.events.filter((e) => e.goldstein > 0).length} cooperative, ${r.events.filter((e) => e.goldstein < 0).length} conflictual (Goldstein weight sign).</p>
<figure>${eventsChart(r)}</figure>
<figure>${r.topPartners.length ? partnersChart(r) : '<p class="missing">No partner events.</p>'}</figure>
<h2>Arms imports by supplier</h2>
${r.arms.length ? `<figure>${sharesChart(r.arms, r, "Arms imports (SIPRI TIV)")}</figure>` : ""}
${sharesTable(r.arms, r)}
<h2>Gas exports by destination</h2>
${r.gas.length ? `<figure>${sharesChart(r.gas, r, "Gas exports")}</figure>` : ""}
${sharesTable(r.gas, r)}
<h2>Memberships</h2>
${r.memberships.length ? `<table><thead><tr><th>organisation</th><th>status</th><th>from</th><th>to</th><th>source</th></tr></thead><tbody>${r.memberships.map((m) => `<tr><td>${esc(r.names[m.organisation] ?? m.organisation)}</td><td>${esc(m.status)}</td><td>${esc(m.from ?? "—")}</td><td>${esc(m.to ?? "")}</td><td>${link(m.source)}</td></tr>`).join("")}</tbody></table>` : '<p class="missing">None recorded.</p>'}
<h2>Corridors and pipelines</h2>
${r.projects.length ? `<table><thead><tr><th>project</th><th>route</th><th>capacity</th><th>status</th><th>source</th></tr></thead><tbody>${r.projects.map((p) => `<tr><td>${esc(p.name)}</td><td>${esc(p.route.join(" → "))}</td><td>${p.capacity === undefined ? "—" : `${p.capacity} ${esc(p.capacityUnit ?? "")}`}</td><td>${esc(p.status)}</td><td>${link(p.source)}</td></tr>`).join("")}</tbody></table>` : '<p class="missing">None recorded.</p>'}
<h2>Corridor leverage</h2>
${corridorHtml(r.corridor, r.focalName, r.corridorNote)}
<h2>Claims check</h2>
${claimsHtml(r)}
<h2>Event list</h2>
<table><thead><tr><th>date</th><th>event</th><th>level</th><th>Goldstein</th><th>source</th></tr></thead><tbody>${events}</tbody></table>
<h2>Sources</h2>
<ol>${r.sources.map((s) => `<li>${link(s.source)} <small>(${s.records} record${s.records === 1 ? "" : "s"})</small></li>`).join("")}</ol>
</body></html>
`;
}
