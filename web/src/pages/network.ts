import { api, has, qs } from "../api.ts";
import type { PageContext } from "../context.ts";
import { fmt, h, notice, section, sourceLink, table, unavailable } from "../ui.ts";
import { waiting } from "../views/pending.ts";
import { svgEl as s } from "../views/svg.ts";

export interface NetEdge {
  u: string;
  v: string;
  sign: number;
  weight: number;
  sources: string[];
  /** From /api/network: the tie labels, tie and event parts of the score, and the event count. */
  ties?: string[];
  tieScore?: number;
  eventScore?: number;
  events?: number;
}

/** Pick the network endpoint's fields whatever their nesting (balance result, brokerage nodes). */
function fromNetworkApi(data: Record<string, unknown>) {
  const bal = ((data.balance as { results?: unknown[] })?.results?.[0] ??
    data.balance ??
    (data.results as unknown[])?.[0] ??
    data) as Record<string, unknown>;
  const partition = (bal.partition ?? {}) as Record<string, number>;
  const frustrated = ((bal.frustratedEdges ?? []) as [string, string][]).map(([a, b]) =>
    a < b ? `${a}|${b}` : `${b}|${a}`,
  );
  const brokerage = ((data.brokerage as { nodes?: unknown[] })?.nodes ??
    (data.nodes as unknown[]) ??
    []) as Record<string, unknown>[];
  const edgesRaw = (data.edges ?? bal.edgeList ?? []) as Record<string, unknown>[];
  const edges: NetEdge[] = Array.isArray(edgesRaw)
    ? edgesRaw
        .filter((e) => e && typeof e === "object" && (e.source ?? e.u) && (e.target ?? e.v))
        .map((e) => ({
          u: String(e.source ?? e.u),
          v: String(e.target ?? e.v),
          sign: Number(e.sign),
          weight: Number(e.weight ?? 1),
          sources: (Array.isArray(e.sources) ? e.sources : []) as string[],
          ties: Array.isArray(e.ties) ? (e.ties as string[]) : undefined,
          tieScore: typeof e.tieScore === "number" ? e.tieScore : undefined,
          eventScore: typeof e.eventScore === "number" ? e.eventScore : undefined,
          events: typeof e.events === "number" ? e.events : undefined,
        }))
    : [];
  return {
    bal,
    partition,
    frustrated: new Set(frustrated),
    brokerage,
    edges,
    rule: typeof data.rule === "string" ? data.rule : "",
  };
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const st = ctx.state;
  const at = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(st.extra.at ?? "") ? st.extra.at! : st.to;
  root.append(
    h(
      "form",
      {
        class: "filters",
        "aria-label": "Network date",
        onsubmit: (e: Event) => e.preventDefault(),
      },
      h(
        "label",
        { for: "n-at" },
        `Network at ${at} `,
        h("input", {
          id: "n-at",
          type: "range",
          min: st.from,
          max: st.to,
          step: 1,
          value: at.slice(0, 4),
          onchange: (e: Event) => ctx.update({ at: (e.target as HTMLInputElement).value }),
        }),
      ),
    ),
  );
  // The server builds the signed graph (its rule, its evidence); this page only draws it.
  if (!(await has("/api/network"))) {
    root.append(
      unavailable("/api/network", "The signed network (edges, blocs, frustrated ties, brokerage)"),
    );
    return;
  }
  const wait = waiting(`Solving the signed network at ${at}`, { signal: ctx.signal });
  root.append(wait.el);
  const r = await api<Record<string, unknown>>(
    `/api/network${qs({ scenario: st.scenario, focal: st.focal, at })}`,
  );
  wait.stop();
  wait.el.remove();
  if (!r.ok) {
    root.append(notice(r.missing ? "unavailable" : "error", r.error));
    return;
  }
  const n = fromNetworkApi(r.data);
  const partition = n.partition;
  const frustrated = n.frustrated;
  const rule = n.rule || "The server did not say how it builds the edges.";
  const edges = n.edges;
  const nodes = [...new Set(edges.flatMap((e) => [e.u, e.v]))].sort();
  const b = n.bal;
  const summary = h(
    "dl",
    { class: "stats" },
    ...(
      [
        ["frustration (edges to remove for balance)", b.frustration],
        ["normalised frustration", b.normalizedFrustration],
        ["triangle index", b.triangleIndex],
        ["walk index", b.walkIndex],
        [
          "proven optimal",
          b.optimal === undefined
            ? undefined
            : b.optimal
              ? "yes"
              : `no (lower bound ${fmt(b.lowerBound)})`,
        ],
      ] as [string, unknown][]
    ).flatMap(([k, v]) => [
      h("dt", {}, k),
      h("dd", {}, v === undefined || v === null ? h("span", { class: "missing" }, "—") : fmt(v, 4)),
    ]),
  );
  const brokers = n.brokerage.length
    ? table(
        [...n.brokerage]
          .sort((a, b) => Number(b.betweenness ?? 0) - Number(a.betweenness ?? 0))
          .slice(0, 15),
        [
          { key: "id", label: "actor", value: (x) => ctx.name(String(x.id)) },
          {
            key: "b",
            label: "betweenness",
            value: (x) => fmt(x.betweenness, 3),
            numeric: true,
          },
          { key: "c", label: "constraint", value: (x) => fmt(x.constraint, 3), numeric: true },
          {
            key: "e",
            label: "effective size",
            value: (x) => fmt(x.effectiveSize, 2),
            numeric: true,
          },
          {
            key: "r",
            label: "brokerage roles",
            value: (x) =>
              x.roles
                ? Object.entries(x.roles as Record<string, number>)
                    .filter(([, v]) => v)
                    .map(([k, v]) => `${k} ${fmt(v)}`)
                    .join(", ") || "none"
                : null,
          },
        ],
      )
    : notice("empty", "The network endpoint returned no brokerage scores.");
  if (nodes.length === 0) {
    root.append(notice("empty", `The scenario records no tie between states in force in ${at}.`));
    return;
  }
  // Layout: blocs side by side (two half circles) when a partition is known, else one circle.
  const W = 900;
  const H = 560;
  const pos = new Map<string, [number, number]>();
  const groups = [0, 1].map((g) => nodes.filter((n) => (partition[n] ?? 0) === g));
  const hasBlocs = Object.keys(partition).length > 0 && groups[1].length > 0;
  const place = (list: string[], cx: number, cy: number, r: number) =>
    list.forEach((n, i) => {
      const a = (2 * Math.PI * i) / list.length - Math.PI / 2;
      pos.set(n, [cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    });
  if (hasBlocs) {
    place(groups[0], W * 0.28, H / 2, Math.min(200, 40 + groups[0].length * 12));
    place(groups[1], W * 0.72, H / 2, Math.min(200, 40 + groups[1].length * 12));
  } else place(nodes, W / 2, H / 2, 230);
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${H}`,
    class: "network",
    role: "img",
    "aria-label": `Signed network at ${at}: ${nodes.length} states, ${edges.length} ties`,
  });
  for (const e of edges) {
    const [x1, y1] = pos.get(e.u)!;
    const [x2, y2] = pos.get(e.v)!;
    const key = e.u < e.v ? `${e.u}|${e.v}` : `${e.v}|${e.u}`;
    const fr = frustrated.has(key);
    const line = s("line", {
      x1,
      y1,
      x2,
      y2,
      stroke: e.sign > 0 ? "#1a9850" : "#d73027",
      "stroke-width": fr ? 3.5 : 1 + Math.min(2, e.weight),
      "stroke-dasharray": e.sign > 0 ? "none" : "5 3",
      opacity: fr ? 1 : 0.6,
      class: fr ? "frustrated" : "",
    });
    line.append(
      s(
        "title",
        {},
        `${ctx.name(e.u)} ${e.sign > 0 ? "+" : "−"} ${ctx.name(e.v)}${fr ? " (frustrated: breaks balance)" : ""}\n${e.sources.join("\n")}`,
      ),
    );
    svg.append(line);
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n)!;
    const g = s("g", { transform: `translate(${x},${y})` });
    const bloc = partition[n];
    g.append(
      s("circle", {
        r: n === st.focal ? 19 : 15,
        fill: bloc === undefined ? "#90a4ae" : bloc === 0 ? "#2b8cbe" : "#e6550d",
        stroke: n === st.focal ? "#000" : "#fff",
        "stroke-width": 2,
      }),
    );
    g.append(s("text", { y: 4, "text-anchor": "middle", class: "node-label" }, n));
    g.append(s("title", {}, `${ctx.name(n)}${bloc === undefined ? "" : ` — bloc ${bloc + 1}`}`));
    svg.append(g);
  }
  root.append(
    section(
      `Signed network at ${at}`,
      h(
        "p",
        { class: "summary" },
        `${nodes.length} actors, ${edges.length} signed edges (${edges.filter((e) => e.sign > 0).length} positive, solid green; ${edges.filter((e) => e.sign < 0).length} negative, dashed red).${hasBlocs ? " Node colour: the two blocs of the optimal balanced partition (blue, orange); thick lines: frustrated edges, the ties that break balance." : ""}`,
      ),
      h("details", {}, h("summary", {}, "How edges are built"), h("p", {}, rule)),
      h("figure", {}, svg),
      summary,
    ),
    section("Brokers", brokers),
    section(
      "Ties and their sources",
      table(edges, [
        { key: "u", label: "between", value: (e) => `${ctx.name(e.u)} – ${ctx.name(e.v)}` },
        { key: "s", label: "sign", value: (e) => (e.sign > 0 ? "+" : "−") },
        { key: "w", label: "weight", value: (e) => fmt(e.weight, 2), numeric: true },
        {
          key: "f",
          label: "frustrated",
          value: (e) =>
            Object.keys(partition).length
              ? frustrated.has(e.u < e.v ? `${e.u}|${e.v}` : `${e.v}|${e.u}`)
                ? "yes"
                : "no"
              : null,
        },
        {
          key: "ts",
          label: "tie part",
          value: (e: NetEdge) => fmt(e.tieScore, 2),
          numeric: true,
        },
        {
          key: "es",
          label: "event part",
          value: (e: NetEdge) => fmt(e.eventScore, 2),
          numeric: true,
        },
        {
          key: "t",
          label: "ties",
          value: (e: NetEdge) => (e.ties?.length ? e.ties.join(", ") : null),
        },
        {
          key: "src",
          label: "evidence",
          value: (e: NetEdge) =>
            h(
              "span",
              {},
              ...e.sources.map((x) => sourceLink(x)),
              " ",
              h(
                "a",
                {
                  href: `/timeline?${new URLSearchParams({ scenario: st.scenario, focal: e.u, from: st.from, to: at.slice(0, 4), with: e.v })}`,
                  "data-nav": "",
                },
                e.events === undefined
                  ? "events and sources"
                  : `${e.events} events and their sources`,
              ),
            ),
        },
      ]),
    ),
  );
}
