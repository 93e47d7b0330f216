type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Make an element: h("a", {href: "/x", onclick: fn}, "text", child). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children.flat(10 as 1) as Child[]) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

/** A number for display; missing stays visibly missing. */
export function fmt(v: unknown, digits = 2): string {
  if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) return "—";
  if (typeof v === "number") {
    if (Number.isInteger(v)) return v.toLocaleString("en-GB");
    return v.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  }
  return String(v);
}

export function missing(text = "—", title = "missing: no data for this cell"): HTMLElement {
  return h("span", { class: "missing", title }, text);
}

/** A record's source: a link when it is a web address, the citation otherwise. */
export function sourceLink(src: string | undefined | null, label?: string): HTMLElement {
  if (!src) return missing("no source");
  if (/^https?:\/\//.test(src)) {
    let host = src;
    try {
      host = new URL(src).hostname.replace(/^www\./, "");
    } catch {
      /* keep the raw text */
    }
    return h(
      "a",
      { href: src, target: "_blank", rel: "noopener noreferrer", class: "source", title: src },
      label ?? host,
    );
  }
  return h("span", { class: "source citation", title: src }, src);
}

/** A clear notice: a capability not in this build, an error, or an empty result. */
export function notice(
  kind: "unavailable" | "error" | "empty" | "info",
  text: string,
  detail?: string,
): HTMLElement {
  const titles = {
    unavailable: "Not available in this build",
    error: "Error",
    empty: "No data",
    info: "Note",
  };
  return h(
    "div",
    { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" },
    h("strong", {}, titles[kind]),
    " ",
    text,
    detail ? h("div", { class: "detail" }, detail) : null,
  );
}

export function unavailable(endpoint: string, what: string): HTMLElement {
  return notice(
    "unavailable",
    `${what} needs the ${endpoint} endpoint, which this server does not provide yet.`,
    "Nothing is shown in its place: ANA never fills a gap with made-up numbers.",
  );
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return h("section", { "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => Child;
  numeric?: boolean;
}

/** An accessible table; cells that are null/undefined show as missing. */
export function table<T>(rows: T[], cols: Column<T>[], caption?: string): HTMLElement {
  const t = h(
    "table",
    {},
    caption ? h("caption", {}, caption) : null,
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        ...cols.map((c) => h("th", { scope: "col", class: c.numeric ? "num" : "" }, c.label)),
      ),
    ),
    h(
      "tbody",
      {},
      ...rows.map((r) =>
        h(
          "tr",
          {},
          ...cols.map((c) => {
            const v = c.value(r);
            return h(
              "td",
              { class: c.numeric ? "num" : "" },
              v === null || v === undefined ? missing() : v,
            );
          }),
        ),
      ),
    ),
  );
  return h("div", { class: "table-wrap" }, t);
}

export function loading(text = "Loading…"): HTMLElement {
  return h("p", { class: "loading", role: "status" }, text);
}

export function yearOf(date: string | undefined | null): number | null {
  if (!date) return null;
  const m = /^(\d{4})/.exec(date);
  return m ? Number(m[1]) : null;
}

/** Whether a record with from/to partial dates is in force at `at` (YYYY or YYYY-MM-DD). */
export function activeAt(rec: { from?: string; to?: string }, at: string): boolean {
  const a = at.length === 4 ? `${at}-12-31` : at;
  const from = rec.from ? rec.from.padEnd(10, rec.from.length === 4 ? "-01-01" : "-01") : "0000";
  const to = rec.to
    ? rec.to.length === 4
      ? `${rec.to}-12-31`
      : rec.to.length === 7
        ? `${rec.to}-31`
        : rec.to
    : "9999";
  return from <= a && a <= to;
}
