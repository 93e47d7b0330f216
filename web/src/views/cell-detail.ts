// A scorecard cell's detail: its status, score and interval, coverage, and each input with its own
// status, value, interval, weight and source. Inputs that are not "data" show what the server
// reported beside them ("not used"), never as their value.
import { type ShownCell, type ShownInput, STATUS_TEXT, withInterval } from "../measured.ts";
import { fmt, h, missing, notice, sourceLink } from "../ui.ts";

function inputValue(i: ShownInput): HTMLElement | string {
  if (i.status !== "data" || i.value === null) return missing("—", STATUS_TEXT[i.status]);
  return withInterval(i.value, i.interval, 3);
}

function statusBadge(status: ShownCell["status"]): HTMLElement {
  return h(
    "span",
    { class: `status-badge status-${status.replace(/\s+/g, "-")}`, title: STATUS_TEXT[status] },
    status,
  );
}

export function cellDetail(cell: ShownCell): HTMLElement {
  const head = `${cell.pillar} · ${cell.level} · ${cell.year}`;
  const score =
    cell.status === "data" && cell.score !== null
      ? `score ${withInterval(cell.score, cell.interval, 1)}`
      : cell.status === "data"
        ? "no score: below the coverage threshold"
        : `not scored: ${STATUS_TEXT[cell.status]}`;
  return h(
    "div",
    {
      class: "cell-inputs",
      "data-status": cell.status,
    },
    h("h3", {}, head, " ", statusBadge(cell.status)),
    h(
      "p",
      { class: "cell-score" },
      score,
      cell.coverage === null
        ? " · coverage not reported"
        : ` · coverage ${fmt(cell.coverage * 100, 0)}% of the input weight`,
    ),
    cell.pillar === "overall"
      ? h(
          "p",
          { class: "hint" },
          "Overall: scored only when every pillar of the level has a score (the server's rule).",
        )
      : null,
    cell.inputs.length === 0
      ? cell.pillar === "overall"
        ? null
        : notice("info", "The scorecard gave no inputs for this cell.")
      : h(
          "div",
          { class: "table-wrap" },
          h(
            "table",
            { class: "inputs" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                ...[
                  "input",
                  "status",
                  "value (interval)",
                  "weight",
                  "reported, not used",
                  "source",
                  "note",
                ].map((k) => h("th", { scope: "col" }, k)),
              ),
            ),
            h(
              "tbody",
              {},
              ...cell.inputs.map((i) =>
                h(
                  "tr",
                  { "data-status": i.status, "data-key": i.key },
                  h("th", { scope: "row" }, i.key),
                  h("td", {}, statusBadge(i.status)),
                  h(
                    "td",
                    { class: "num" },
                    inputValue(i),
                    i.assumptionDriven
                      ? h(
                          "span",
                          { class: "assumption-driven", title: i.note ?? "assumption-driven" },
                          " assumption-driven",
                        )
                      : null,
                  ),
                  h("td", { class: "num" }, i.weight === null ? missing() : fmt(i.weight, 2)),
                  h(
                    "td",
                    { class: "num" },
                    i.reported === null
                      ? ""
                      : h(
                          "span",
                          {
                            class: "reported",
                            title: "partial or unstated: kept out of the score",
                          },
                          fmt(i.reported, 3),
                        ),
                  ),
                  h("td", {}, i.source ? sourceLink(i.source) : missing("no source")),
                  h(
                    "td",
                    {},
                    i.note ?? "",
                    i.n === null ? "" : ` n = ${i.n}`,
                    i.raw === undefined || i.raw === null
                      ? ""
                      : h(
                          "details",
                          {},
                          h("summary", {}, "raw"),
                          h("code", {}, JSON.stringify(i.raw).slice(0, 600)),
                        ),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}
