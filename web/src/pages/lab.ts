import { api } from "../api.ts";
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
        async (bar, status) =>
          bargainResult(
            (await runJob(
              "bargain",
              { example: "tripp", model: val("bg-model") },
              bar,
              status,
            )) as never,
          ),
      ),
    );
  else root.append(missing("Bargaining forecast", "bargain"));
}
