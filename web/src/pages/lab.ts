import { calibrationPlotSvg } from "../../../src/backtest/calibration-plot.ts";
import type { ApiResult as OpResult } from "../../../src/ops/api-types.ts";
import { type ApiResult, api } from "../api.ts";
import type { PageContext } from "../context.ts";
import { renderValue } from "../generic.ts";
import { Left, pollJob, startJob } from "../jobs.ts";
import type { DoctrineSummaryJson, WhatIfRowJson } from "../types.ts";
import { fmt, h, notice, section, table } from "../ui.ts";

/** A shipped example change set (data/whatif/tripp-operational.yaml): every row hypothetical. */
const WHATIF_EXAMPLE = `# Hypothetical: TRIPP becomes operational (every row is hypothetical, not a fact).
changes:
  - op: update
    table: projects
    where: { id: tripp }
    set: { status: operational }
  - op: add
    table: ties
    row: { a: AZE, b: USA, domain: transport, sign: 1, strength: 0.5, from: "2025", source: "hypothetical (what-if example)" }
`;

/** The page's lifetime, so that a run stops polling (and is cancelled) when the page is left. */
let pageSignal: AbortSignal | undefined;

/** Run a job kind with progress; resolves with its result (or throws with its error). */
async function runJob(
  kind: string,
  params: unknown,
  bar: HTMLProgressElement,
  status: HTMLElement,
): Promise<unknown> {
  const t0 = performance.now();
  const signal = pageSignal;
  const id = await startJob(kind, params);
  // Nobody will read the result of a run whose page was left: cancel it on the server too.
  const cancel = () =>
    void fetch(`/api/compute/jobs/${encodeURIComponent(id)}/cancel`, { method: "POST" }).catch(
      () => undefined,
    );
  signal?.addEventListener("abort", cancel, { once: true });
  bar.hidden = false;
  try {
    const job = await pollJob(id, {
      signal,
      every: 250,
      onProgress: (j) => {
        bar.value = j.progress;
        const secs = ((performance.now() - t0) / 1000).toFixed(1);
        status.textContent = `${j.status} · ${Math.round(j.progress * 100)}% · ${secs} s${j.message ? ` · ${j.message}` : ""}`;
      },
    });
    status.textContent = `done in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    return job.result;
  } finally {
    signal?.removeEventListener("abort", cancel);
    bar.hidden = true;
  }
}

function tool(
  id: string,
  title: string,
  what: string,
  fields: HTMLElement[],
  run: (bar: HTMLProgressElement, status: HTMLElement) => Promise<HTMLElement>,
): HTMLElement {
  const bar = h("progress", {
    max: 1,
    value: 0,
    hidden: true,
    "aria-label": `${title} progress`,
  }) as HTMLProgressElement;
  const status = h("span", { class: "job-status", role: "status", "aria-live": "polite" });
  const out = h("div", { class: "lab-out" });
  const btn = h("button", { type: "submit", class: "run" }, `Run ${title.toLowerCase()}`);
  const form = h(
    "form",
    {
      class: "lab-form",
      onsubmit: (e: Event) => {
        e.preventDefault();
        btn.disabled = true;
        out.replaceChildren();
        run(bar, status)
          .then((el) => out.replaceChildren(h("div", { class: "result" }, el)))
          .catch((err: Error) => {
            if (!(err instanceof Left)) out.replaceChildren(notice("error", err.message));
          })
          .finally(() => {
            btn.disabled = false;
          });
      },
    },
    ...fields,
    h("div", { class: "row" }, btn, bar, status),
    out,
  );
  return h("div", { class: `tool tool-${id}` }, section(title, h("p", {}, what), form));
}

function num(id: string, label: string, value: number, min: number, max: number): HTMLElement {
  return h(
    "label",
    { for: id, class: "inline" },
    label,
    " ",
    h("input", { id, type: "number", value, min, max, step: 1 }),
  );
}

const val = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

function whatIfResult(
  r: {
    applied: { op: string; table: string; rows: number }[];
    changed: WhatIfRowJson[];
    measures: WhatIfRowJson[];
    notIncluded: string[];
  },
  ctx: PageContext,
): HTMLElement {
  return h(
    "div",
    {},
    h(
      "p",
      {},
      `Applied: ${r.applied.map((a) => `${a.op} ${a.rows} row(s) in ${a.table}`).join("; ")}. ${r.changed.length} of ${r.measures.length} measure values changed.`,
    ),
    r.changed.length
      ? table(r.changed, [
          { key: "m", label: "measure", value: (x) => x.measure },
          {
            key: "k",
            label: "key",
            value: (x) => x.key.replace(/\b[A-Z]{3}\b/g, (c) => ctx.name(c)),
          },
          { key: "b", label: "before", value: (x) => fmt(x.before, 3), numeric: true },
          { key: "a", label: "after", value: (x) => fmt(x.after, 3), numeric: true },
          {
            key: "d",
            label: "change",
            value: (x) => (x.delta === null ? null : `${x.delta > 0 ? "+" : ""}${fmt(x.delta, 3)}`),
            numeric: true,
          },
        ])
      : notice("empty", "No measure changed."),
    r.notIncluded.length ? notice("info", `Not included yet: ${r.notIncluded.join("; ")}`) : null,
  );
}

async function doctrineResult(r: {
  runs: number;
  years: number;
  seed: number;
  doctrines: DoctrineSummaryJson[];
  ranking: string[];
  assumptions?: unknown;
  measured?: unknown;
}): Promise<HTMLElement> {
  const auto = r.doctrines.flatMap((d) =>
    d.autonomy.map((a, t) => ({ year: t + 1, autonomy: a, doctrine: d.doctrine })),
  );
  const Plot = await import("@observablehq/plot");
  const chart = Plot.plot({
    width: 700,
    height: 240,
    x: { label: "simulated year" },
    y: { label: "mean autonomy (1 − HHI of partner shares)", domain: [0, 1], grid: true },
    color: { legend: true },
    marks: [Plot.lineY(auto, { x: "year", y: "autonomy", stroke: "doctrine" })],
  });
  const payoffKeys = Object.keys(r.doctrines[0]?.payoff ?? {});
  return h(
    "div",
    {},
    h(
      "p",
      {},
      `${r.runs} runs × ${r.years} years, seed ${r.seed}. Ranking by mean cumulative payoff: ${r.ranking.join(" > ")}.`,
    ),
    table(r.doctrines, [
      { key: "d", label: "doctrine", value: (d) => d.doctrine },
      ...payoffKeys.map((k) => ({
        key: k,
        label: `payoff ${k}`,
        value: (d: DoctrineSummaryJson) => fmt(d.payoff[k], 2),
        numeric: true,
      })),
      { key: "c", label: "CVaR", value: (d) => fmt(d.cvar, 2), numeric: true },
      { key: "co", label: "P(coercion)", value: (d) => fmt(d.coercion.probAny, 3), numeric: true },
      {
        key: "ab",
        label: "P(abandonment)",
        value: (d) => fmt(d.abandonment.probAny, 3),
        numeric: true,
      },
    ]),
    h("figure", {}, chart),
    r.assumptions
      ? h(
          "details",
          {},
          h("summary", {}, "Assumptions (analysts' estimates, not facts)"),
          renderValue(r.assumptions),
        )
      : null,
    r.measured
      ? h(
          "details",
          {},
          h("summary", {}, "Parameters measured from the scenario"),
          renderValue(r.measured),
        )
      : null,
  );
}

function bargainResult(r: {
  model: string;
  scenario: { name: string; dimensions: string[]; actors: string[] };
  turns: unknown[];
  final: { positions: Record<string, number[]> };
  baselines: { weightedMean: number[]; weightedMedian: number[] };
  forecast?: number[];
  notes?: string[];
  stopReason?: string;
}): HTMLElement {
  const dims = r.scenario.dimensions;
  const rows = [
    ...Object.entries(r.final.positions).map(([actor, pos]) => ({ actor, pos })),
    { actor: "weighted mean (baseline)", pos: r.baselines.weightedMean },
    { actor: "weighted median (baseline)", pos: r.baselines.weightedMedian },
    ...(r.forecast ? [{ actor: `forecast (${r.model.toUpperCase()})`, pos: r.forecast }] : []),
  ];
  return h(
    "div",
    {},
    h(
      "p",
      {},
      `${r.scenario.name}: ${r.model.toUpperCase()}, ${r.turns.length - 1} bargaining rounds (${r.stopReason ?? "stopped"}). Positions on the input's 0–100 scale. Inputs are analysts' estimates.`,
    ),
    table(rows, [
      { key: "a", label: "actor", value: (x) => x.actor },
      ...dims.map((d, i) => ({
        key: `d${i}`,
        label: d.replace(/ Position$/, ""),
        value: (x: { pos: number[] }) => fmt(x.pos[i], 1),
        numeric: true,
      })),
    ]),
    r.notes?.length ? h("ul", { class: "plain" }, ...r.notes.map((n) => h("li", {}, n))) : null,
  );
}

/** The shipped backtest's scores (GET /api/backtest/track-record). */
type TrackRecord = OpResult<"backtestTrackRecord">;

const MODEL_LABEL: Record<string, string> = {
  smp: "SMP (KTAB)",
  bdm: "expected utility (BDM)",
  compromise: "compromise baseline",
  median: "median baseline",
  mean: "mean baseline",
  statusquo: "status quo baseline",
};
const BASELINES = ["compromise", "median", "mean", "statusquo"];
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : `${Math.round(v * 100)} %`;
const signed = (v: number) => `${v > 0 ? "+" : ""}${fmt(v, 1)}`;

/**
 * The calibration plot of docs/backtest-calibration.svg (the same pure SVG function), as a DOM
 * node: nominal coverage of each central Monte Carlo band against the share of outcomes inside
 * it, per model, with Wilson intervals and n. Null when no band was scored.
 */
function calibrationFigure(r: TrackRecord): HTMLElement | null {
  const models = r.models.filter((m) =>
    r.calibration.some((c) => c.model === m && c.coverage !== null && c.n > 0),
  );
  if (models.length === 0) return null;
  const text = calibrationPlotSvg(r.calibration, { models, level: r.settings.level });
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
  svg.setAttribute("style", "max-width: 100%; height: auto");
  return h(
    "figure",
    { class: "calibration-figure" },
    svg,
    h(
      "figcaption",
      { class: "muted" },
      `Calibration of the Monte Carlo bands (docs/backtest-calibration.svg): each point is a central band's nominal coverage (x) against the share of outcomes that fell inside it (y), with its ${Math.round(r.settings.level * 100)} % Wilson interval and n; a calibrated band sits on the dashed diagonal.`,
    ),
  );
}

/**
 * How the forecasting model did when it was scored on real decisions (docs/backtest.md), beside
 * its forecast: MAE against the compromise baseline with the paired bootstrap interval, n,
 * accuracy within 10 points, the calibration of its Monte Carlo bands, and the baselines. No track
 * record shipped: said so, never a stand-in.
 */
export function trackRecordView(tr: ApiResult<TrackRecord>, model: string): HTMLElement {
  const title = h("h3", {}, `Track record of ${MODEL_LABEL[model] ?? model} on real decisions`);
  if (!tr.ok)
    return h(
      "div",
      { class: "track-record" },
      title,
      tr.status === 404
        ? notice(
            "unavailable",
            "No track record ships with this server, so this forecast has not been scored against real outcomes. Treat it as untested.",
            tr.missing ? "This server has no track-record endpoint." : tr.error,
          )
        : notice("error", `The track record could not be read: ${tr.error}`),
    );
  const r = tr.data;
  const row = r.summary.find((s) => s.model === model);
  if (!row)
    return h(
      "div",
      { class: "track-record" },
      title,
      notice(
        "unavailable",
        `The shipped track record does not score ${MODEL_LABEL[model] ?? model}.`,
      ),
    );
  const level = r.settings.level;
  const comp = r.summary.find((s) => s.model === "compromise");
  const band = (m: string, b: 0.5 | 0.9) =>
    r.calibration.find((c) => c.model === m && c.band === b);
  const d = row.diffVsCompromise;
  const verdict = !d
    ? "no comparison with the compromise baseline"
    : d.interval[1] < 0
      ? "better than the compromise baseline"
      : d.interval[0] > 0
        ? "worse than the compromise baseline"
        : "not distinguishable from the compromise baseline";
  const b50 = band(model, 0.5);
  const b90 = band(model, 0.9);
  const rows = [row, ...BASELINES.flatMap((m) => r.summary.filter((s) => s.model === m))];
  return h(
    "div",
    { class: "track-record", "data-model": model },
    title,
    h(
      "p",
      { class: "track-summary" },
      `Scored on ${row.n} issues with a known outcome (${r.dataset.name}, ${r.dataset.file}): its forecasts missed the outcome by ${fmt(row.mae, 1)} points on average (MAE; errors on ${r.settings.scale})`,
      comp ? `, the compromise baseline by ${fmt(comp.mae, 1)}` : "",
      d
        ? `; difference ${signed(d.mae)} [${fmt(d.interval[0], 1)}, ${fmt(d.interval[1], 1)}] (${Math.round(level * 100)} % paired bootstrap interval): ${verdict}.`
        : ".",
      ` Within 10 points of the outcome: ${pct(row.within10)} of issues.`,
      b50 || b90
        ? ` Its Monte Carlo bands held the outcome in ${pct(b50?.coverage)} (50 % band) and ${pct(b90?.coverage)} (90 % band) of ${b90?.n ?? b50?.n} issues; well-calibrated bands would hold 50 % and 90 %.`
        : " Its Monte Carlo bands were not scored.",
    ),
    table(
      rows,
      [
        { key: "m", label: "model", value: (x) => MODEL_LABEL[x.model] ?? x.model },
        { key: "n", label: "issues", value: (x) => x.n, numeric: true },
        { key: "mae", label: "MAE", value: (x) => fmt(x.mae, 1), numeric: true },
        {
          key: "d",
          label: `MAE − compromise [${Math.round(level * 100)} % interval]`,
          value: (x) =>
            x.diffVsCompromise
              ? `${signed(x.diffVsCompromise.mae)} [${fmt(x.diffVsCompromise.interval[0], 1)}, ${fmt(x.diffVsCompromise.interval[1], 1)}]`
              : "—",
          numeric: true,
        },
        { key: "w", label: "within 10", value: (x) => pct(x.within10), numeric: true },
        {
          key: "b50",
          label: "in 50 % band",
          value: (x) => pct(band(x.model, 0.5)?.coverage),
          numeric: true,
        },
        {
          key: "b90",
          label: "in 90 % band",
          value: (x) => pct(band(x.model, 0.9)?.coverage),
          numeric: true,
        },
      ],
      "Lower MAE is better; a negative difference beats the compromise baseline (capability × salience weighted mean of positions).",
    ),
    calibrationFigure(r),
    h(
      "p",
      { class: "muted" },
      `From docs/backtest.md (${r.file}, made by "${r.command}"). Data: ${r.dataset.citation}, doi:${r.dataset.doi}. Capabilities: ${r.capabilities}. The models were scored on EU legislative decisions, one issue dimension at a time; how well that carries over to a negotiation like this one is not measured.`,
    ),
  );
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  pageSignal = ctx.signal;
  const jobs = await api<{ kinds: { name: string }[] }>("/api/jobs");
  const kinds = new Set(jobs.ok ? jobs.data.kinds.map((k) => k.name) : []);
  const missing = (title: string, kind: string) =>
    h(
      "div",
      { class: `tool tool-${kind}` },
      section(
        title,
        notice(
          "unavailable",
          `${title} needs the "${kind}" job kind, which this server does not provide yet.`,
          "Nothing is simulated in its place.",
        ),
      ),
    );
  root.append(
    h(
      "p",
      { class: "summary" },
      "Models run on this server as jobs with progress. Model inputs that are analysts' estimates are labelled as such; hypothetical changes are never mixed into the facts.",
    ),
  );
  const st = ctx.state;

  if (kinds.has("whatif")) {
    const ta = h("textarea", {
      id: "wi-changes",
      rows: 10,
      spellcheck: "false",
      "aria-label": "What-if changes (YAML)",
    });
    ta.value = WHATIF_EXAMPLE.replace(/\bAZE\b/g, st.focal);
    root.append(
      tool(
        "whatif",
        "What-if",
        `Apply hypothetical changes to the scenario (YAML: add, remove or update rows of any table) and compare ${ctx.name(st.focal)}'s measures before and after.`,
        [h("label", { for: "wi-changes" }, "Changes (YAML)"), ta],
        async (bar, status) =>
          whatIfResult(
            (await runJob(
              "whatif",
              { focal: st.focal, scenario: st.scenario, changes: ta.value },
              bar,
              status,
            )) as never,
            ctx,
          ),
      ),
    );
  } else root.append(missing("What-if", "whatif"));

  if (kinds.has("doctrine"))
    root.append(
      tool(
        "doctrine",
        "Doctrine simulation",
        "Compare bandwagoning, balancing, passive and active non-alignment under rivalry and shocks, parameterised from the scenario's poles and ties (Monte Carlo, seeded, reproducible).",
        [
          h(
            "div",
            { class: "row" },
            num("dc-runs", "runs", 2000, 1, 20000),
            num("dc-years", "years", 15, 1, 50),
            num("dc-seed", "seed", 1, 0, 1e9),
          ),
        ],
        async (bar, status) =>
          await doctrineResult(
            (await runJob(
              "doctrine",
              {
                scenario: st.scenario,
                runs: Number(val("dc-runs")),
                years: Number(val("dc-years")),
                seed: Number(val("dc-seed")),
              },
              bar,
              status,
            )) as never,
          ),
      ),
    );
  else root.append(missing("Doctrine simulation", "doctrine"));

  if (kinds.has("bargain"))
    root.append(
      tool(
        "bargain",
        "Bargaining forecast",
        "Forecast the TRIPP corridor negotiation (Azerbaijan, Armenia, Iran, Russia, Türkiye, US, EU, Georgia) with KTAB's Spatial Model of Politics or the expected-utility model, beside the weighted mean and median.",
        [
          h(
            "div",
            { class: "row" },
            h(
              "label",
              { for: "bg-model", class: "inline" },
              "model ",
              h(
                "select",
                { id: "bg-model" },
                h("option", { value: "smp" }, "Spatial Model of Politics (KTAB)"),
                h("option", { value: "bdm" }, "expected utility (BDM, Scholz et al. 2011)"),
              ),
            ),
          ),
        ],
        async (bar, status) => {
          const model = val("bg-model");
          const [forecast, record] = await Promise.all([
            runJob("bargain", { example: "tripp", model }, bar, status),
            api<TrackRecord>("/api/backtest/track-record"),
          ]);
          return h("div", {}, bargainResult(forecast as never), trackRecordView(record, model));
        },
      ),
    );
  else root.append(missing("Bargaining forecast", "bargain"));
}
