import { PANEL_SOURCES } from "../measure/panel.ts";
import type { ComponentInput, ComponentYear } from "./component.ts";
import type { AtlasComponentKey } from "./defaults.ts";

/** How one component is described and computed. */
export interface ComponentSpec {
  key: AtlasComponentKey;
  label: string;
  source: string;
  /** The panel view whose coverage the component has (none: not available). */
  table?: string;
  /** Last year the component can have data (the source's own limit), when tighter than `table`'s. */
  interval: string;
  note?: string;
  compute?: (input: ComponentInput) => Promise<Map<number, ComponentYear>>;
}

/** Every component of the Atlas, in output order (each computed lazily from its own file). */
export const COMPONENT_SPECS: ComponentSpec[] = [
  {
    key: "unvotes",
    label:
      "UN General Assembly votes: alignment with each pole beyond chance (Benati–Capurri alignment index floored at 0; or Lijphart agreement), evenness across poles",
    source: PANEL_SOURCES.ref_unvotes,
    table: "ref_unvotes",
    interval:
      "roll calls resampled within the year, the same resample for every state (paired); percentile interval",
    note: "a state-year needs ≥ minRollCalls joint roll calls with a member of every pole (2024 has 6 roll calls: missing)",
    compute: async (i) => (await import("./unvotes.ts")).unvotesComponent(i),
  },
  {
    key: "idealpoints",
    label: "UNGA ideal-point closeness to each pole, evenness across poles",
    source: PANEL_SOURCES.ref_idealpoints,
    table: "ref_idealpoints",
    interval:
      "each state's ideal point drawn from its published quantiles (q0, q5, q10, q50, q90, q95, q100; linear between), independently per state",
    note: "estimated from the same votes as the UN-vote component: weight 0 by default",
    compute: async (i) => (await import("./idealpoints.ts")).idealpointsComponent(i),
  },
  {
    key: "alliances",
    label: "ATOP alliance ties with each pole's members (valued 0–3), evenness across poles",
    source: PANEL_SOURCES.ref_atop,
    table: "ref_atop",
    interval: "none: treaty obligations are recorded, not sampled (interval = value)",
    note: "ATOP 5.1 ends in 2018: later years are missing",
    compute: async (i) => (await import("./alliances.ts")).alliancesComponent(i),
  },
  {
    key: "igo",
    label:
      "IGO memberships shared with each pole (share of the state's memberships), evenness across poles; breadth = IGO memberships",
    source: "COW Intergovernmental Organizations v3 (dyadic and state-year), via peacesciencer",
    table: "ref_igo_ndy",
    interval: "none: memberships are recorded, not sampled (interval = value)",
    note: "COW IGO v3 ends in 2014: later years are missing",
    compute: async (i) => (await import("./igo.ts")).igoComponent(i),
  },
  {
    key: "arms",
    label:
      "SIPRI arms imports: pole suppliers' shares of TIV over the window, evenness across poles; supplier concentration (HHI)",
    source: PANEL_SOURCES.ref_sipri,
    table: "ref_sipri",
    interval:
      "the window's years resampled with replacement, the same resample for every state (paired)",
    note: "the shipped SIPRI extract covers Azerbaijan and its neighbours only (ref_sipri_coverage); elsewhere missing, never 0 — weight 0 by default; `ana panel import sipri` adds recipients",
    compute: async (i) => (await import("./arms.ts")).armsComponent(i),
  },
  {
    key: "trade",
    label: "trade concentration with poles",
    source: PANEL_SOURCES.ref_trade_sy,
    interval: "none",
    note: "unavailable: the panel's COW trade data are national totals without partners, so trade shares with poles cannot be computed; always missing",
  },
];
