import { api, has, qs } from "../api.ts";
import type { PageContext } from "../context.ts";
import { type ShownCell, scorecardCells } from "../measured.ts";
import {
  type AtlasCompareJson,
  type ClaimsJson,
  type EventRec,
  LEVEL_COLOURS,
  LEVELS,
  type ScorecardJson,
} from "../types.ts";
import { fmt, h, notice, section, unavailable } from "../ui.ts";
import { cellDetail } from "../views/cell-detail.ts";
import { claimsList } from "../views/claims.ts";
import { comparisonPanel, defaultCompare, parseCompare } from "../views/comparison.ts";
import { intervalChart } from "../views/interval-chart.ts";
import { peerPercentile } from "../views/peer-percentile.ts";
import { pendingBlock } from "../views/pending.ts";
import { gridLegend, scorecardGrid } from "../views/scorecard-grid.ts";

export { scorecardCells };

/** One small chart per pillar (and overall): a line per level, whiskers for intervals. */
function scoreCharts(cells: ShownCell[]): HTMLElement {
  const pillars = [...new Set(cells.map((c) => c.pillar))].sort(
    (a, b) => Number(a === "overall") - Number(b === "overall"),
  );
  const levels = LEVELS.filter((l) => cells.some((c) => c.level === l));
  return h(
    "div",
    { class: "small-multiples" },
    ...pillars.map((p) =>
      h(
        "figure",
        { class: "score-chart", "data-pillar": p },
        intervalChart(
          levels.map((l) => ({
            name: l,
            colour: LEVEL_COLOURS[l],
            points: cells
              .filter((c) => c.pillar === p && c.level === l)
              .map((c) => ({ x: c.year, status: c.status, value: c.score, interval: c.interval })),
          })),
          { title: p, yDomain: [0, 100] },
        ),
      ),
    ),
    h(
      "p",
      { class: "legend" },
      ...levels.map((l) => h("span", {}, h("i", { style: `background:${LEVEL_COLOURS[l]}` }), l)),
      h("span", {}, "whiskers: the score's interval; grey marks under the axis: not measured"),
    ),
  );
}

async function fetchScorecard(ctx: PageContext, compare: string) {
  const s = ctx.state;
  return api<ScorecardJson>(
    `/api/scorecard${qs({ scenario: s.scenario, focal: s.focal, from: s.from, to: s.to, compare })}`,
  );
}

function scorecardView(data: ScorecardJson): HTMLElement {
  const cells = scorecardCells(data);
  if (cells.length === 0)
    return notice("empty", "The scorecard returned no cells for this state and period.");
  const detail = h(
    "div",
    { class: "cell-detail", role: "region", "aria-live": "polite", "aria-label": "Selected cell" },
    h(
      "p",
      { class: "hint" },
      "Select a cell (click, or Tab into the grid, arrows, Enter) to see its inputs, their status, intervals and sources.",
    ),
  );
  const grid = scorecardGrid(cells, { onSelect: (c) => detail.replaceChildren(cellDetail(c)) });
  const counts = { data: 0, other: 0 };
  for (const c of cells) counts[c.status === "data" && c.score !== null ? "data" : "other"]++;
  const rule =
    typeof data.minCoverage === "number"
      ? ` A cell is scored when at least ${Math.round(data.minCoverage * 100)}% of its input weight is measured (the server's threshold).`
      : " This server does not report its coverage threshold.";
  const iv = data.intervals;
  const ivText =
    iv && typeof iv === "object"
      ? ` Intervals: ${typeof iv.level === "number" ? `${Math.round(iv.level * 100)}% ` : ""}${iv.method ?? "method not stated"}${typeof iv.draws === "number" ? `, ${iv.draws} draws` : ""}${typeof iv.seed === "number" ? `, seed ${iv.seed}` : ""}.`
      : " This server reports no intervals for the scorecard.";
  return h(
    "div",
    {},
    h(
      "p",
      { class: "summary" },
      `${counts.data} of ${cells.length} cells measured; ${counts.other} not fully measured are hatched and not scored.${rule}${ivText}`,
    ),
    h("div", { class: "table-wrap" }, grid),
    gridLegend(),
    detail,
    h("h3", {}, "Scores over time, with intervals"),
    scoreCharts(cells),
  );
}

function compareForm(ctx: PageContext, current: string): HTMLElement {
  const input = h("input", {
    id: "ov-compare",
    type: "text",
    value: current,
    pattern: "\\d{4}-\\d{4}:\\d{4}-\\d{4}",
    size: 22,
    "aria-describedby": "ov-compare-hint",
  }) as HTMLInputElement;
  return h(
    "form",
    {
      class: "filters",
      "aria-label": "Periods to compare",
      onsubmit: (e: Event) => {
        e.preventDefault();
        ctx.update({ compare: input.value.trim() });
      },
    },
    h("label", { for: "ov-compare" }, "Periods (before:after)", input),
    h("button", { type: "submit" }, "Compare"),
    h("span", { id: "ov-compare-hint", class: "hint" }, "e.g. 2011-2019:2021-2024"),
  );
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
      `${ev.length} sourced events involving ${ctx.name(s.focal)}. Each cell: number of events and mean Goldstein weight (green cooperation, red conflict); empty years show "—". The counts say how many events the scenario compiled, not how much happened: they are a way into the events, not a measure. Follow a cell to the events and their sources.`,
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

export const OVERVIEW_DEFAULTS = {
  /**
   * Peer groups for the focal state's percentile (atlas compare's syntax): the Non-Aligned
   * Movement, and states of similar material capabilities (CINC within ×2), which both exist
   * for any state.
   */
  peers: "NONALIGNED,CINC:2",
};

/** The focal state's percentile among its peers, from the Atlas (GET /api/atlas/compare). */
async function peers(ctx: PageContext): Promise<HTMLElement> {
  if (!(await has("/api/atlas/compare")))
    return unavailable("/api/atlas/compare", "The focal state's percentile among its peers");
  const s = ctx.state;
  const r = await api<AtlasCompareJson>(
    `/api/atlas/compare${qs({ focal: s.focal, peers: s.extra.peers ?? OVERVIEW_DEFAULTS.peers })}`,
  );
  const form = peersForm(ctx, s.extra.peers ?? OVERVIEW_DEFAULTS.peers);
  if (!r.ok)
    return h("div", {}, form, notice(r.missing ? "unavailable" : "error", `Peers: ${r.error}`));
  return h("div", {}, form, peerPercentile(r.data, { name: ctx.name }));
}

function peersForm(ctx: PageContext, current: string): HTMLElement {
  const input = h("input", {
    id: "ov-peers",
    type: "text",
    value: current,
    size: 30,
    "aria-describedby": "ov-peers-hint",
  }) as HTMLInputElement;
  return h(
    "form",
    {
      class: "filters",
      "aria-label": "Peer groups",
      onsubmit: (e: Event) => {
        e.preventDefault();
        ctx.update({ peers: input.value.trim() });
      },
    },
    h("label", { for: "ov-peers" }, "Peer groups", input),
    h("button", { type: "submit" }, "Compare"),
    h(
      "span",
      { id: "ov-peers-hint", class: "hint" },
      "e.g. NONALIGNED,OTS,REGION:POSTSOVIET,CINC:2,custom:ARM+GEO",
    ),
  );
}

async function claims(ctx: PageContext): Promise<HTMLElement> {
  if (!(await has("/api/claims"))) return unavailable("/api/claims", "The claims check");
  const r = await api<ClaimsJson>(`/api/claims${qs({ scenario: ctx.state.scenario })}`);
  if (!r.ok) return notice("error", r.error);
  return claimsList(r.data, ctx.state.focal, ctx.scenario.focal, ctx.name);
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const st = ctx.state;
  const from = Number(st.from);
  const to = Number(st.to);
  const asked = st.extra.compare ?? "";
  const valid = parseCompare(asked, from, to) !== null;
  const compare = valid ? asked : defaultCompare(from, to);
  const signal = ctx.signal;
  const hasScorecard = has("/api/scorecard");
  // The cells come from the plain scorecard request (the one the server warms at start-up); the
  // comparison from the same request with `compare`, which may take longer and has its own wait.
  const card = hasScorecard.then((ok) => (ok ? fetchScorecard(ctx, "") : null));
  const compared = hasScorecard.then((ok) => (ok && compare ? fetchScorecard(ctx, compare) : null));
  const sc = pendingBlock(
    "Computing the scorecard",
    async () => {
      const r = await card;
      if (r === null)
        return unavailable("/api/scorecard", "The ANA scorecard (pillars × levels × years)");
      if (!r.ok) return notice(r.missing ? "unavailable" : "error", r.error);
      return scorecardView(r.data);
    },
    { signal },
  );
  const cmp = pendingBlock(
    "Comparing the periods",
    async () => {
      const r = await compared;
      if (r === null) return unavailable("/api/scorecard", "The comparison of periods");
      if (!r.ok) return notice("error", r.error);
      return comparisonPanel(r.data.comparison);
    },
    { signal },
  );
  const gl = pendingBlock("Counting events", () => glance(ctx), { signal });
  const cl = pendingBlock("Checking the claims", () => claims(ctx), { signal });
  const pe = pendingBlock("Placing the state among its peers", () => peers(ctx), { signal });
  root.append(
    section("Scorecard", sc.el),
    section(
      "Did the scores change? Like for like between two periods",
      compareForm(ctx, compare),
      asked && !valid
        ? notice(
            "info",
            `"${asked}" is not two periods within ${from}–${to} (before ends before after starts); comparing ${compare} instead.`,
          )
        : null,
      compare ? cmp.el : notice("info", "The period is too short to compare two parts of it."),
    ),
    section("Among its peers", pe.el),
    gl.el,
    section("The seed's claims, checked", cl.el),
  );
  await Promise.all([sc.done, cmp.done, gl.done, cl.done, pe.done]);
}
