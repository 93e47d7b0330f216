import { api, capabilities } from "../api.ts";
import type { PageContext } from "../context.ts";
import { renderValue } from "../generic.ts";
import { h, notice, section } from "../ui.ts";

interface Tool {
  id: string;
  title: string;
  what: string;
  /** Job kind names or /api/compute/ paths that provide it. */
  kinds: string[];
  paths: string[];
  params: (ctx: PageContext) => Record<string, unknown>;
}

const TOOLS: Tool[] = [
  {
    id: "whatif",
    title: "What-if",
    what: "Apply hypothetical events, ties, flows or project changes to the scenario and compare the scorecard, network and dependence before and after.",
    kinds: ["whatif"],
    paths: ["/api/compute/whatif"],
    params: (ctx) => ({
      focal: ctx.state.focal,
      scenario: ctx.state.scenario,
      changes: { ties: [], events: [], flows: [], projects: [] },
    }),
  },
  {
    id: "doctrine",
    title: "Doctrine simulation",
    what: "Compare bandwagoning, balancing, passive and active non-alignment under rivalry and shocks (Monte Carlo, seeded).",
    kinds: ["doctrine"],
    paths: ["/api/compute/doctrine", "/api/compute/simulate/doctrine"],
    params: (ctx) => ({ scenario: ctx.state.scenario, runs: 1000, years: 10, seed: 1 }),
  },
  {
    id: "bargain",
    title: "Bargaining forecast",
    what: "Forecast a negotiation (e.g. the TRIPP corridor) with the Spatial Model of Politics or the expected-utility model, beside the weighted mean and median.",
    kinds: ["bargain"],
    paths: ["/api/compute/bargain"],
    params: () => ({ example: "tripp", model: "smp" }),
  },
  {
    id: "landscape",
    title: "Alignment landscape",
    what: "Axelrod–Bennett landscape minima: which two-bloc splits are stable.",
    kinds: ["landscape"],
    paths: ["/api/compute/landscape"],
    params: () => ({}),
  },
];

async function runTool(
  tool: Tool,
  how: { kind?: string; path?: string },
  params: unknown,
  out: HTMLElement,
  bar: HTMLProgressElement,
  status: HTMLElement,
): Promise<void> {
  bar.hidden = false;
  bar.removeAttribute("value");
  status.textContent = "Starting…";
  out.replaceChildren();
  let result: unknown;
  if (how.kind) {
    const r = await api<{ id: string }>("/api/compute/jobs", {
      method: "POST",
      body: JSON.stringify({ kind: how.kind, params }),
    });
    if (!r.ok) {
      bar.hidden = true;
      status.textContent = "";
      out.replaceChildren(notice("error", r.error));
      return;
    }
    for (;;) {
      await new Promise((res) => setTimeout(res, 300));
      const j = await api<{
        status: string;
        progress: number;
        message?: string;
        result?: unknown;
        error?: string;
        seconds?: number;
      }>(`/api/jobs/${r.data.id}?t=${Date.now()}`);
      if (!j.ok) {
        out.replaceChildren(notice("error", j.error));
        break;
      }
      bar.value = j.data.progress;
      bar.max = 1;
      status.textContent = `${j.data.status}: ${Math.round(j.data.progress * 100)}%${j.data.message ? ` — ${j.data.message}` : ""}`;
      if (j.data.status !== "running") {
        if (j.data.status === "done") result = j.data.result;
        else
          out.replaceChildren(
            notice("error", `${tool.title} ${j.data.status}: ${j.data.error ?? ""}`),
          );
        break;
      }
    }
  } else if (how.path) {
    status.textContent = "Running…";
    const r = await api<unknown>(how.path, { method: "POST", body: JSON.stringify(params) });
    if (!r.ok) out.replaceChildren(notice("error", r.error));
    else result = r.data;
  }
  bar.hidden = true;
  if (result !== undefined) {
    status.textContent = "Done.";
    out.replaceChildren(h("div", { class: "result" }, renderValue(result)));
  }
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const [doc, jobs] = await Promise.all([
    capabilities(),
    api<{ kinds: { name: string }[] }>("/api/jobs"),
  ]);
  const kinds = new Set(jobs.ok ? jobs.data.kinds.map((k) => k.name) : []);
  root.append(
    h(
      "p",
      { class: "summary" },
      "Model inputs that are analysts' estimates are labelled as such in each model's output. Runs happen on this server; long runs are jobs with progress.",
    ),
  );
  for (const tool of TOOLS) {
    const kind = tool.kinds.find((k) => kinds.has(k));
    const path = tool.paths.find((p) => doc?.paths[p]?.post);
    const body: HTMLElement[] = [h("p", {}, tool.what)];
    if (!kind && !path) {
      body.push(
        notice(
          "unavailable",
          `${tool.title} needs a ${tool.kinds[0]} job kind or POST ${tool.paths[0]}, which this server does not provide yet.`,
          "Nothing is simulated in its place.",
        ),
      );
    } else {
      const ta = h("textarea", {
        id: `p-${tool.id}`,
        rows: 6,
        cols: 70,
        spellcheck: "false",
        "aria-label": `${tool.title} parameters (JSON)`,
      });
      ta.value = JSON.stringify(tool.params(ctx), null, 2);
      const bar = h("progress", {
        max: 1,
        hidden: true,
        "aria-label": `${tool.title} progress`,
      }) as HTMLProgressElement;
      const status = h("span", { class: "job-status", role: "status", "aria-live": "polite" });
      const out = h("div", { class: "lab-out" });
      const btn = h("button", { type: "submit", class: "run" }, `Run ${tool.title.toLowerCase()}`);
      body.push(
        h(
          "form",
          {
            class: "lab-form",
            onsubmit: (e: Event) => {
              e.preventDefault();
              let params: unknown;
              try {
                params = JSON.parse(ta.value);
              } catch (err) {
                out.replaceChildren(
                  notice("error", `Parameters are not valid JSON: ${(err as Error).message}`),
                );
                return;
              }
              btn.disabled = true;
              void runTool(tool, { kind, path }, params, out, bar, status).finally(() => {
                btn.disabled = false;
              });
            },
          },
          h("label", { for: `p-${tool.id}` }, "Parameters (JSON)"),
          ta,
          h("div", { class: "row" }, btn, bar, status),
          out,
        ),
      );
    }
    root.append(h("div", { class: `tool tool-${tool.id}` }, section(tool.title, ...body)));
  }
}
