import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { ReportData } from "./build.ts";
import type { YearShares } from "./flow-shares.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Render a Plot chart to a standalone SVG string on the server (linkedom as the DOM). */
function render(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const el = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as Element;
  const svgs = el.tagName.toLowerCase() === "svg" ? [el] : [...el.querySelectorAll("svg")];
  for (const s of svgs) s.setAttribute("xmlns", SVG_NS);
  return el.outerHTML;
}

export function eventsChart(r: ReportData): string {
  const data = r.eventsByYear.flatMap((d) => [
    { year: String(d.year), tone: "cooperation", n: d.cooperation },
    { year: String(d.year), tone: "conflict", n: -d.conflict },
  ]);
  return render({
    width: 760,
    height: 260,
    marginLeft: 50,
    title: `Events involving ${r.focalName} per year: cooperative (up) and conflictual (down)`,
    x: { label: "year", domain: range(r.from, r.to).map(String) },
    y: { label: "events", grid: true },
    color: { domain: ["cooperation", "conflict"], range: ["#1a9850", "#d73027"], legend: true },
    marks: [Plot.barY(data, { x: "year", y: "n", fill: "tone" }), Plot.ruleY([0])],
  });
}

export function sharesChart(rows: YearShares[], r: ReportData, what: string): string {
  const data = rows.flatMap((y) =>
    Object.entries(y.shares).map(([p, share]) => ({
      year: String(y.year),
      partner: r.names[p] ?? p,
      share,
    })),
  );
  const years = range(r.from, r.to).map(String);
  const have = new Set(rows.map((y) => String(y.year)));
  return render({
    width: 760,
    height: 280,
    marginLeft: 50,
    title: `${what}: share of each partner per year (years without data are marked, not zero)`,
    x: { label: "year", domain: years },
    y: { label: "share (%)", percent: true, domain: [0, 100] },
    color: { legend: true, scheme: "tableau10" },
    marks: [
      Plot.barY(data, Plot.stackY({ x: "year", y: "share", fill: "partner" })),
      Plot.text(
        years.filter((y) => !have.has(y)),
        { x: (y: string) => y, y: 0.5, text: () => "no data", rotate: -90, fill: "#888" },
      ),
      Plot.ruleY([0]),
    ],
  });
}

export function partnersChart(r: ReportData): string {
  // Years without events get a null point, so lines break there instead of bridging the gap.
  const data = r.topPartners.flatMap((partner) =>
    range(r.from, r.to).map((year) => {
      const p = r.partnerYears.find((x) => x.partner === partner && x.year === year);
      return { year, name: r.names[partner] ?? partner, goldsteinSum: p ? p.goldsteinSum : null };
    }),
  );
  return render({
    width: 760,
    height: 300,
    marginLeft: 50,
    title: `Sum of Goldstein weights of events with the ${r.topPartners.length} most frequent partners (years without events: no point)`,
    x: { label: "year", tickFormat: "d" },
    y: { label: "Goldstein sum", grid: true },
    color: { legend: true, scheme: "tableau10" },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, { x: "year", y: "goldsteinSum", stroke: "name" }),
      Plot.dot(data, { x: "year", y: "goldsteinSum", fill: "name", r: 3 }),
    ],
  });
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}
