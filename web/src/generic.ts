import { fmt, h, sourceLink } from "./ui.ts";

/** Render any JSON value readably: arrays of records as tables, objects as definition lists. Sources become links. */
export function renderValue(v: unknown, depth = 0): HTMLElement | string {
  if (v === null || v === undefined) return h("span", { class: "missing" }, "—");
  if (typeof v !== "object") return typeof v === "number" ? fmt(v, 4) : String(v);
  if (depth > 3) return h("code", {}, JSON.stringify(v).slice(0, 200));
  if (Array.isArray(v)) {
    if (v.length === 0) return h("span", { class: "missing" }, "(none)");
    if (v.every((x) => x && typeof x === "object" && !Array.isArray(x))) {
      const rows = v.slice(0, 200) as Record<string, unknown>[];
      const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      return h(
        "div",
        { class: "table-wrap" },
        h(
          "table",
          {},
          h("thead", {}, h("tr", {}, ...keys.map((k) => h("th", { scope: "col" }, k)))),
          h(
            "tbody",
            {},
            ...rows.map((r) => h("tr", {}, ...keys.map((k) => h("td", {}, cell(k, r[k], depth))))),
          ),
          v.length > rows.length ? h("caption", {}, `first ${rows.length} of ${v.length}`) : null,
        ),
      );
    }
    return v
      .map((x) =>
        typeof x === "number" ? fmt(x, 4) : typeof x === "object" ? JSON.stringify(x) : String(x),
      )
      .join(", ");
  }
  const entries = Object.entries(v as Record<string, unknown>);
  return h(
    "dl",
    { class: "kv" },
    ...entries.flatMap(([k, x]) => [h("dt", {}, k), h("dd", {}, cell(k, x, depth))]),
  );
}

function cell(k: string, x: unknown, depth: number): HTMLElement | string {
  if ((k === "source" || k === "url") && typeof x === "string") return sourceLink(x);
  if (k === "sources" && Array.isArray(x))
    return h(
      "span",
      {},
      ...x.map((s) => sourceLink(typeof s === "string" ? s : JSON.stringify(s))),
    );
  return renderValue(x, depth + 1);
}
