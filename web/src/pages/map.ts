// The Map: the focal state's partners at a date (levels or signed relations), the corridor model's
// links and the scenario's corridors and pipelines, the corridor routes with their modelled flows,
// and the focal state's transit leverage with its interval, flag and tornado. The drawing and the
// panels are views (web/src/views/map-*.ts, corridor-*.ts); this page loads and arranges them.
import { api, has, qs } from "../api.ts";
import type { PageContext } from "../context.ts";
import type { CorridorLinkJson, EdgeJson, LevelJson, Project, ScenarioData } from "../types.ts";
import { append, fmt, h, notice, section, sourceLink, table, unavailable } from "../ui.ts";
import { leverageSection } from "../views/corridor-leverage.ts";
import { routesPanel } from "../views/corridor-routes.ts";
import { partnersFrom, partnersTable } from "../views/map-partners.ts";
import { mapFigure } from "../views/map-svg.ts";
import { waiting } from "../views/pending.ts";

export { type Partner, partnersFrom } from "../views/map-partners.ts";

/** What the Map reads of /api/corridors/network (links to draw; the years it covers). */
interface CorridorNetworkJson {
  year?: number;
  links: CorridorLinkJson[];
  span?: [number, number];
  outside?: boolean;
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const st = ctx.state;
  const at = /^\d{4}(-\d{2}-\d{2})?$/.test(st.extra.at ?? "") ? st.extra.at! : st.to;
  const colourBy = st.extra.colour === "relation" ? "relation" : "level";
  const zoom = st.extra.zoom === "world" ? "world" : "region";
  const year = Number(at.slice(0, 4));
  // The corridor network answers only for the years its figures cover (`span`, from the default
  // year's answer): other years get no request (a 400), and the page says which years it covers.
  const corridorsP = has("/api/corridors/network").then(async (ok) => {
    if (!ok) return null;
    const base = await api<CorridorNetworkJson>("/api/corridors/network");
    if (!base.ok) return base;
    const span = base.data.span;
    if (span && (year < span[0] || year > span[1]))
      return { ok: true as const, data: { links: [], span, outside: true } };
    if (base.data.year === year) return base;
    return api<CorridorNetworkJson>(`/api/corridors/network${qs({ year })}`);
  });
  const hasLeverageP = hasJob("corridor-leverage");
  const hasCompareP = has("/api/corridors/compare");
  const wait = waiting(`Loading ${ctx.name(st.focal)}'s partners in ${at}`, { signal: ctx.signal });
  root.append(wait.el);
  const [r, lv, net] = await Promise.all([
    api<ScenarioData>(`/api/scenario${qs({ scenario: st.scenario, include: "ties,projects" })}`),
    api<{ levels: LevelJson[] }>(
      `/api/levels${qs({ scenario: st.scenario, focal: st.focal, year: at.slice(0, 4) })}`,
    ),
    api<{ edges: EdgeJson[] }>(`/api/network${qs({ scenario: st.scenario, focal: st.focal, at })}`),
  ]);
  wait.stop();
  wait.el.remove();
  if (!r.ok) {
    root.append(notice("error", `Could not load the scenario: ${r.error}`));
    return;
  }
  const d = r.data;
  const partners = partnersFrom(
    st.focal,
    at,
    lv.ok ? lv.data.levels : [],
    net.ok && Array.isArray(net.data.edges) ? net.data.edges : [],
    d.ties,
  );
  let corridorLinks: CorridorLinkJson[] = [];
  const cn = await corridorsP;
  if (cn?.ok) corridorLinks = cn.data.links;
  const span = cn?.ok ? cn.data.span : undefined;
  const outside = cn?.ok && cn.data.outside === true;
  const { figure, drawn, hasShape } = mapFigure({
    focal: st.focal,
    at,
    colourBy,
    zoom,
    partners,
    projects: d.projects,
    corridorLinks,
    name: (c) => ctx.name(c),
  });
  const kindOf = new Map(ctx.actors.map((a) => [a.id, a.kind]));
  const noGeo = partners.filter((p) => !hasShape(p.id) && kindOf.get(p.id) === "state");
  const orgs = partners.filter((p) => kindOf.get(p.id) !== "state");
  append(root, [
    h(
      "form",
      { class: "filters", "aria-label": "Map options", onsubmit: (e: Event) => e.preventDefault() },
      h(
        "label",
        { for: "m-at" },
        "Date",
        h("input", {
          id: "m-at",
          type: "number",
          min: st.from,
          max: st.to,
          value: at.slice(0, 4),
          onchange: (e: Event) => ctx.update({ at: (e.target as HTMLInputElement).value }),
        }),
      ),
      h(
        "fieldset",
        {},
        h("legend", {}, "Colour by"),
        ...(["level", "relation"] as const).map((v) =>
          h(
            "label",
            {},
            h("input", {
              type: "radio",
              name: "colour",
              value: v,
              checked: v === colourBy,
              onchange: () => ctx.update({ colour: v }),
            }),
            v,
          ),
        ),
      ),
      h(
        "fieldset",
        {},
        h("legend", {}, "Extent"),
        ...(["region", "world"] as const).map((v) =>
          h(
            "label",
            {},
            h("input", {
              type: "radio",
              name: "zoom",
              value: v,
              checked: v === zoom,
              onchange: () => ctx.update({ zoom: v }),
            }),
            v,
          ),
        ),
      ),
    ),
    figure,
    outside && span
      ? notice(
          "info",
          `The corridor model's links are not drawn: its figures cover ${span[0]}–${span[1]}, not ${year}.`,
        )
      : null,
    lv.ok
      ? null
      : notice("error", `Levels (/api/levels) failed, so no level is shown: ${lv.error}`),
    net.ok
      ? null
      : notice(
          "error",
          `The signed network (/api/network) failed, so no relation is shown: ${net.error}`,
        ),
    noGeo.length
      ? notice(
          "info",
          `Not drawn (no shape at this map scale): ${noGeo.map((p) => ctx.name(p.id)).join(", ")}.`,
        )
      : null,
    orgs.length
      ? notice(
          "info",
          `Organisations (not on the map; listed below): ${orgs.map((p) => ctx.name(p.id)).join(", ")}.`,
        )
      : null,
    partners.length === 0
      ? notice("empty", `The server gives no partner for ${ctx.name(st.focal)} in ${at}.`)
      : null,
    section(`Partners in ${at}`, partnersTable(partners, ctx)),
    section(
      "Corridors and pipelines",
      d.projects.length === 0
        ? notice("empty", "The scenario has no corridor or pipeline.")
        : table(d.projects, [
            { key: "n", label: "project", value: (p: Project) => p.name },
            { key: "k", label: "kind", value: (p) => p.kind },
            { key: "r", label: "route", value: (p) => p.route.join(" → ") },
            {
              key: "c",
              label: "capacity",
              value: (p) =>
                p.capacity === undefined ? null : `${fmt(p.capacity)} ${p.capacityUnit ?? ""}`,
              numeric: true,
            },
            { key: "s", label: "status", value: (p) => p.status },
            {
              key: "d",
              label: "dates",
              value: (p) => (p.from || p.to ? `${p.from ?? "?"} – ${p.to ?? ""}` : null),
            },
            { key: "o", label: "on map", value: (p) => (drawn.includes(p.id) ? "yes" : "no") },
            { key: "src", label: "source", value: (p) => sourceLink(p.source) },
          ]),
    ),
    (await hasCompareP)
      ? section(
          "Corridor routes",
          outside && span
            ? notice(
                "info",
                `The corridor network's figures cover ${span[0]}–${span[1]}: no routes or flows for ${year}.`,
              )
            : routesPanel(year, (c) => ctx.name(c)),
        )
      : null,
    (await hasLeverageP)
      ? section(`Transit leverage of ${ctx.name(st.focal)}`, leverageSection(ctx, year))
      : section(
          "Transit leverage",
          unavailable(
            "corridor-leverage job",
            "Transit leverage (route betweenness, bypass cost, Shapley value)",
          ),
        ),
  ]);
}

async function hasJob(kind: string): Promise<boolean> {
  const r = await api<{ kinds: { name: string }[] }>("/api/jobs");
  return r.ok && r.data.kinds.some((k) => k.name === kind);
}
