import * as Plot from "@observablehq/plot";
import { api, has, qs } from "../api.ts";
import type { PageContext } from "../context.ts";
import type { Flow, PoleMember, ScenarioData } from "../types.ts";
import { activeAt, fmt, h, notice, section, sourceLink, table, unavailable } from "../ui.ts";

const DOMAINS = ["arms", "gas", "trade-export", "trade-import", "fdi"] as const;
/** Exports and gas go focal → partner; imports, arms and FDI come partner → focal (the model's convention). */
const OUTWARD = new Set(["trade-export", "gas", "oil"]);

interface Row {
  year: number;
  total: number | null;
  shares: Record<string, number>;
  hhi?: number | null;
  nEff?: number | null;
  top?: string | null;
  topShare?: number | null;
  entropyNorm?: number | null;
  coverage?: string;
  sources?: string[];
}

/** Shares of sourced flows per year from the scenario (value / the year's total), by partner or pole. */
export function flowShares(
  flows: Flow[],
  poles: PoleMember[],
  focal: string,
  domain: string,
  by: "partner" | "pole",
): { rows: Row[]; units: string[]; used: Flow[] } {
  const used = flows.filter(
    (f) => f.domain === domain && (OUTWARD.has(domain) ? f.from === focal : f.to === focal),
  );
  const years = [...new Set(used.map((f) => f.year))].sort((a, b) => a - b);
  const poleOf = (actor: string, year: number) =>
    poles.find((p) => p.actor === actor && activeAt(p, String(year)))?.name ?? "no pole";
  const rows = years.map((year) => {
    const fs = used.filter((f) => f.year === year);
    const total = fs.reduce((a, f) => a + f.value, 0);
    const shares: Record<string, number> = {};
    for (const f of fs) {
      const partner = OUTWARD.has(domain) ? f.to : f.from;
      const k = by === "pole" ? poleOf(partner, year) : partner;
      shares[k] = (shares[k] ?? 0) + (total > 0 ? f.value / total : 0);
    }
    return { year, total, shares };
  });
  return { rows, units: [...new Set(used.map((f) => f.unit))], used };
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
  const sc = await api<ScenarioData>(
    `/api/scenario${qs({ scenario: st.scenario, include: "flows,poles" })}`,
  );
  if (!sc.ok) {
    root.append(notice("error", sc.error));
    return;
  }
  let rows: Row[] = [];
  let origin: HTMLElement;
  const local = flowShares(sc.data.flows, sc.data.poles, st.focal, domain, by);
  if (await has("/api/dependence")) {
    const r = await api<{ rows: Row[] }>(
      `/api/dependence${qs({ scenario: st.scenario, focal: st.focal, domain, from: st.from, to: st.to, by })}`,
    );
    if (r.ok) {
      rows = r.data.rows ?? [];
      origin = h(
        "p",
        { class: "summary" },
        "Measures from /api/dependence (HHI, effective number of partners, top partner); shares per year below.",
      );
    } else origin = notice(r.missing ? "unavailable" : "error", r.error);
  } else {
    origin = unavailable(
      "/api/dependence",
      "Concentration measures (HHI, effective number of partners, entropy)",
    );
    rows = local.rows.filter((r) => r.year >= Number(st.from) && r.year <= Number(st.to));
  }
  const years: number[] = [];
  for (let y = Number(st.from); y <= Number(st.to); y++) years.push(y);
  const have = new Set(
    rows.filter((r) => r.total !== null && Object.keys(r.shares ?? {}).length).map((r) => r.year),
  );
  const missingYears = years.filter((y) => !have.has(y));
  const long = rows.flatMap((r) =>
    Object.entries(r.shares ?? {}).map(([k, v]) => ({ year: r.year, key: ctx.name(k), share: v })),
  );
  const parts: (HTMLElement | null)[] = [origin];
  if (long.length === 0)
    parts.push(
      notice(
        "empty",
        `No ${domain} flows for ${ctx.name(st.focal)} in ${st.from}–${st.to} in this scenario.`,
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
            label: `total (${local.units.join(", ") || "unit"})`,
            value: (r) => fmt(r.total, 2),
            numeric: true,
          },
          {
            key: "top",
            label: "top partner",
            value: (r) => {
              const top =
                r.top ?? Object.entries(r.shares ?? {}).sort((a, b) => b[1] - a[1])[0]?.[0];
              const sh = r.topShare ?? (top ? r.shares[top] : undefined);
              return top ? `${ctx.name(top)} ${fmt((sh ?? NaN) * 100, 1)}%` : null;
            },
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
  const usedInRange = local.used
    .filter((f) => f.year >= Number(st.from) && f.year <= Number(st.to))
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
