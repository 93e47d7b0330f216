import * as Plot from "@observablehq/plot";
import { api, has, qs } from "../api.ts";
import type { PageContext } from "../context.ts";
import type { DependenceRowJson, Flow, ScenarioData } from "../types.ts";
import { fmt, h, notice, section, sourceLink, table, unavailable } from "../ui.ts";
import { waiting } from "../views/pending.ts";

const DOMAINS = ["arms", "gas", "trade-export", "trade-import", "fdi"] as const;

type Row = DependenceRowJson;

/** The years of the range the chart may draw: only rows the server calls "data". */
export function chartYears(rows: (Row & { year: number })[]): {
  data: Set<number>;
  partial: Set<number>;
} {
  const data = new Set<number>();
  const partial = new Set<number>();
  for (const r of rows) {
    if (r.coverage === "data" && Object.keys(r.shares ?? {}).length) data.add(r.year);
    // "partial" (named partners short of the reported total) and "total only" (a national total,
    // no partner figures): not drawn, said so.
    else if (r.coverage === "partial" || r.coverage === "total only") partial.add(r.year);
  }
  return { data, partial };
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const st = ctx.state;
  const domain = (DOMAINS as readonly string[]).includes(st.extra.domain ?? "")
    ? st.extra.domain!
    : "arms";
  const by = st.extra.by === "pole" ? "pole" : "partner";
  root.append(
    h(
      "form",
      {
        class: "filters",
        "aria-label": "Dependence options",
        onsubmit: (e: Event) => e.preventDefault(),
      },
      h(
        "label",
        { for: "d-domain" },
        "Domain",
        h(
          "select",
          {
            id: "d-domain",
            onchange: (e: Event) => ctx.update({ domain: (e.target as HTMLSelectElement).value }),
          },
          ...DOMAINS.map((d) => h("option", { value: d, selected: d === domain }, d)),
        ),
      ),
      h(
        "fieldset",
        {},
        h("legend", {}, "Shares by"),
        ...(["partner", "pole"] as const).map((v) =>
          h(
            "label",
            {},
            h("input", {
              type: "radio",
              name: "by",
              value: v,
              checked: v === by,
              onchange: () => ctx.update({ by: v }),
            }),
            v,
          ),
        ),
      ),
    ),
  );
  // The server computes shares, concentration and coverage (with its mixed-unit and
  // reporter-total checks); this page only draws what it returns.
  const scP = api<ScenarioData>(`/api/scenario${qs({ scenario: st.scenario, include: "flows" })}`);
  if (!(await has("/api/dependence"))) {
    root.append(
      unavailable(
        "/api/dependence",
        "Dependence (partner shares, HHI, effective number of partners, entropy)",
      ),
    );
    return;
  }
  const wait = waiting(`Computing ${domain} dependence`, { signal: ctx.signal });
  root.append(wait.el);
  const r = await api<{ rows: Row[] }>(
    `/api/dependence${qs({ scenario: st.scenario, focal: st.focal, domain, from: st.from, to: st.to, by })}`,
  );
  wait.stop();
  wait.el.remove();
  if (!r.ok) {
    root.append(notice(r.missing ? "unavailable" : "error", r.error));
    return;
  }
  // Yearly rows only (window rows carry from/to instead of a year; this page does not ask for them).
  const rows = (r.data.rows ?? []).filter(
    (x): x is Row & { year: number } => typeof x.year === "number",
  );
  const origin = h(
    "p",
    { class: "summary" },
    'Measures from /api/dependence (shares, HHI, effective number of partners, top partner). Only years the server marks as measured ("data") are drawn; partial years are listed below, not drawn.',
  );
  const units = [...new Set(rows.map((x) => x.unit).filter((u): u is string => !!u))];
  const years: number[] = [];
  for (let y = Number(st.from); y <= Number(st.to); y++) years.push(y);
  const { data: have, partial } = chartYears(rows);
  const missingYears = years.filter((y) => !have.has(y) && !partial.has(y));
  const partialYears = years.filter((y) => partial.has(y));
  const long = rows
    .filter((r) => have.has(r.year))
    .flatMap((r) =>
      Object.entries(r.shares ?? {}).map(([k, v]) => ({
        year: r.year,
        key: ctx.name(k),
        share: v,
      })),
    );
  const parts: (HTMLElement | null)[] = [origin];
  if (long.length === 0)
    parts.push(
      notice(
        "empty",
        `No measured ${domain} year for ${ctx.name(st.focal)} in ${st.from}–${st.to}${partialYears.length ? ` (partial: ${partialYears.join(", ")})` : ""}.`,
      ),
    );
  else {
    const chart = Plot.plot({
      width: Math.min(1100, root.clientWidth || 1000),
      height: 320,
      marginLeft: 50,
      x: { label: "year", domain: years, tickFormat: "d" },
      y: { label: "share of the year's total", percent: true, domain: [0, 100] },
      color: { legend: true, scheme: "tableau10" },
      marks: [
        Plot.barY(
          long,
          Plot.stackY({
            x: "year",
            y: "share",
            fill: "key",
            title: (d: { key: string; share: number; year: number }) =>
              `${d.year} ${d.key}: ${(d.share * 100).toFixed(1)}%`,
          }),
        ),
        Plot.text(missingYears, {
          x: (y: number) => y,
          y: 0.5,
          text: () => "no data",
          rotate: -90,
          fill: "#888",
        }),
        Plot.text(partialYears, {
          x: (y: number) => y,
          y: 0.5,
          text: (y: number) => rows.find((x) => x.year === y)?.coverage ?? "partial",
          rotate: -90,
          fill: "#b36b00",
        }),
        Plot.ruleY([0]),
      ],
    });
    chart.setAttribute("role", "img");
    chart.setAttribute("aria-label", `${domain} shares by ${by} per year`);
    parts.push(h("figure", {}, chart));
    if (missingYears.length)
      parts.push(
        notice(
          "info",
          `No ${domain} data for ${missingYears.join(", ")}: those years are missing, not zero.`,
        ),
      );
    if (partialYears.length)
      parts.push(
        notice(
          "info",
          `Not fully measured ${domain} years: ${partialYears.map((y) => `${y} (${rows.find((x) => x.year === y)?.coverage})`).join(", ")}: the named partners do not make up the year's total (or only a total is known), so no share is drawn and no concentration computed.`,
        ),
      );
  }
  root.append(section(`${domain} shares by ${by}`, ...parts));
  if (rows.length)
    root.append(
      section(
        "By year",
        table(rows, [
          { key: "y", label: "year", value: (r) => String(r.year) },
          {
            key: "t",
            label: `total (${units.join(", ") || "unit"})`,
            value: (r) => fmt(r.total, 2),
            numeric: true,
          },
          {
            key: "top",
            label: "top partner",
            value: (r) =>
              r.top && typeof r.topShare === "number"
                ? `${ctx.name(r.top)} ${fmt(r.topShare * 100, 1)}%`
                : null,
          },
          {
            key: "h",
            label: "HHI",
            value: (r) => (r.hhi === undefined ? null : fmt(r.hhi, 3)),
            numeric: true,
          },
          {
            key: "n",
            label: "effective partners",
            value: (r) => (r.nEff === undefined ? null : fmt(r.nEff, 2)),
            numeric: true,
          },
          {
            key: "e",
            label: "normalised entropy",
            value: (r) => (r.entropyNorm === undefined ? null : fmt(r.entropyNorm, 3)),
            numeric: true,
          },
          { key: "cov", label: "coverage", value: (r) => r.coverage ?? null },
          {
            key: "src",
            label: "sources",
            value: (r) =>
              r.sources?.length ? h("span", {}, ...r.sources.map((x) => sourceLink(x))) : null,
          },
        ]),
      ),
    );
  // The flow records themselves (each with its source), as the scenario lists them.
  const sc = await scP;
  const usedInRange = (sc.ok ? sc.data.flows : [])
    .filter(
      (f) =>
        f.domain === domain &&
        (f.from === st.focal || f.to === st.focal) &&
        f.year >= Number(st.from) &&
        f.year <= Number(st.to),
    )
    .sort((a, b) => a.year - b.year || b.value - a.value);
  root.append(
    section(
      "Flows and their sources",
      usedInRange.length === 0
        ? notice("empty", "No flow record in range.")
        : h(
            "details",
            {},
            h("summary", {}, `${usedInRange.length} ${domain} flow records, each with its source`),
            table(usedInRange, [
              { key: "y", label: "year", value: (f: Flow) => String(f.year) },
              { key: "f", label: "from", value: (f) => ctx.name(f.from) },
              { key: "t", label: "to", value: (f) => ctx.name(f.to) },
              {
                key: "v",
                label: "value",
                value: (f) => `${fmt(f.value, 2)} ${f.unit}`,
                numeric: true,
              },
              { key: "p", label: "period", value: (f) => f.period },
              { key: "s", label: "source", value: (f) => sourceLink(f.source) },
            ]),
          ),
    ),
  );
}
