import "./style.css";
import { api, capabilities } from "./api.ts";
import type { Actor, PageContext, ScenarioInfo } from "./context.ts";
import { countryNames } from "./country-name.ts";
import { PAGES, pageUrl, readState, stateUrl, type ViewState } from "./state.ts";
import { h, notice } from "./ui.ts";
import { waiting } from "./views/pending.ts";

type PageModule = { render(root: HTMLElement, ctx: PageContext): Promise<void> };

const pages: Record<string, () => Promise<PageModule>> = {
  overview: () => import("./pages/overview.ts"),
  atlas: () => import("./pages/atlas.ts"),
  map: () => import("./pages/map.ts"),
  network: () => import("./pages/network.ts"),
  timeline: () => import("./pages/timeline.ts"),
  dependence: () => import("./pages/dependence.ts"),
  lab: () => import("./pages/lab.ts"),
  data: () => import("./pages/data.ts"),
};

const top = document.getElementById("top")!;
const main = document.getElementById("main")!;
let renderSeq = 0;
/** The current page's lifetime: aborted when another page (or the same one, re-rendered) replaces it. */
let pageLife = new AbortController();

function go(s: ViewState, replace = false): void {
  const url = stateUrl(s);
  if (url !== window.location.pathname + window.location.search) {
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
  }
  void render();
}

function yearInput(
  label: string,
  id: string,
  value: string,
  min: string,
  max: string,
  onChange: (v: string) => void,
) {
  return h(
    "label",
    { for: id },
    label,
    h("input", {
      id,
      type: "number",
      inputmode: "numeric",
      min: min.slice(0, 4),
      max: max.slice(0, 4),
      step: 1,
      value,
      onchange: (e: Event) => onChange((e.target as HTMLInputElement).value),
    }),
  );
}

async function render(): Promise<void> {
  const seq = ++renderSeq;
  delete document.body.dataset.ready;
  pageLife.abort();
  pageLife = new AbortController();
  const signal = pageLife.signal;
  const s = readState();
  // Ask for everything the shell needs at once (the scenario id is known from the URL or the default).
  const guess = s.scenario || "azerbaijan";
  // Load the page's code while the shell's data arrives.
  const modP = pages[PAGES.some((p) => p.id === s.page) ? s.page : "overview"]();
  modP.catch(() => undefined);
  const actorsGuess = api<{ actors: Actor[] }>(`/api/actors?scenario=${encodeURIComponent(guess)}`);
  void capabilities();
  const shellWait =
    main.childElementCount === 0 ? waiting("Loading the scenario", { signal }) : null;
  if (shellWait) main.replaceChildren(shellWait.el);
  const sc = await api<{ scenarios: ScenarioInfo[] }>("/api/scenarios");
  if (seq !== renderSeq) return;
  if (!sc.ok) shellWait?.stop();
  if (!sc.ok || sc.data.scenarios.length === 0) {
    top.replaceChildren(h("h1", {}, "ANA"));
    main.replaceChildren(
      notice(
        "error",
        sc.ok ? "This server has no scenario to show." : `Could not list scenarios: ${sc.error}`,
        "Make one with `ana scenario init <ISO3> <dir>`.",
      ),
    );
    return;
  }
  const scenarios = sc.data.scenarios;
  const scenario =
    scenarios.find((x) => x.id === s.scenario) ??
    scenarios.find((x) => x.id === "azerbaijan") ??
    scenarios[0];
  const actorsRes =
    scenario.id === guess
      ? await actorsGuess
      : await api<{ actors: Actor[] }>(`/api/actors?scenario=${encodeURIComponent(scenario.id)}`);
  if (seq !== renderSeq) return;
  shellWait?.stop();
  const actors = actorsRes.ok ? actorsRes.data.actors : [];
  const states = actors
    .filter((a) => a.kind === "state")
    .sort((a, b) => a.name.localeCompare(b.name));
  // Any state can be the focal state: one of the scenario's actors, or another state (an ISO
  // 3166 alpha-3 code, named from i18n-iso-countries; any other code falls back to the scenario's
  // focal state). A panel-only state gets the measures that need no scenario (the Atlas, the
  // scorecard's panel inputs, the peer percentile).
  let otherName: string | undefined;
  if (s.focal && /^[A-Z]{3}$/.test(s.focal) && !actors.some((a) => a.id === s.focal)) {
    const nameOf = await countryNames().catch(() => () => undefined);
    if (seq !== renderSeq) return;
    otherName = nameOf(s.focal);
  }
  const panelOnly = otherName !== undefined;
  const full: ViewState = {
    ...s,
    scenario: scenario.id,
    focal:
      s.focal && (panelOnly || actors.some((a) => a.id === s.focal)) ? s.focal : scenario.focal,
    from: /^\d{4}$/.test(s.from) ? s.from : scenario.from.slice(0, 4),
    to: /^\d{4}$/.test(s.to) ? s.to : scenario.to.slice(0, 4),
  };
  if (Number(full.from) > Number(full.to)) [full.from, full.to] = [full.to, full.from];
  if (stateUrl(full) !== window.location.pathname + window.location.search)
    history.replaceState(null, "", stateUrl(full));
  const names = new Map(actors.map((a) => [a.id, a.name]));
  if (otherName) names.set(full.focal, otherName);

  top.replaceChildren(
    h(
      "div",
      { class: "brand" },
      h("a", { href: pageUrl(full, "overview"), "data-nav": "" }, h("strong", {}, "ANA")),
      h("span", { class: "sub" }, " Active Non-Alignment"),
    ),
    h(
      "nav",
      { "aria-label": "Pages" },
      h(
        "ul",
        {},
        ...PAGES.map((p) =>
          h(
            "li",
            {},
            h(
              "a",
              {
                href: pageUrl(full, p.id),
                "data-nav": "",
                "aria-current": p.id === full.page ? "page" : null,
              },
              p.label,
            ),
          ),
        ),
      ),
    ),
    h(
      "form",
      { class: "controls", "aria-label": "View", onsubmit: (e: Event) => e.preventDefault() },
      h(
        "label",
        { for: "ctl-scenario" },
        "Scenario",
        h(
          "select",
          {
            id: "ctl-scenario",
            onchange: (e: Event) =>
              go({
                ...full,
                scenario: (e.target as HTMLSelectElement).value,
                focal: "",
                from: "",
                to: "",
                extra: {},
              }),
          },
          ...scenarios.map((x) =>
            h("option", { value: x.id, selected: x.id === scenario.id }, x.name),
          ),
        ),
      ),
      h(
        "label",
        { for: "ctl-focal" },
        "Focal state",
        h(
          "select",
          {
            id: "ctl-focal",
            onchange: (e: Event) => go({ ...full, focal: (e.target as HTMLSelectElement).value }),
          },
          ...states.map((a) =>
            h("option", { value: a.id, selected: a.id === full.focal }, `${a.name} (${a.id})`),
          ),
          panelOnly
            ? h(
                "option",
                { value: full.focal, selected: true },
                `${names.get(full.focal)} (${full.focal}) — panel only, no scenario`,
              )
            : null,
        ),
      ),
      yearInput("From", "ctl-from", full.from, scenario.from, scenario.to, (v) =>
        go({ ...full, from: v }),
      ),
      yearInput("To", "ctl-to", full.to, scenario.from, scenario.to, (v) => go({ ...full, to: v })),
    ),
  );

  const page = PAGES.find((p) => p.id === full.page)!;
  document.title = `${page.label} · ${names.get(full.focal) ?? full.focal} · ANA`;
  const root = h("div", { class: `page page-${page.id}` });
  main.replaceChildren(
    h(
      "h1",
      {},
      // The Atlas spans its own years (every state, the panel's range), not the scenario's.
      page.id === "atlas"
        ? `Atlas · focal state: ${names.get(full.focal) ?? full.focal}`
        : `${page.label}: ${names.get(full.focal) ?? full.focal}, ${full.from}–${full.to}`,
    ),
  );
  if (panelOnly)
    main.append(
      notice(
        "info",
        `${names.get(full.focal)} (${full.focal}) is not one of the actors of the scenario “${scenario.name}”: the pages show the measures that need only the reference panel (the Atlas, the scorecard's panel inputs); events, ties and claims belong to the scenario's own states.`,
      ),
    );
  if (!actorsRes.ok)
    main.append(notice("error", `Could not load the scenario's actors: ${actorsRes.error}`));
  main.append(root);
  const ctx: PageContext = {
    state: full,
    scenario,
    actors,
    name: (c) => names.get(c) ?? c,
    update: (extra) => go({ ...full, extra: { ...full.extra, ...extra } }),
    // Page parameters a page kept in the URL without re-rendering (the Atlas year) stay.
    setFocal: (code) => go({ ...full, extra: readState().extra, focal: code.toUpperCase() }),
    signal,
  };
  // Until the page puts something on screen, say what it waits for (never a blank area).
  const pageWait = waiting(`Loading ${page.label}`, { signal });
  main.insertBefore(pageWait.el, root);
  const firstContent = new MutationObserver(() => {
    if (root.childElementCount > 0) endWait();
  });
  const endWait = () => {
    firstContent.disconnect();
    pageWait.stop();
    pageWait.el.remove();
  };
  firstContent.observe(root, { childList: true });
  try {
    const mod = await modP;
    if (seq !== renderSeq) return endWait();
    await mod.render(root, ctx);
  } catch (e) {
    console.error(e);
    root.replaceChildren(notice("error", `This page failed to draw: ${(e as Error).message}`));
  }
  endWait();
  if (seq === renderSeq) document.body.dataset.ready = "1";
}

document.addEventListener("click", (e) => {
  const a = (e.target as Element).closest?.("a[data-nav]") as HTMLAnchorElement | null;
  if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  history.pushState(null, "", a.getAttribute("href")!);
  delete document.body.dataset.ready;
  void render().then(() => main.focus());
});
window.addEventListener("popstate", () => void render());
void render();
