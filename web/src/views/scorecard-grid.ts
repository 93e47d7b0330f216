// The Overview's scorecard as an ARIA grid: one tab stop (roving tabindex), arrow keys move between
// cells, Enter or Space opens a cell's detail. A cell is coloured only when the server says its
// status is "data"; every other cell is hatched and shows a symbol, never a number.
import {
  cellLabel,
  cellText,
  colourable,
  type ShownCell,
  STATUS_TEXT,
  scoreColour,
} from "../measured.ts";
import { LEVELS } from "../types.ts";
import { h } from "../ui.ts";

export interface GridOptions {
  /** Called when a cell is chosen (click, Enter, Space). */
  onSelect?: (cell: ShownCell) => void;
  caption?: string;
}

const defaults: Required<Omit<GridOptions, "onSelect">> = {
  caption:
    "Score 0–100 per pillar, level and year, coloured only where measured. Hatched: ◐ partial data, — no data, ? status not reported; none of them is scored.",
};

/** Rows (pillar × level, the pillars in the server's order, "overall" last) and years. */
export function gridLayout(cells: ShownCell[]): {
  rows: { pillar: string; level: string }[];
  years: number[];
} {
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const pillars = [...new Set(cells.map((c) => c.pillar))].sort(
    (a, b) => Number(a === "overall") - Number(b === "overall"),
  );
  const rank = (l: string) => {
    const i = (LEVELS as readonly string[]).indexOf(l);
    return i < 0 ? LEVELS.length : i;
  };
  const levels = [...new Set(cells.map((c) => c.level))].sort((a, b) => rank(a) - rank(b));
  return { rows: pillars.flatMap((pillar) => levels.map((level) => ({ pillar, level }))), years };
}

/** The cell the server gave, or a placeholder saying it gave none. */
function cellAt(
  by: Map<string, ShownCell>,
  pillar: string,
  level: string,
  year: number,
): ShownCell {
  return (
    by.get(`${pillar}|${level}|${year}`) ?? {
      year,
      pillar,
      level,
      status: "not measured",
      score: null,
      interval: null,
      coverage: null,
      inputs: [],
      raw: {},
    }
  );
}

export function scorecardGrid(cells: ShownCell[], options: GridOptions = {}): HTMLTableElement {
  const o = { ...defaults, ...options };
  const { rows, years } = gridLayout(cells);
  const by = new Map(cells.map((c) => [`${c.pillar}|${c.level}|${c.year}`, c]));
  const gridCells: HTMLTableCellElement[][] = [];
  const choose = (td: HTMLTableCellElement, cell: ShownCell) => {
    for (const row of gridCells)
      for (const x of row) x.setAttribute("aria-selected", x === td ? "true" : "false");
    o.onSelect?.(cell);
  };
  const body = rows.map(({ pillar, level }, r) => {
    const tds = years.map((year, c) => {
      const cell = cellAt(by, pillar, level, year);
      const scored = colourable(cell);
      const td = h(
        "td",
        {
          role: "gridcell",
          class: `sc status-${cell.status.replace(/\s+/g, "-")}${scored ? "" : " missing-cell"}`,
          tabindex: r === 0 && c === 0 ? 0 : -1,
          "aria-selected": "false",
          "data-status": cell.status,
          "data-year": year,
          "data-pillar": pillar,
          "data-level": level,
          title: cellLabel(cell),
          style: scored
            ? `background:${scoreColour(cell.score!)};color:${cell.score! > 60 ? "#fff" : "#111"}`
            : null,
          onclick: (e: Event) => {
            focusCell(e.currentTarget as HTMLTableCellElement);
            choose(e.currentTarget as HTMLTableCellElement, cell);
          },
          onkeydown: (e: Event) => {
            const k = (e as KeyboardEvent).key;
            if (k === "Enter" || k === " ") {
              e.preventDefault();
              choose(e.currentTarget as HTMLTableCellElement, cell);
            }
          },
        },
        h("span", { "aria-hidden": "true" }, cellText(cell)),
        h("span", { class: "sr-only" }, cellLabel(cell)),
      ) as HTMLTableCellElement;
      return td;
    });
    gridCells.push(tds);
    return h(
      "tr",
      { role: "row" },
      h("th", { scope: "row", role: "rowheader" }, pillar),
      h("th", { scope: "row", role: "rowheader", class: "lvl" }, level),
      ...tds,
    );
  });
  const focusCell = (td: HTMLTableCellElement) => {
    for (const row of gridCells) for (const x of row) x.tabIndex = x === td ? 0 : -1;
    td.focus();
  };
  const table = h(
    "table",
    {
      class: "scorecard",
      role: "grid",
      "aria-label": "Scorecard: pillars and levels by year",
      "aria-rowcount": rows.length + 1,
      "aria-colcount": years.length + 2,
    },
    h("caption", {}, o.caption),
    h(
      "thead",
      {},
      h(
        "tr",
        { role: "row" },
        h("th", { scope: "col", role: "columnheader" }, "pillar"),
        h("th", { scope: "col", role: "columnheader" }, "level"),
        ...years.map((y) => h("th", { scope: "col", role: "columnheader" }, String(y))),
      ),
    ),
    h("tbody", {}, ...body),
  ) as HTMLTableElement;
  table.addEventListener("keydown", (e) => {
    const td = (e.target as Element).closest?.("td[role=gridcell]") as HTMLTableCellElement | null;
    if (!td || gridCells.length === 0) return;
    const r = gridCells.findIndex((row) => row.includes(td));
    const c = gridCells[r].indexOf(td);
    const last = { r: gridCells.length - 1, c: gridCells[0].length - 1 };
    const next = moveInGrid({ r, c }, e.key, last, e.ctrlKey || e.metaKey);
    if (!next) return;
    e.preventDefault();
    focusCell(gridCells[next.r][next.c]);
  });
  return table;
}

/** Where a key moves the focus in a grid of (last.r + 1) × (last.c + 1) cells; null if not a move key. */
export function moveInGrid(
  at: { r: number; c: number },
  key: string,
  last: { r: number; c: number },
  ctrl = false,
): { r: number; c: number } | null {
  const clamp = (v: number, hi: number) => Math.max(0, Math.min(hi, v));
  switch (key) {
    case "ArrowRight":
      return { r: at.r, c: clamp(at.c + 1, last.c) };
    case "ArrowLeft":
      return { r: at.r, c: clamp(at.c - 1, last.c) };
    case "ArrowDown":
      return { r: clamp(at.r + 1, last.r), c: at.c };
    case "ArrowUp":
      return { r: clamp(at.r - 1, last.r), c: at.c };
    case "Home":
      return ctrl ? { r: 0, c: 0 } : { r: at.r, c: 0 };
    case "End":
      return ctrl ? { r: last.r, c: last.c } : { r: at.r, c: last.c };
    case "PageDown":
      return { r: clamp(at.r + 3, last.r), c: at.c };
    case "PageUp":
      return { r: clamp(at.r - 3, last.r), c: at.c };
    default:
      return null;
  }
}

/** The legend under the grid: what each kind of cell means. */
export function gridLegend(): HTMLElement {
  return h(
    "p",
    { class: "legend sc-legend" },
    h("span", {}, h("i", { style: `background:${scoreColour(20)}` }), "measured, low"),
    h("span", {}, h("i", { style: `background:${scoreColour(90)}` }), "measured, high"),
    h("span", {}, h("i", { class: "hatch partial" }), `◐ ${STATUS_TEXT.partial}, not scored`),
    h("span", {}, h("i", { class: "hatch" }), `— ${STATUS_TEXT["no data"]}`),
    h("span", {}, h("i", { class: "hatch" }), `? ${STATUS_TEXT["not measured"]}, not scored`),
    h("span", {}, "Keyboard: Tab into the grid, arrows to move, Enter for a cell's inputs."),
  );
}
