import * as Plot from "@observablehq/plot";
import { api, has, qs } from "../api.ts";
import type { PageContext } from "../context.ts";
import { type EventRec, LEVELS } from "../types.ts";
import { fmt, h, notice, section, sourceLink, unavailable } from "../ui.ts";
import { alignmentChart, relationChart } from "../views/dyad-charts.ts";
import { pendingBlock } from "../views/pending.ts";

const DOMAINS = [
  "diplomatic",
  "institution",
  "energy",
  "security",
  "peace",
  "conflict",
  "transport",
  "trade",
  "humanitarian",
];

function select(
  id: string,
  label: string,
  value: string,
  options: [string, string][],
  onChange: (v: string) => void,
) {
  return h(
    "label",
    { for: id },
    label,
    h(
      "select",
      { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
      ...options.map(([v, l]) => h("option", { value: v, selected: v === value }, l)),
    ),
  );
}

/** With a partner chosen: the relation score and UN-vote agreement over time, with intervals. */
function dyadSection(ctx: PageContext, partner: string): { el: HTMLElement; done: Promise<void> } {
  const s = ctx.state;
  const rel = pendingBlock(
    "Computing the relation score",
    async () => {
      const r = await api<{ rows: Record<string, unknown>[] }>(
        `/api/relations${qs({ scenario: s.scenario, focal: s.focal, with: partner, by: "year", from: s.from, to: s.to })}`,
      );
      if (!r.ok) return notice(r.missing ? "unavailable" : "error", r.error);
      return relationChart(r.data.rows ?? [], s.focal, partner);
    },
    { signal: ctx.signal },
  );
  const al = pendingBlock(
    "Computing UN-vote alignment",
    async () => {
      if (!(await has("/api/alignment"))) return unavailable("/api/alignment", "UN-vote alignment");
      const r = await api<{ rows: Record<string, unknown>[] }>(
        `/api/alignment${qs({ focal: s.focal, with: partner, from: s.from, to: s.to })}`,
      );
      if (!r.ok) return notice(r.missing ? "unavailable" : "error", r.error);
      return alignmentChart(r.data.rows ?? [], s.focal);
    },
    { signal: ctx.signal },
  );
  const el = section(
    `${ctx.name(s.focal)} and ${ctx.name(partner)}: measures with intervals`,
    h(
      "p",
      { class: "summary" },
      "Points are drawn only for years the server marks as measured; whiskers are the intervals it reports; grey marks under the axis are years without a measurement.",
    ),
    h("div", { class: "dyad-charts" }, rel.el, al.el),
  );
  return { el, done: Promise.all([rel.done, al.done]).then(() => undefined) };
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const { state: s } = ctx;
  const f = {
    with: s.extra.with ?? "",
    domain: s.extra.domain ?? "",
    level: s.extra.level ?? "",
    tone: s.extra.tone ?? "",
  };
  const partners = ctx.actors
    .filter((a) => a.id !== s.focal)
    .sort((a, b) => a.name.localeCompare(b.name));
  root.append(
    h(
      "form",
      {
        class: "filters",
        "aria-label": "Filter events",
        onsubmit: (e: Event) => e.preventDefault(),
      },
      select(
        "f-with",
        "With",
        f.with,
        [
          ["", "any partner"],
          ...partners.map((a) => [a.id, `${a.name} (${a.id})`] as [string, string]),
        ],
        (v) => ctx.update({ with: v }),
      ),
      select(
        "f-domain",
        "Domain",
        f.domain,
        [["", "any domain"], ...DOMAINS.map((d) => [d, d] as [string, string])],
        (v) => ctx.update({ domain: v }),
      ),
      select(
        "f-level",
        "Level",
        f.level,
        [["", "any level"], ...LEVELS.map((d) => [d, d] as [string, string])],
        (v) => ctx.update({ level: v }),
      ),
      select(
        "f-tone",
        "Tone",
        f.tone,
        [
          ["", "cooperation and conflict"],
          ["cooperation", "cooperation (Goldstein > 0)"],
          ["conflict", "conflict (Goldstein < 0)"],
        ],
        (v) => ctx.update({ tone: v }),
      ),
    ),
  );
  const dyad = f.with ? dyadSection(ctx, f.with) : null;
  if (dyad) root.append(dyad.el);
  const r = await api<{ count: number; events: EventRec[] }>(
    `/api/events${qs({ scenario: s.scenario, actor: s.focal, with: f.with, from: s.from, to: s.to, domain: f.domain, level: f.level, tone: f.tone })}`,
  );
  if (!r.ok) {
    root.append(notice("error", `Could not load events: ${r.error}`));
    await dyad?.done;
    return;
  }
  const events = r.data.events;
  if (events.length === 0) {
    root.append(notice("empty", "No event in the scenario matches these filters."));
    await dyad?.done;
    return;
  }
  const toDate = (d: string) =>
    new Date(d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-15` : d);
  const chart = Plot.plot({
    width: Math.min(1100, root.clientWidth || 1000),
    height: 260,
    marginLeft: 50,
    x: { label: "date", type: "utc" },
    y: {
      label: "Goldstein weight (−10 conflict … +10 cooperation)",
      domain: [-10, 10],
      grid: true,
    },
    color: {
      legend: true,
      domain: LEVELS as unknown as string[],
      range: ["#1b9e77", "#d95f02", "#7570b3"],
      unknown: "#999",
    },
    marks: [
      Plot.ruleY([0]),
      Plot.dot(events, {
        x: (e: EventRec) => toDate(e.date),
        y: "goldstein",
        fill: (e: EventRec) => e.level ?? null,
        r: 4,
        title: (e: EventRec) =>
          `${e.date} ${e.title}\nGoldstein ${e.goldstein} · ${e.domain} · ${e.level ?? "level not set"}\n${e.source}`,
      }),
    ],
  });
  chart.setAttribute("role", "img");
  chart.setAttribute("aria-label", `${events.length} events by date and Goldstein weight`);
  const coop = events.filter((e) => e.goldstein > 0).length;
  const conf = events.filter((e) => e.goldstein < 0).length;
  root.append(
    section(
      `${events.length} events`,
      h(
        "p",
        { class: "summary" },
        `${coop} cooperative, ${conf} conflictual, ${events.length - coop - conf} neutral. Each dot is a dated, sourced event; hover for its title and source.`,
      ),
      h("figure", {}, chart),
      h(
        "ol",
        { class: "events", "aria-label": "Events, oldest first" },
        ...events.map((e) =>
          h(
            "li",
            {
              class: `event ${e.goldstein > 0 ? "coop" : e.goldstein < 0 ? "conf" : "neutral"}`,
              "data-id": e.id,
            },
            h("time", { datetime: e.date }, e.date),
            h(
              "div",
              { class: "ev-body" },
              h("div", { class: "ev-title" }, e.title),
              h(
                "div",
                { class: "ev-meta" },
                h("span", { class: "tag" }, e.domain),
                e.level
                  ? h("span", { class: `tag lvl-${e.level}` }, e.level)
                  : h("span", { class: "tag missing" }, "level —"),
                h("span", { title: "CAMEO root code" }, `CAMEO ${e.cameoCode ?? e.cameoRoot}`),
                h("span", { title: "Goldstein weight" }, `Goldstein ${fmt(e.goldstein, 1)}`),
                h("span", {}, e.actors.map((a) => ctx.name(a)).join(" · ")),
                h("span", { class: "ev-source" }, "Source: ", sourceLink(e.source, e.sourceTitle)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  await dyad?.done;
}
