// The pathways API's shapes (src/pathways/openapi.json).
export type Label = { fr: string; it: string; en: string };

export interface Step {
  code: string;
  stage: string;
  label: Label;
  duration: { months?: number; days?: number };
  max_duration: { months?: number; days?: number } | null;
  deliverables: Array<{ code: string; label: Label; required: boolean }>;
  subjects: string[];
  visits: { every_months: number; count: number } | null;
}

export interface Template {
  id: number;
  code: string;
  version: number;
  model: string;
  label: Label;
  description: Label;
  source: string;
  creation_step: string;
  shipped: boolean;
  based_on: string | null;
  projects: number;
  steps: Step[];
  transitions: Array<{ action: string; from: string; to?: string; guard: string[] }>;
  test_contract: { min_months: number; max_months: number; followup_months: number } | null;
}

export interface Project {
  id: number;
  title: string;
  summary: string | null;
  commune: string | null;
  commune_name: string | null;
  naf: string | null;
  sector: string | null;
  legal_form: string | null;
  origin: { kind: string; ref: number | null; title: string | null; actor_id: number | null; actor_name: string | null; note: string | null };
  template: { id: number; code: string; version: number; model: string; shipped: boolean };
  step: string;
  stage: string;
  status: 'active' | 'paused' | 'abandoned' | 'completed';
  step_entered_on: string;
  step_due_on: string | null;
  started_on: string;
  created_on: string | null;
  ceased_on: string | null;
  closed_on: string | null;
  actor_id: number | null;
  actor_name: string | null;
  promoter_count: number;
}

export interface Alert {
  kind: string;
  overdue: boolean;
  project_id: number;
  project_title: string;
  item_id: number | null;
  step: string | null;
  step_label: Label | null;
  due_on: string;
  days: number;
}

export interface SupportAction {
  id: number;
  kind: string;
  on_date: string;
  minutes: number | null;
  subject: string | null;
  need: string | null;
  outcome: string | null;
  step: string;
  mentorship_id: number | null;
  mentor_name: string | null;
  funder_actor_name: string | null;
  funder_name: string | null;
}

export interface Mentorship {
  id: number;
  kind: string;
  mentor_id: number | null;
  tutor_actor_id: number | null;
  partner_name: string | null;
  objectives: string[];
  started_on: string;
  ended_on: string | null;
  status: 'active' | 'ended';
  sessions: number;
}

export interface Visit {
  id: number;
  due_on: string;
  done_on: string | null;
  note: string | null;
  origin: 'plan' | 'manual';
}

export interface TestContract {
  id: number;
  kind: string;
  host_name: string | null;
  start_on: string;
  end_on: string;
  followup_end_on: string | null;
  ended_on: string | null;
  note: string | null;
}

export interface Move {
  action: string;
  to: string | null;
  note_required: boolean;
  missing_deliverables: string[];
  open: boolean;
}

export interface ProjectDetail {
  project: Project;
  template: Template;
  plan: Array<{ step: string; start: string; end: string }>;
  stays: Array<{ step: string; start: string; end: string | null; days: number }>;
  transitions: Array<{ id: number; at: string; on_date: string; user: string | null; action: string; from_step: string | null; from_status: string | null; to_step: string; to_status: string; days_in_step: number; note: string | null }>;
  deliverables: Array<{ step: string; code: string; done_on: string; note: string | null }>;
  moves: Move[];
  actions: SupportAction[];
  coaching_minutes: number;
  mentorships: Mentorship[];
  visits: Visit[];
  contracts: TestContract[];
  jobs: Array<{ year: number; jobs: number; fte: number | null }>;
  alerts: Alert[];
}

export interface Promoter {
  id: number;
  alias: string;
  pseudonymous: boolean;
  role: string | null;
  under_30: boolean | null;
  contact: string | null;
}

export interface Mentor {
  id: number;
  kind: string;
  name: string;
  actor_id: number | null;
  actor_name: string | null;
  commune: string | null;
  commune_name: string | null;
  capacity: number;
  current: number;
  total: number;
  experience_years: number | null;
  subjects: string[];
  sectors: string[];
  active: boolean;
  bio: string | null;
}

export interface Factor {
  code: string;
  value: number;
  weight: number;
  points: number;
  measure: number | null;
  matched: string[];
}

export interface Candidate {
  rank: number;
  id: number;
  name: string;
  score: number;
  current: number;
  factors: Factor[];
  mentor?: Mentor;
  actor?: { id: number; kind: string; naf: string | null; commune: string | null };
}

export interface Suggestions {
  kind: string;
  project: { naf: string | null; sector: string | null; legal_form: string | null; located: boolean };
  subjects: string[];
  weights: Record<string, number>;
  considered: number;
  excluded_full: number;
  excluded_subject: number;
  candidates: Candidate[];
}

export interface Dashboard {
  as_of: string;
  totals: { projects: number; by_status: Record<string, number> };
  by_stage: Array<{ stage: string } & Record<string, number | string>>;
  by_model: Array<{ model: string; total: number; stages: Record<string, number> }>;
  time_in_stage: Array<{ model: string; stage: string; finished: number; finished_average_days: number; current: number; current_average_days: number }>;
  years: Array<{ year: number; started: number; created: number; ceased: number; abandoned: number }>;
  survival: Array<{ year: number; created: number; horizons: Array<{ years: number; eligible: number; survived: number; rate: number | null }> }>;
  jobs: Array<{ year: number; projects: number; jobs: number; fte: number }>;
  alerts: { counts: Record<string, number>; projects_with_overdue: number; items: Alert[] };
}

export interface KanbanColumn {
  stage: string;
  total: number;
  projects: Project[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}
