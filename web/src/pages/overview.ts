import { api, has, qs } from "../api.ts";
import type { PageContext } from "../context.ts";
import { type EventRec, LEVELS } from "../types.ts";
import { fmt, h, notice, section, sourceLink, unavailable } from "../ui.ts";

/** One scorecard cell as the scorecard endpoint gives it (pillar × level × year, 0–100 or missing). */
export interface Cell {
  year: number;
  pillar: string;
  level: string;
  score: number | null;
  /** Share of the cell's input weight that had data (1 = complete). */
  coverage: number | null;
  inputs: Record<string, unknown>[];
  raw: Record<string, unknown>;
}

/** Accept the scorecard's row list under `rows` or `cells`; a cell without a score is missing. */
export function scorecardCells(data: unknown): Cell[] {
  const d = data as Record<string, unknown>;
  const rows = (Array.isArray(d?.rows) ? d.rows : Array.isArray(d?.cells) ? d.cells : []) as Record<
    string,
    unknown
  >[];
  const overall = (Array.isArray(d?.overall) ? d.overall : []) as Record<string, unknown>[];
  return [
    ...rows,
    ...overall.map((o): Record<string, unknown> => ({ ...o, pillar: "overall", inputs: [] })),
  ]
    .filter((r) => r && r.year !== undefined && r.pillar !== undefined)
    .map((r) => {
      const v = r.score ?? r.value;
      return {
        year: Number(r.year),
        pillar: String(r.pillar),
        level: String(r.level ?? "all"),
        score: typeof v === "number" && Number.isFinite(v) ? v : null,
        coverage: typeof r.coverage === "number" ? r.coverage : null,
        inputs: (Array.isArray(r.inputs) ? r.inputs : []) as Record<string, unknown>[],
        raw: r,
      };
    });
}

function colour(score: number): string {
  // Sequential, colour-blind safe-ish ramp from pale to deep blue.
  const t = Math.max(0, Math.min(1, score / 100));
  const l = 95 - t * 60;
  return `hsl(210 70% ${l}%)`;
}

function inputsPanel(cell: Cell): HTMLElement {
  const keys = [...new Set(cell.inputs.flatMap((i) => Object.keys(i)))];
  return h(
    "div",
    {
      class: "cell-inputs",
      role: "region",
      "aria-live": "polite",
      "aria-label": "Inputs of the selected cell",
    },
    h(
      "h3",
      {},
      `${cell.pillar} · ${cell.level} · ${cell.year}: ${cell.score === null ? "missing" : fmt(cell.score, 1)}`,
    ),
    cell.inputs.length === 0
      ? notice("info", "The scorecard gave no inputs for this cell.")
      : h(
          "table",
          {},
          h("thead", {}, h("tr", {}, ...keys.map((k) => h("th", { scope: "col" }, k)))),
          h(
            "tbody",
            {},
            ...cell.inputs.map((i) =>
              h(
                "tr",
                {},
                ...keys.map((k) => {
                  const v = i[k];
                  if (k === "source" || k === "sources")
                    return h(
                      "td",
                      {},
                      ...(Array.isArray(v) ? v : [v]).map((x) => sourceLink(x as string)),
                    );
                  return h(
                    "td",
                    {},
                    v === null || v === undefined
                      ? h("span", { class: "missing" }, "—")
                      : typeof v === "object"
                        ? JSON.stringify(v)
                        : fmt(v, 3),
                  );
                }),
              ),
            ),
          ),
        ),
  );
}

async function scorecard(ctx: PageContext): Promise<HTMLElement> {
  const s = ctx.state;
  if (!(await has("/api/scorecard")))
    return section(
      "Scorecard",
      unavailable("/api/scorecard", "The ANA scorecard (pillars × levels × years)"),
    );
  const r = await api<unknown>(
    `/api/scorecard${qs({ scenario: s.scenario, focal: s.focal, from: s.from, to: s.to })}`,
  );
  if (!r.ok) return section("Scorecard", notice(r.missing ? "unavailable" : "error", r.error));
  const cells = scorecardCells(r.data);
  if (cells.length === 0)
    return section(
      "Scorecard",
      notice("empty", "The scorecard returned no cells for this state and period."),
    );
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const pillars = [...new Set(cells.map((c) => c.pillar))];
  const levels = [...new Set(cells.map((c) => c.level))].sort(
    (a, b) => LEVELS.indexOf(a as never) - LEVELS.indexOf(b as never),
  );
  const by = new Map(cells.map((c) => [`${c.pillar}|${c.level}|${c.year}`, c]));
  const detail = h(
    "div",
    { class: "cell-detail" },
    h(
      "p",
      { class: "hint" },
      "Select a cell (click, or Tab then Enter) to see its inputs and their sources.",
    ),
  );
  const grid = h(
    "table",
    { class: "scorecard" },
    h(
      "caption",
      {},
      "Score 0–100 per pillar, level and year; a hatched cell is missing data, not zero.",
    ),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "pillar"),
        h("th", { scope: "col" }, "level"),
        ...years.map((y) => h("th", { scope: "col" }, String(y))),
      ),
    ),
    h(
      "tbody",
      {},
      ...pillars.flatMap((p) =>
        levels.map((l) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, p),
            h("td", { class: "lvl" }, l),
            ...years.map((y) => {
              const c = by.get(`${p}|${l}|${y}`);
              if (!c || c.score === null)
                return h(
                  "td",
                  { class: "sc missing-cell" },
                  c
                    ? h(
                        "button",
                        {
                          type: "button",
                          "aria-label": `${p} ${l} ${y}: missing`,
                          onclick: () => detail.replaceChildren(inputsPanel(c)),
                        },
                        "—",
                      )
                    : h("span", { class: "missing", title: "not computed" }, "—"),
                );
              return h(
                "td",
                {
                  class: "sc",
                  style: `background:${colour(c.score)};color:${c.score > 60 ? "#fff" : "#111"}`,
                },
                h(
                  "button",
                  {
                    type: "button",
                    "aria-label": `${p} ${l} ${y}: ${fmt(c.score, 0)}`,
                    onclick: () => detail.replaceChildren(inputsPanel(c)),
                  },
                  fmt(c.score, 0),
                ),
              );
            }),
          ),
        ),
      ),
    ),
  );
  return section("Scorecard", h("div", { class: "table-wrap" }, grid), detail);
}

async function glance(ctx: PageContext): Promise<HTMLElement> {
  const s = ctx.state;
  const r = await api<{ events: EventRec[] }>(
    `/api/events${qs({ scenario: s.scenario, actor: s.focal, from: s.from, to: s.to })}`,
  );
  if (!r.ok) return section("Events by level and year", notice("error", r.error));
  const ev = r.data.events;
  const years: number[] = [];
  for (let y = Number(s.from); y <= Number(s.to); y++) years.push(y);
  const rows = [...LEVELS, "unassigned"].map((l) => {
    const cells = years.map((y) => {
      const xs = ev.filter((e) => (e.level ?? "unassigned") === l && e.date.startsWith(String(y)));
      return {
        n: xs.length,
        mean: xs.length ? xs.reduce((a, e) => a + e.goldstein, 0) / xs.length : null,
      };
    });
    return { l, cells };
  });
  const tl = (extra: Record<string, string>) => {
    const u = new URLSearchParams({
      scenario: s.scenario,
      focal: s.focal,
      from: s.from,
      to: s.to,
      ...extra,
    });
    return `/timeline?${u}`;
  };
  return section(
    "Events by level and year",
    h(
      "p",
      { class: "summary" },
      `${ev.length} sourced events involving ${ctx.name(s.focal)}. Each cell: number of events and mean Goldstein weight (green cooperation, red conflict); empty years show "—". Follow a cell to the events and their sources.`,
    ),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "glance" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "level"),
            ...years.map((y) => h("th", { scope: "col" }, String(y))),
          ),
        ),
        h(
          "tbody",
          {},
          ...rows
            .filter((r) => r.l !== "unassigned" || r.cells.some((c) => c.n > 0))
            .map((r) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, r.l),
                ...r.cells.map((c, i) =>
                  c.n === 0
                    ? h("td", { class: "missing" }, "—")
                    : h(
                        "td",
                        { class: c.mean! > 0 ? "pos" : c.mean! < 0 ? "neg" : "" },
                        h(
                          "a",
                          {
                            href: tl({
                              from: String(years[i]),
                              to: String(years[i]),
                              ...(r.l === "unassigned" ? {} : { level: r.l }),
                            }),
                            "data-nav": "",
                            title: `${c.n} events, mean Goldstein ${fmt(c.mean, 2)}`,
                          },
                          `${c.n}`,
                          h("small", {}, ` ${c.mean! > 0 ? "+" : ""}${fmt(c.mean, 1)}`),
                        ),
                      ),
                ),
              ),
            ),
        ),
      ),
    ),
  );
}

interface Claim {
  id: string;
  claim: string;
  measure: string;
  command?: string;
  finding: string;
  verdict: string;
  sources: string[];
}

async function claims(ctx: PageContext): Promise<HTMLElement> {
  if (!(await has("/api/claims")))
    return section("The seed's claims, checked", unavailable("/api/claims", "The claims check"));
  const r = await api<{ claims: Claim[] }>(`/api/claims${qs({ scenario: ctx.state.scenario })}`);
  if (!r.ok) return section("The seed's claims, checked", notice("error", r.error));
  return section(
    "The seed's claims, checked",
    h(
      "p",
      { class: "summary" },
      "Each empirical claim of the seed text, the measure that tests it, what the data says, and the sources.",
    ),
    h(
      "ol",
      { class: "claims" },
      ...r.data.claims.map((c) =>
        h(
          "li",
          { class: `claim verdict-${c.verdict.replace(/[^a-z]+/gi, "-")}` },
          h("div", {}, h("span", { class: "tag" }, c.verdict), " ", h("strong", {}, c.claim)),
          h("div", { class: "ev-meta" }, `Measure: ${c.measure}`),
          h("div", {}, c.finding),
          h("div", { class: "ev-meta" }, "Sources: ", ...c.sources.map((x) => sourceLink(x))),
        ),
      ),
    ),
  );
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const [a, b, c] = await Promise.all([scorecard(ctx), glance(ctx), claims(ctx)]);
  root.append(a, b, c);
}
