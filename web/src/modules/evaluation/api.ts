// Types of the evaluation API (src/evaluation/openapi.json) and the paths the pages call.
import type { ViewContext } from '../../app/nav';

export type Label = { fr?: string; it?: string; en?: string };
export type ItemKind = 'cursor' | 'ordinal' | 'number' | 'yes_no' | 'text' | 'evidence';

export interface Scale {
  kind: ItemKind;
  min?: number; max?: number; neutral?: number;
  low?: Label; high?: Label;
  levels?: Array<{ code: string; value: number; label: Label }>;
  unit?: Label; integer?: boolean;
  placeholder?: boolean; note?: Label;
}

export interface GridItem {
  code: string; label: Label; note?: Label; scale: string | Scale;
  core?: boolean; placeholder?: boolean; source?: string; collection?: string; owner?: string; feed?: string;
}

export interface GridSection {
  code: string; label: Label; note?: Label; role?: string; placeholder?: boolean;
  aggregation?: string; source?: { label: Label; url?: string };
  items?: GridItem[]; sections?: GridSection[];
}

export interface GridDocument {
  format: string; code: string; version: number; tool: 'board' | 'form';
  title: Label; description?: Label; stem?: Label; source?: Label; translation_note?: Label;
  modes: string[]; stages?: string[]; min_participants: number; flags?: string[];
  radar?: { depth: number };
  scales?: Record<string, Scale>;
  references?: Array<{ label: Label; source: { label: Label; url?: string }; points: Label[] }>;
  sections: GridSection[];
}

export interface Grid {
  id: number; code: string; version: number; tool: 'board' | 'form'; title: Label;
  shipped: boolean; derived_from: number | null; hidden: boolean; assessments: number; latest: boolean;
  items: number; placeholders: boolean; min_participants: number; modes: string[]; updated_at: string;
  definition?: GridDocument; short?: Record<string, Label>;
}

export interface Subject { kind: 'actor' | 'project' | 'pole' | 'demarche'; id: number; title: string }

export interface AssessmentSummary {
  id: number;
  grid: { id: number; code: string; version: number; title: string; tool: string };
  subject: Subject; title: string; held_on: string; stage: string; mode: string; status: 'open' | 'closed';
  previous_id: number | null; round_id: number | null; campaign_id: number | null;
  participants: number; arguments: number; answers: number; revision: number; created_at: string; updated_at: string;
}

export interface AnswerValue {
  value: number | boolean | string | null; priority: boolean; significant: boolean; comment: string; arguments?: number;
}

export interface LogEntry {
  id: number; seq: number; item: string; participant_id: number; direction: '+' | '-'; displacement: number;
  text: string; withdrawn: boolean; before: number; after: number; clamped: boolean; created_at: string;
}

export interface Evidence {
  id: number; item: string | null; kind: string; title: string; happened_on: string | null; url: string | null;
  note: string | null; file_name: string | null; content_type: string | null; file_bytes: number; created_at: string;
}

export interface Assessment extends AssessmentSummary {
  notes: string | null;
  participant_list: Array<{ id: number; name: string; actor_id: number | null; role: string | null; arguments: number }>;
  answer_map: Record<string, AnswerValue>;
  positions: Record<string, number>;
  log: LogEntry[];
  evidence: Evidence[];
  aggregates: Array<{ code: string; aggregation: string; value: number | null; normalised: number | null; answered: number; items: number }>;
  radar: Array<{ code: string; label: Label; value: number | null; previous: number | null }>;
}

export interface Comparison {
  current: AssessmentSummary; previous: AssessmentSummary;
  items: Array<{ code: string; kind: ItemKind; current: AnswerValue | null; previous: AnswerValue | null; delta: number | null; flag_changed: boolean; changed: boolean }>;
}

export interface Demarche { id: number; name: string; description: string | null; actor_id: number | null }

export interface Round {
  id: number; grid_id: number; grid_title: string; title: string; year: number; notes: string | null;
  members: Array<{ actor_id: number; name: string; assessment_id: number | null; status: string; answers: number }>;
}

export interface Distribution {
  assessments: number; title: Label;
  items: Array<{ section: string; code: string; label: Label; kind: ItemKind; unit: Label; answered: number; assessments: number;
    min: number | null; q1: number | null; median: number | null; q3: number | null; max: number | null; mean: number | null;
    counts: Record<string, number> }>;
}

export interface Campaign {
  id: number; subject: Subject; title: string; year: number; base_grid_id: number; grid_id: number;
  assessment_id: number; previous_id: number | null; steps: CampaignSteps; created_at: string; updated_at: string;
}

export interface CampaignSteps {
  demand: { requester: string; motive: string; origin: string; stakeholders: Array<{ name: string; side: string; participation: string }> };
  perimeter: { scope: string; core_business: boolean | null; territories: string; note: string };
  criteria: { retained: string[]; methods: string[]; note: string };
  evidence: { note: string };
  collection: { procedure: string; note: string };
  debate: { argument: string; sessions: Array<{ date: string; audience: string; participants: string; conclusions: string }> };
  done: string[];
}

/** The pole's evaluation API base, e.g. "/api/poles/seignanx/evaluation". */
export function base(ctx: ViewContext): string {
  return `/api/poles/${encodeURIComponent(ctx.pole.slug)}/evaluation`;
}

/** A file of the API (reports, exports), as a link target. */
export function fileUrl(ctx: ViewContext, path: string, query: Record<string, string> = {}): string {
  const q = new URLSearchParams(query).toString();
  return `${base(ctx)}${path}${q ? `?${q}` : ''}`;
}
