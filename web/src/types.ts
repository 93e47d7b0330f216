export interface EventRec {
  id: string;
  date: string;
  actors: string[];
  initiator?: string;
  target: string[];
  title: string;
  domain: string;
  cameoRoot: string;
  cameoCode?: string;
  goldstein: number;
  level?: "neighbourhood" | "regional" | "systemic";
  source: string;
  sourceTitle?: string;
  notes?: string;
}

export interface Tie {
  a: string;
  b: string;
  domain: string;
  sign: 1 | -1;
  strength: number;
  from?: string;
  to?: string;
  source: string;
  notes?: string;
}

export interface Flow {
  year: number;
  domain: string;
  from: string;
  to: string;
  value: number;
  unit: string;
  period: string;
  source: string;
  notes?: string;
}

export interface Project {
  id: string;
  name: string;
  kind: string;
  route: string[];
  links: string[];
  capacity?: number;
  capacityUnit?: string;
  status: string;
  from?: string;
  to?: string;
  source: string;
  notes?: string;
}

export interface LevelRec {
  focal: string;
  partner: string;
  level: "neighbourhood" | "regional" | "systemic";
  from?: string;
  to?: string;
  basis: string;
  source: string;
}

export interface PoleMember {
  pole: string;
  name: string;
  actor: string;
  from?: string;
  to?: string;
  source: string;
}

export interface Membership {
  actor: string;
  organisation: string;
  status: string;
  from?: string;
  to?: string;
  source: string;
}

export interface ScenarioData {
  meta: { id: string; name: string; focal: string; from: string; to: string; description?: string };
  counts: Record<string, number>;
  levels: LevelRec[];
  poles: PoleMember[];
  rivalries: { a: string; b: string; from?: string; to?: string; source: string }[];
  ties: Tie[];
  flows: Flow[];
  projects: Project[];
  memberships: Membership[];
}

export const LEVELS = ["neighbourhood", "regional", "systemic"] as const;
export const LEVEL_COLOURS: Record<string, string> = {
  neighbourhood: "#1b9e77",
  regional: "#d95f02",
  systemic: "#7570b3",
};
