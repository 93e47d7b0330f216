// The corridor routes between an origin and a destination in the map's year (/api/corridors/compare):
// cost, time, capacity and the annual flow the model assigns (flowTEU), with its interval when the
// server sends one. A route whose year has no demand figure shows its flow as missing, not 0.
import { api, qs } from "../api.ts";
import type { CorridorRouteJson, Interval } from "../types.ts";
import { fmt, h, notice, table } from "../ui.ts";

/** The pair shown, and the draws of the flow intervals (the leverage's: 40, seed 1). */
export const ROUTES_DEFAULTS = { from: "CHN", to: "DEU", draws: 40, seed: 1 };

const finiteInterval = (x: unknown): Interval | null =>
  Array.isArray(x) &&
  x.length === 2 &&
  x.every((v) => typeof v === "number" && Number.isFinite(v)) &&
  x[0] <= x[1]
    ? [x[0], x[1]]
    : null;

/** "120,000 TEU/yr" or "120,000 TEU/yr (interval 90,000–150,000)"; null when missing. */
export function flowText(r: CorridorRouteJson): string | null {
  if (r.flowTEU === null || r.flowTEU === undefined) return null;
  const iv = finiteInterval(r.flowTEUInterval);
  return `${fmt(Math.round(r.flowTEU))}${iv ? ` (interval ${fmt(Math.round(iv[0]))}–${fmt(Math.round(iv[1]))})` : ""}`;
}

export function routesTable(
  routes: readonly CorridorRouteJson[],
  name: (code: string) => string,
): HTMLElement {
  return table(
    [...routes],
    [
      { key: "r", label: "route", value: (r) => r.name },
      { key: "c", label: "countries", value: (r) => r.countries.map(name).join(" → ") },
      {
        key: "t",
        label: "days",
        value: (r) => (r.timeDays ? `${r.timeDays[0]}–${r.timeDays[1]}` : null),
        numeric: true,
      },
      {
        key: "u",
        label: "USD/FEU",
        value: (r) => (r.costUsd === null ? null : fmt(Math.round(r.costUsd))),
        numeric: true,
      },
      {
        key: "cap",
        label: "capacity TEU/yr",
        value: (r) =>
          r.capacityUnbounded
            ? "unbounded"
            : r.capacity === null
              ? r.capacityUnknown.length
                ? `unknown (${r.capacityUnknown.join(", ")})`
                : null
              : fmt(r.capacity),
        numeric: true,
      },
      { key: "f", label: "flow TEU/yr (model)", value: (r) => flowText(r), numeric: true },
      { key: "s", label: "status", value: (r) => r.status },
    ],
  );
}

/** The routes panel for `year`, loaded from the server (or a notice saying why not). */
export function routesPanel(year: number, name: (code: string) => string): HTMLElement {
  const o = ROUTES_DEFAULTS;
  const body = h("div", { class: "corridor-routes" }, h("p", { class: "loading" }, "Loading…"));
  void (async () => {
    const r = await api<{
      routes: CorridorRouteJson[];
      assignment?: string;
      theta?: number;
    }>(
      `/api/corridors/compare${qs({ from: o.from, to: o.to, year, draws: o.draws, seed: o.seed })}`,
    );
    if (!r.ok) {
      body.replaceChildren(
        notice(
          r.status === 404 ? "unavailable" : r.status === 400 ? "info" : "error",
          `corridor routes: ${r.error}`,
        ),
      );
      return;
    }
    const { routes } = r.data;
    body.replaceChildren(
      h(
        "p",
        { class: "summary" },
        `Routes from ${name(o.from)} to ${name(o.to)} in ${year}, lowest generalised cost first; flow: the annual TEU the model's ${r.data.assignment ?? "cheapest"} assignment puts on each route${r.data.theta !== undefined ? ` (theta ${fmt(r.data.theta, 5)})` : ""}${routes.some((x) => finiteInterval(x.flowTEUInterval)) ? `, with its 90 % interval over ${o.draws} seeded draws of the assumption ranges` : " (no interval reported for flows)"}.`,
      ),
      routes.length === 0
        ? notice("empty", `No route from ${o.from} to ${o.to} operates in ${year}.`)
        : routesTable(routes, name),
    );
  })();
  return body;
}
