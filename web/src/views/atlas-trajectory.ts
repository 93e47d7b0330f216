// A state's Atlas trajectory: the index with its interval band over the years, then one small
// chart per component (whiskers are intervals). Years without a value are gaps, never bridged.
import {
  compositionOf,
  compositionSpells,
  coverageText,
  niceDomain,
  rankText,
  type ShownAtlasRow,
  valueInterval,
} from "../atlas-data.ts";
import { h } from "../ui.ts";
import { bandChart } from "./band-chart.ts";
import { intervalChart } from "./interval-chart.ts";

export interface AtlasTrajectoryOptions {
  /** The index's domain (the map's). */
  domain?: [number, number];
  /** Component keys and labels, in the server's order. */
  components?: { key: string; label: string; weight?: number }[];
  /** Every row of every state, to give each component one domain for all states. */
  all?: ShownAtlasRow[];
  name?: string;
  /** The index's weights (component → weight), to tell which inputs each value is made of. */
  weights?: Record<string, number>;
}

const defaults = {
  domain: [0, 1] as [number, number],
  components: [],
  all: [],
  name: "",
  weights: {} as Record<string, number>,
};

export function atlasTrajectory(
  traj: ShownAtlasRow[],
  options: AtlasTrajectoryOptions = {},
): HTMLElement {
  const o = { ...defaults, ...options };
  const name = o.name || traj[0]?.name || traj[0]?.iso3 || "";
  const measured = traj.filter((r) => r.status === "data" && r.index !== null);
  const first = traj[0]?.year;
  const last = traj[traj.length - 1]?.year;
  const comps = o.components.length
    ? o.components
    : [...new Set(traj.flatMap((r) => Object.keys(r.components)))].map(
        (key): { key: string; label: string; weight?: number } => ({ key, label: key }),
      );
  const latest = measured[measured.length - 1];
  const spells = compositionSpells(traj, o.weights);
  const changes = new Set(spells.map((s) => s[2])).size > 1;
  return h(
    "div",
    { class: "atlas-trajectory", "data-iso3": traj[0]?.iso3 ?? "" },
    h(
      "p",
      { class: "summary" },
      `${name}: an index in ${measured.length} of ${traj.length} years (${first}–${last}).`,
      latest
        ? ` Latest: ${latest.year}, index ${valueInterval(latest.index, latest.interval)}, rank ${rankText(latest)}, coverage ${coverageText(latest.coverage)}.`
        : " No year has an index.",
    ),
    spells.length
      ? h(
          "p",
          { class: changes ? "notice info composition" : "hint composition" },
          changes
            ? "The index is made of different inputs in different years, so its values are comparable only within a stretch with the same inputs (the line is not joined across a change; dashed rules mark it): "
            : "Inputs of the index in every year it has one: ",
          spells
            .map(
              ([a, b, c]) => `${a === b ? a : `${a}–${b}`}: ${c.split("+").join(" + ") || "none"}`,
            )
            .join("; "),
          ".",
        )
      : null,
    h(
      "figure",
      { class: "index-trajectory" },
      bandChart(
        traj.map((r) => ({
          x: r.year,
          status: r.status,
          value: r.index,
          interval: r.interval,
          group: compositionOf(r, o.weights),
        })),
        { yDomain: o.domain, title: `${name}: multi-alignment index` },
      ),
      h(
        "figcaption",
        { class: "hint" },
        "Line: the index; band: its interval; grey marks under the axis: years without an index (the line stops there); dashed rule: the index's inputs change (the line stops there too).",
      ),
    ),
    comps.length
      ? h(
          "div",
          { class: "small-multiples atlas-components" },
          ...comps.map((c) => {
            const dom = niceDomain(
              (o.all.length ? o.all : traj).flatMap((r) => {
                const x = r.components[c.key];
                return x && x.value !== null ? [x.value, ...(x.interval ?? [])] : [];
              }),
            );
            return h(
              "figure",
              { class: "component-chart", "data-component": c.key },
              intervalChart(
                [
                  {
                    name: c.label,
                    colour: "#3b528b",
                    points: traj.map((r) => {
                      const x = r.components[c.key];
                      return {
                        x: r.year,
                        status: x?.status ?? "not measured",
                        value: x?.value ?? null,
                        interval: x?.interval ?? null,
                      };
                    }),
                  },
                ],
                {
                  title: `${c.key}${typeof c.weight === "number" ? ` (weight ${c.weight})` : ""}`,
                  yDomain: dom,
                  digits: 2,
                },
              ),
              h("figcaption", { class: "hint" }, c.label),
            );
          }),
        )
      : null,
  );
}
