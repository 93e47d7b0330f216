// The Atlas ranking for a year: rank [lo, hi], state, index [lo, hi], coverage, status. Sortable
// by the column header buttons (aria-sort says the order); states without an index stay at the
// bottom in every order, marked "no data" or "partial data". Each state's name is a button that
// makes it the focal state (the keyboard alternative to the map).
import {
  type AtlasSortKey,
  compositionOf,
  coverageText,
  indexed,
  rankingOrder,
  rankText,
  type ShownAtlasRow,
  valueInterval,
} from "../atlas-data.ts";
import { h } from "../ui.ts";

export interface AtlasTableOptions {
  sort?: AtlasSortKey;
  dir?: 1 | -1;
  focal?: string;
  caption?: string;
  onSelect?: (iso3: string) => void;
  /** Called with the new order; the table redraws itself in place. */
  onSort?: (sort: AtlasSortKey, dir: 1 | -1) => void;
  /** The index's weights, to list which inputs each index is made of. */
  weights?: Record<string, number>;
}

const defaults = { sort: "rank" as AtlasSortKey, dir: 1 as 1 | -1, caption: "" };

const COLS: { key: AtlasSortKey | null; label: string; numeric: boolean; first: 1 | -1 }[] = [
  { key: "rank", label: "rank [interval]", numeric: true, first: 1 },
  { key: "name", label: "state", numeric: false, first: 1 },
  { key: "index", label: "index [interval]", numeric: true, first: -1 },
  { key: "coverage", label: "coverage", numeric: true, first: -1 },
  { key: null, label: "status", numeric: false, first: 1 },
  { key: null, label: "inputs of the index", numeric: false, first: 1 },
];

export function atlasTable(rows: ShownAtlasRow[], options: AtlasTableOptions = {}): HTMLElement {
  const o = { ...defaults, ...options };
  const wrap = h("div", { class: "table-wrap atlas-table-wrap" });
  const draw = (sort: AtlasSortKey, dir: 1 | -1, focusKey?: AtlasSortKey) => {
    const ordered = rankingOrder(rows, sort, dir);
    const n = rows.filter(indexed).length;
    const t = h(
      "table",
      { class: "atlas-table" },
      h(
        "caption",
        {},
        o.caption ||
          `${n} of ${rows.length} states with an index; states without one are listed last.`,
      ),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...COLS.map((c) =>
            h(
              "th",
              {
                scope: "col",
                class: c.numeric ? "num" : "",
                "aria-sort": c.key === sort ? (dir === 1 ? "ascending" : "descending") : null,
              },
              c.key
                ? h(
                    "button",
                    {
                      type: "button",
                      class: "sort",
                      "data-sort": c.key,
                      onclick: () => {
                        const nd: 1 | -1 = c.key === sort ? (dir === 1 ? -1 : 1) : c.first;
                        draw(c.key!, nd, c.key!);
                        o.onSort?.(c.key!, nd);
                      },
                    },
                    c.label,
                    h(
                      "span",
                      { "aria-hidden": "true" },
                      c.key === sort ? (dir === 1 ? " ▲" : " ▼") : "",
                    ),
                  )
                : c.label,
            ),
          ),
        ),
      ),
      h(
        "tbody",
        {},
        ...ordered.map((r) => {
          const ok = indexed(r);
          const status = ok
            ? "measured"
            : r.status === "partial"
              ? "partial data"
              : r.status === "not measured"
                ? "status not reported"
                : "no data";
          return h(
            "tr",
            {
              "data-iso3": r.iso3,
              "data-status": ok ? "data" : r.status,
              class: `${ok ? "" : "missing-row"}${r.iso3 === o.focal ? " focal" : ""}`,
              "aria-current": r.iso3 === o.focal ? "true" : null,
            },
            h("td", { class: "num" }, ok ? rankText(r) : "—"),
            h(
              "th",
              { scope: "row" },
              h(
                "button",
                {
                  type: "button",
                  class: "link",
                  title: `Make ${r.name} the focal state`,
                  onclick: () => o.onSelect?.(r.iso3),
                },
                r.name,
              ),
              h("small", {}, ` ${r.iso3}`),
            ),
            h("td", { class: "num" }, ok ? valueInterval(r.index, r.interval) : "—"),
            h("td", { class: "num" }, coverageText(r.coverage)),
            h("td", { class: ok ? "" : "missing" }, status),
            h(
              "td",
              { class: "inputs" },
              ok
                ? compositionOf(r, o.weights ?? {})
                    .split("+")
                    .join(" + ")
                : "",
            ),
          );
        }),
      ),
    );
    wrap.replaceChildren(t);
    if (focusKey)
      (t.querySelector(`button[data-sort="${focusKey}"]`) as HTMLButtonElement | null)?.focus();
  };
  draw(o.sort, o.dir);
  return wrap;
}
