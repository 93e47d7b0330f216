// The seed's claims with verdict badges (TEAM interface 8). Shown only when the server returns
// claims for the scenario and the focal state is the scenario's focal state.
import { intervalOf } from "../measured.ts";
import { type ClaimJson, type ClaimsJson, VERDICTS } from "../types.ts";
import { h, notice, sourceLink } from "../ui.ts";

const VERDICT_TEXT: Record<string, string> = {
  supported: "the data support the claim",
  "partly supported": "the data support part of the claim",
  "not supported": "the data do not support the claim",
  inconclusive: "the interval straddles the rule's threshold",
  "not testable": "an input is missing in a compared period",
};

/** Which claims to show, or why none: the focal state must be the one the claims are about. */
export function claimsToShow(
  data: ClaimsJson | null | undefined,
  focal: string,
  scenarioFocal: string,
  name: (code: string) => string = (c) => c,
): { show: ClaimJson[]; why: string | null } {
  const claims = Array.isArray(data?.claims) ? data.claims : [];
  if (claims.length === 0) return { show: [], why: "This scenario defines no claims to check." };
  const about = data?.focal ?? scenarioFocal;
  if (focal !== about)
    return {
      show: [],
      why: `The scenario's claims are about ${name(about)}; they are shown only when ${name(about)} is the focal state.`,
    };
  return { show: claims, why: null };
}

const slug = (v: string) => v.toLowerCase().replace(/[^a-z]+/g, "-");

export function verdictBadge(verdict: string): HTMLElement {
  const known = (VERDICTS as readonly string[]).includes(verdict);
  return h(
    "span",
    {
      class: `verdict-badge verdict-${known ? slug(verdict) : "unknown"}`,
      title: known ? VERDICT_TEXT[verdict] : "a verdict this dashboard does not know",
    },
    known ? verdict : `${verdict} (unknown verdict)`,
  );
}

const num = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));

export function intervalText(c: ClaimJson): string {
  if (!("interval" in c) || c.interval === undefined) return "interval not reported by the server";
  const iv = intervalOf(c.interval);
  const value =
    typeof c.value === "number" && Number.isFinite(c.value) ? `value ${num(c.value)}, ` : "";
  const note = c.intervalNote ? ` (${c.intervalNote})` : "";
  if (!iv) return `${value}no interval${note || " (no number compared)"}`;
  return `${value}interval ${num(iv[0])} to ${num(iv[1])}${note}`;
}

/** The rule in words: a string, or the declared rule's `text`. */
export function ruleText(rule: ClaimJson["rule"]): string | null {
  if (typeof rule === "string") return rule || null;
  if (rule && typeof rule === "object" && typeof rule.text === "string") return rule.text;
  return null;
}

/** "before: 2011–2019; after: 2021–2024" from the declared periods. */
export function periodsText(periods: ClaimJson["periods"]): string | null {
  if (!periods || typeof periods !== "object") return null;
  const parts = Object.entries(periods).map(
    ([k, v]) => `${k}: ${Array.isArray(v) ? v.join(" to ") : String(v)}`,
  );
  return parts.length ? parts.join("; ") : null;
}

export function claimItem(c: ClaimJson): HTMLElement {
  const used = c.inputs?.used ?? [];
  const dropped = c.inputs?.dropped ?? [];
  return h(
    "li",
    { class: `claim verdict-${slug(c.verdict)}`, "data-id": c.id, "data-verdict": c.verdict },
    h("div", { class: "claim-head" }, verdictBadge(c.verdict), " ", h("strong", {}, c.claim)),
    h("div", { class: "claim-interval" }, intervalText(c)),
    h("div", { class: "ev-meta" }, `Measure: ${c.measure}`),
    ruleText(c.rule) ? h("div", { class: "ev-meta" }, `Rule: ${ruleText(c.rule)}`) : null,
    periodsText(c.periods)
      ? h("div", { class: "ev-meta" }, `Periods: ${periodsText(c.periods)}`)
      : null,
    c.stability && typeof c.stability.share === "number"
      ? h(
          "div",
          { class: "ev-meta claim-stability" },
          `The verdict holds in ${Math.round(c.stability.share * 100)}% of ${c.stability.draws} draws with the same number of events every year${c.stability.eventsPerYear ? ` (${c.stability.eventsPerYear} a year)` : ""}.`,
        )
      : null,
    c.pointVerdict && c.pointVerdict !== c.verdict
      ? h(
          "div",
          { class: "ev-meta" },
          `Before the uncertainty checks the verdict was "${c.pointVerdict}".`,
        )
      : null,
    h("div", {}, c.finding),
    used.length || dropped.length
      ? h(
          "details",
          { class: "ev-meta claim-inputs" },
          h("summary", {}, `Inputs: ${used.length} used, ${dropped.length} dropped`),
          used.length ? `Inputs used: ${used.join(", ")}.` : "No input used.",
          dropped.length
            ? ` Dropped: ${dropped.map((d) => `${d.key} (${d.reason})`).join("; ")}.`
            : "",
        )
      : null,
    h("div", { class: "ev-meta" }, "Sources: ", ...c.sources.map((x) => sourceLink(x))),
  );
}

export function claimsList(
  data: ClaimsJson | null | undefined,
  focal: string,
  scenarioFocal: string,
  name: (code: string) => string = (c) => c,
): HTMLElement {
  const { show, why } = claimsToShow(data, focal, scenarioFocal, name);
  if (why) return notice("info", why);
  const counts = VERDICTS.map((v) => [v, show.filter((c) => c.verdict === v).length] as const);
  return h(
    "div",
    {},
    h(
      "p",
      { class: "summary" },
      "Each empirical claim of the seed text, the measure that tests it, its verdict and interval, and the sources. ",
      counts
        .filter(([, n]) => n > 0)
        .map(([v, n]) => `${n} ${v}`)
        .join(", "),
      ".",
    ),
    h("ol", { class: "claims" }, ...show.map(claimItem)),
  );
}
