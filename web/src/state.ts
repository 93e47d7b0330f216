/** The view's state lives in the URL (page path + query) so that any view can be shared. */
export interface ViewState {
  page: string;
  scenario: string;
  focal: string;
  from: string;
  to: string;
  /** Page-specific parameters (at, domain, level, tone, with, by, …). */
  extra: Record<string, string>;
}

export const PAGES = [
  { id: "overview", label: "Overview" },
  { id: "atlas", label: "Atlas" },
  { id: "map", label: "Map" },
  { id: "network", label: "Network" },
  { id: "timeline", label: "Timeline" },
  { id: "dependence", label: "Dependence" },
  { id: "lab", label: "Lab" },
  { id: "data", label: "Data" },
] as const;

const COMMON = ["scenario", "focal", "from", "to"];

export function readState(loc: Location = window.location): ViewState {
  const page = loc.pathname.replace(/^\/+|\/+$/g, "") || "overview";
  const qs = new URLSearchParams(loc.search);
  const extra: Record<string, string> = {};
  for (const [k, v] of qs) if (!COMMON.includes(k)) extra[k] = v;
  return {
    page: PAGES.some((p) => p.id === page) ? page : "overview",
    scenario: qs.get("scenario") ?? "",
    focal: (qs.get("focal") ?? "").toUpperCase(),
    from: qs.get("from") ?? "",
    to: qs.get("to") ?? "",
    extra,
  };
}

export function stateUrl(s: ViewState): string {
  const qs = new URLSearchParams();
  if (s.scenario) qs.set("scenario", s.scenario);
  if (s.focal) qs.set("focal", s.focal);
  if (s.from) qs.set("from", s.from);
  if (s.to) qs.set("to", s.to);
  for (const [k, v] of Object.entries(s.extra)) if (v !== "") qs.set(k, v);
  const q = qs.toString();
  return `/${s.page}${q ? `?${q}` : ""}`;
}

/** Link to another page keeping the shared parameters (scenario, focal, dates), dropping page-specific ones. */
export function pageUrl(s: ViewState, page: string): string {
  return stateUrl({ ...s, page, extra: {} });
}
