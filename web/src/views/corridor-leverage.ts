// The focal state's corridor leverage on the Map: the Shapley share of the transit value per
// network and year with its interval over the assumption ranges (seeded draws on the server), the
// "assumption-driven" flag (the server's rule, src/corridor/assumption-driven.ts) and, for the
// map's year, the tornado: which assumptions move the share most. Rendered from the rows of the
// corridor-leverage job; nothing here recomputes a figure.
import { shareText } from "../../../src/corridor/share-text.ts";
import type { PageContext } from "../context.ts";
import { Left, pollJob, startJob } from "../jobs.ts";
import type { Interval, JobJson, LeverageRowJson } from "../types.ts";
import { fmt, h, notice, table } from "../ui.ts";
import { tornadoChart } from "./corridor-tornado.ts";
import { intervalChart } from "./interval-chart.ts";

/** What the Map asks the leverage job for. */
export const LEVERAGE_JOB_DEFAULTS = { draws: 40, seed: 1 };

const COLOURS: Record<string, string> = { transport: "#6a51a3", gas: "#b15928" };

const finiteInterval = (x: unknown): Interval | null =>
  Array.isArray(x) &&
  x.length === 2 &&
  x.every((v) => typeof v === "number" && Number.isFinite(v)) &&
  x[0] <= x[1]
    ? [x[0], x[1]]
    : null;

/** The flag as a badge (its reason in the title), or nothing. */
export function drivenBadge(row: {
  assumptionDriven?: boolean;
  drivenReason?: string | null;
}): HTMLElement | null {
  if (!row.assumptionDriven) return null;
  return h(
    "span",
    {
      class: "assumption-driven",
      title: row.drivenReason ?? "the figure depends on an analyst's assumption",
    },
    "assumption-driven",
  );
}

/** The year whose figures the Map headlines: the map's year if covered, else the latest. */
export function headlineYear(rows: readonly LeverageRowJson[], year: number): number | null {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length === 0) return null;
  return years.includes(year) ? year : years[years.length - 1];
}

/**
 * The headline of one row: "transport 2024: Shapley share 0.176 (90 % interval 0.175 to 0.177
 * over 40 draws)", the flag with its reason, and the tornado (or why there is none).
 */
export function leverageHeadline(row: LeverageRowJson, name: string): HTMLElement {
  const iv = finiteInterval(row.shapleyShareInterval);
  const share = row.shapleyShare;
  const what = row.draws && row.level ? `${Math.round(row.level * 100)} % interval` : "interval";
  const bars = row.tornado ?? [];
  const moving = bars.filter((b) => b.swing > 0 || b.shareAtLow === null || b.shareAtHigh === null);
  return h(
    "div",
    {
      class: "leverage-headline",
      "data-network": row.network,
      "data-year": row.year,
      "data-driven": row.assumptionDriven ? "true" : "false",
    },
    h(
      "p",
      { class: "leverage-share" },
      h("strong", {}, `${name}, ${row.network} ${row.year}: `),
      share === null || share === undefined
        ? "no Shapley share (the network has no transit value this year)"
        : `Shapley share of the transit value ${shareText(share)} (${iv ? `${what} ${shareText(iv[0])} to ${shareText(iv[1])}` : `no ${what} reported`})${row.draws ? ` over ${row.draws} seeded draws of the assumption ranges` : ""}`,
      " ",
      drivenBadge(row),
    ),
    row.assumptionDriven && row.drivenReason
      ? h("p", { class: "driven-reason" }, `Why flagged: ${row.drivenReason}.`)
      : null,
    share === null || share === undefined || !row.tornado
      ? null
      : moving.length === 0
        ? h(
            "p",
            { class: "hint" },
            `No assumption with a range moves the ${row.network} share in ${row.year} (tornado all 0).`,
          )
        : h(
            "figure",
            { class: "tornado-figure" },
            tornadoChart(moving, share, {
              title: `Which assumptions move ${name}'s ${row.network} share, ${row.year}`,
            }),
            h(
              "figcaption",
              { class: "hint" },
              "Each bar: the share with one assumption (group) at the low or high end of its range, the others at their central values. Ranges and reasoning: data/networks/eurasia/assumption-ranges.csv.",
            ),
          ),
  );
}

/** The share per network over the years, whiskers for the intervals. */
export function leverageChart(rows: readonly LeverageRowJson[]): SVGElement {
  const networks = [...new Set(rows.map((r) => r.network))];
  return intervalChart(
    networks.map((n) => ({
      name: n,
      colour: COLOURS[n] ?? "#333",
      points: rows
        .filter((r) => r.network === n)
        .map((r) => ({
          x: r.year,
          status: r.shapleyShare === null || r.shapleyShare === undefined ? "no data" : "data",
          value: r.shapleyShare ?? null,
          interval: finiteInterval(r.shapleyShareInterval),
        })),
    })),
    {
      width: 760,
      height: 220,
      yDomain: [0, 1],
      digits: 3,
      title: "Shapley share of transit value (whiskers: interval over the assumption ranges)",
    },
  );
}

export function leverageTable(rows: readonly LeverageRowJson[]): HTMLElement {
  const iv = (x: unknown) => {
    const i = finiteInterval(x);
    return i ? `${shareText(i[0])}–${shareText(i[1])}` : null;
  };
  return table(
    [...rows],
    [
      { key: "y", label: "year", value: (x) => String(x.year) },
      { key: "n", label: "network", value: (x) => x.network },
      {
        key: "b",
        label: "route betweenness",
        value: (x) => fmt(x.routeBetweenness, 3),
        numeric: true,
      },
      {
        key: "c",
        label: "bypass cost",
        value: (x) =>
          x.bypassCost === null ? null : `${fmt(x.bypassCost, 2)} ${x.costUnit ?? ""}`,
        numeric: true,
      },
      { key: "s", label: "Shapley transit power", value: (x) => fmt(x.shapley, 3), numeric: true },
      {
        key: "sh",
        label: "Shapley share",
        value: (x) => (typeof x.shapleyShare === "number" ? shareText(x.shapleyShare) : null),
        numeric: true,
      },
      {
        key: "si",
        label: "share interval",
        value: (x) => iv(x.shapleyShareInterval),
        numeric: true,
      },
      {
        key: "f",
        label: "flag",
        value: (x) => drivenBadge(x) ?? (x.tornado ? "" : null),
      },
    ],
  );
}

const leverageJobs = new Map<string, string>();

/**
 * Transit leverage over the years (a job: it solves many flow problems, each draw again), with
 * the interval, flag and tornado of the focal state for `year`.
 */
export function leverageSection(ctx: PageContext, year: number): HTMLElement {
  const focal = ctx.state.focal;
  const bar = h("progress", {
    max: 1,
    value: 0,
    "aria-label": "transit leverage progress",
  }) as HTMLProgressElement;
  const status = h(
    "span",
    { class: "job-status", role: "status", "aria-live": "polite" },
    "starting…",
  );
  const body = h("div", { class: "leverage" }, h("div", { class: "row" }, bar, " ", status));
  void (async () => {
    const t0 = performance.now();
    // One job per focal state per page load: re-rendering the map polls the same job. Polling
    // stops when the page is left (ctx.signal); the job itself finishes on the server.
    let id = leverageJobs.get(focal);
    if (!id) {
      try {
        id = await startJob("corridor-leverage", { country: focal, ...LEVERAGE_JOB_DEFAULTS });
      } catch (e) {
        const status = (e as { status?: number }).status;
        body.replaceChildren(
          notice(status === 404 ? "unavailable" : "error", (e as Error).message),
        );
        return;
      }
      leverageJobs.set(focal, id);
    }
    let job: JobJson;
    try {
      job = await pollJob(id, {
        signal: ctx.signal,
        every: 400,
        onProgress: (j) => {
          bar.value = j.progress;
          status.textContent = `${Math.round(j.progress * 100)}% · ${((performance.now() - t0) / 1000).toFixed(0)} s${j.message ? ` · ${j.message}` : ""}`;
        },
      });
    } catch (e) {
      if (e instanceof Left) return;
      leverageJobs.delete(focal);
      body.replaceChildren(notice("error", `transit leverage: ${(e as Error).message}`));
      return;
    }
    const result = job.result as { rows?: LeverageRowJson[] } | undefined;
    if (!Array.isArray(result?.rows)) {
      body.replaceChildren(notice("error", "transit leverage: the job returned no rows"));
      return;
    }
    const rows = result.rows;
    const y = headlineYear(rows, year);
    const name = ctx.name(focal);
    body.replaceChildren(
      h(
        "p",
        { class: "summary" },
        `What other states would lose without ${name} as a transit country, per year of the corridor model (computed in ${((performance.now() - t0) / 1000).toFixed(1)} s).`,
      ),
      y === null
        ? notice("empty", `${name} is on no route of the corridor networks in any year.`)
        : h(
            "div",
            { class: "leverage-year" },
            y !== year
              ? notice("info", `The corridor networks do not cover ${year}; showing ${y}.`)
              : null,
            ...rows.filter((r) => r.year === y).map((r) => leverageHeadline(r, name)),
          ),
      h("figure", {}, leverageChart(rows)),
      leverageTable(rows),
      h(
        "p",
        { class: "hint" },
        "Assumption-driven: the interval is wider than 25 % of the share, or one assumption alone (set to an end of its range) moves it by more than 25 %, or the central value lies outside its interval (docs/measures/corridors.md). Formulas: docs/measures (corridors); link figures and their sources: the corridor network's files, via /api/corridors/network.",
      ),
    );
  })();
  return body;
}
