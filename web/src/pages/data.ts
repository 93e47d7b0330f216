import { api, has, qs } from "../api.ts";
import type { PageContext } from "../context.ts";
import { renderValue } from "../generic.ts";
import type { ScenarioSourceJson } from "../types.ts";
import { fmt, h, notice, section, sourceLink, table, unavailable } from "../ui.ts";

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const st = ctx.state;
  const [panel, scen, info] = await Promise.all([
    has("/api/sources").then((ok) => (ok ? api<Record<string, unknown>>("/api/sources") : null)),
    api<{ sources: ScenarioSourceJson[] }>(`/api/scenario/sources${qs({ scenario: st.scenario })}`),
    api<{ meta: Record<string, string>; counts: Record<string, number> }>(
      `/api/scenario?scenario=${encodeURIComponent(st.scenario)}&include=`,
    ),
  ]);
  if (panel === null)
    root.append(
      section(
        "Reference panel: sources, coverage, licences",
        unavailable("/api/sources", "The reference panel's coverage table"),
      ),
    );
  else if (!panel.ok)
    root.append(
      section("Reference panel: sources, coverage, licences", notice("error", panel.error)),
    );
  else {
    const list = (panel.data.sources ?? []) as Record<string, unknown>[];
    const known = list.length > 0 && "dataset" in list[0];
    root.append(
      section(
        "Reference panel: sources, coverage, licences",
        h(
          "p",
          { class: "summary" },
          `${list.length} datasets in the shipped panel. After a source's last year its values are missing, not zero.`,
        ),
        known
          ? table(list, [
              {
                key: "d",
                label: "dataset",
                value: (x) =>
                  h(
                    "span",
                    {},
                    h("strong", {}, String(x.dataset)),
                    h("br", {}),
                    h("small", {}, String(x.source ?? "")),
                  ),
              },
              {
                key: "y",
                label: "coverage",
                value: (x) =>
                  x.from_year === null || x.from_year === undefined
                    ? null
                    : `${x.from_year}–${x.to_year}`,
              },
              { key: "r", label: "rows", value: (x) => fmt(x.rows), numeric: true },
              { key: "u", label: "unit", value: (x) => (x.unit ? String(x.unit) : null) },
              { key: "l", label: "licence", value: (x) => (x.licence ? String(x.licence) : null) },
              {
                key: "c",
                label: "citation",
                value: (x) =>
                  h(
                    "span",
                    {},
                    x.citation ? h("small", {}, String(x.citation)) : null,
                    " ",
                    x.url ? sourceLink(String(x.url).split(" ")[0], "link") : null,
                  ),
              },
            ])
          : h("div", { class: "panel-sources" }, renderValue(list)),
      ),
    );
  }
  if (info.ok)
    root.append(
      section(
        `Scenario: ${info.data.meta.name}`,
        h(
          "p",
          {},
          info.data.meta.description ?? "",
          info.data.meta.compiled ? ` Compiled: ${info.data.meta.compiled}.` : "",
        ),
        h(
          "dl",
          { class: "stats" },
          ...Object.entries(info.data.counts).flatMap(([k, v]) => [
            h("dt", {}, k),
            h("dd", {}, fmt(v)),
          ]),
        ),
      ),
    );
  if (!scen.ok) {
    root.append(notice("error", scen.error));
    return;
  }
  const srcs = scen.data.sources;
  root.append(
    section(
      `${srcs.length} sources cited by the scenario`,
      h(
        "p",
        { class: "summary" },
        "Every record of the scenario carries one of these; web addresses are links, dataset citations are quoted.",
      ),
      table(srcs, [
        {
          key: "s",
          label: "source",
          value: (x) =>
            sourceLink(
              x.source,
              x.url ? x.source.replace(/^https?:\/\/(www\.)?/, "").slice(0, 80) : undefined,
            ),
        },
        {
          key: "r",
          label: "records",
          value: (x) =>
            Object.entries(x.records)
              .map(([k, n]) => `${n} ${k}`)
              .join(", "),
        },
        {
          key: "y",
          label: "years",
          value: (x) =>
            x.from === null ? null : x.from === x.to ? String(x.from) : `${x.from}–${x.to}`,
        },
      ]),
    ),
  );
}
