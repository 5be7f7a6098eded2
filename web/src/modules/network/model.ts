// Shapes of the network API (docs/network.md) and the pure helpers the pages share.
import type { Locale } from '../../app/i18n';

export type Label = Partial<Record<Locale, string>>;

export interface Nature {
  code: string;
  weight: number;
  colour: string;
  line: 'solid' | 'dashed' | 'dotted';
  abbreviation: Label;
  label: Label;
  pole_specific: boolean;
}

export interface GridField {
  code: string;
  group: string | null;
  label: Label;
  hint: Label;
}

export interface CodeLabel {
  code: string;
  label: Label;
}

export interface NetworkRules {
  natures: Nature[];
  grid: GridField[];
  intensities: Array<{ level: number; label: Label }>;
  evidence_kinds: CodeLabel[];
  missions: CodeLabel[];
  objects: CodeLabel[];
  years: number[];
}

export interface ScopeActor {
  id: number;
  name: string;
  kind: string;
  public: boolean | null;
  level: string | null;
  nature: string | null;
}

export interface Evidence {
  kind: string;
  source: string;
  nature: string;
  object: string | null;
  detail: string;
  date: string | null;
}

export interface Relation {
  id: number | null;
  year: number;
  mission: string | null;
  from_actor: number;
  to_actor: number;
  nature: string;
  object: string | null;
  intensity: number;
  note: string | null;
  derived: boolean;
  author?: string;
  updated_at?: string;
  evidence?: Evidence[];
}

export interface Scope {
  year: number;
  mission: string | null;
  actors: ScopeActor[];
  relations: Relation[];
}

export interface ActorMetrics {
  id: string;
  label: string;
  degree: number;
  in_degree: number;
  out_degree: number;
  strength: number;
  positive_strength: number;
  negative_strength: number;
  betweenness: number;
  closeness: number | null;
  eigenvector: number;
  pagerank: number;
  community: number;
  side: number;
  balanced_triangles: number;
  unbalanced_triangles: number;
}

export interface Analysis {
  year: number;
  mission: string | null;
  summary: {
    actors: number;
    relations: number;
    pairs: number;
    positive_pairs: number;
    negative_pairs: number;
    neutral_pairs: number;
    components: number;
    betweenness: { method: 'exact' | 'sampled'; sources: number };
  };
  actors: ActorMetrics[];
  communities: {
    resolution: number;
    count: number;
    disagreements: number;
    items: Array<{ id: number; size: number; members: string[]; positive_weight: number; negative_weight: number }>;
  };
  balance: {
    triangles: number;
    balanced: number;
    balanced_share: number;
    frustration: number;
    frustration_weight: number;
    frustrated_relations: Array<{ a: string; b: string; weight: number; unbalanced_triangles: number }>;
  };
  suggestions: Array<{
    focus: string;
    allies_of_allies: Array<{ id: string; through: string[]; score: number }>;
    opponents_of_allies: Array<{ id: string; opposes: string[]; share: number }>;
  }>;
}

export interface CardEntry {
  id: number;
  year: number;
  text: string;
  author: string;
  created_at: string;
}

export interface Card {
  actor_id: number;
  actor_name: string;
  year: number;
  mission: string;
  fields: Array<{ field: string; current: CardEntry | null; history: CardEntry[]; earlier: CardEntry | null }>;
}

export interface ComparedRelation {
  from_actor: number;
  to_actor: number;
  nature: string;
  object: string | null;
  mission: string | null;
  intensity: number;
  derived: boolean;
}

export interface YearSummary {
  year: number;
  actors: number;
  relations: number;
  communities: number;
  balanced_share: number;
  frustration: number;
}

export interface Comparison {
  before: YearSummary;
  after: YearSummary;
  added: ComparedRelation[];
  lost: ComparedRelation[];
  changed: Array<{ before: ComparedRelation; after: ComparedRelation; fields: string[] }>;
  unchanged: number;
  communities_nmi: number | null;
  actors: Array<{ actor_id: number; name: string; degree_before: number; degree_after: number; community_before: number | null; community_after: number | null }>;
  names: Record<string, string>;
}

/** The page's filters, kept in the URL so that a view can be shared. */
export interface NetworkFilters {
  year: number;
  mission: string;
  natures: string[];
  objects: string[];
}

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** Filters from the URL; the year defaults to the most recent one with data, else this year. */
export function parseFilters(query: URLSearchParams, years: number[], now = new Date()): NetworkFilters {
  const year = Number(query.get('year'));
  return {
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : (years[0] ?? now.getFullYear()),
    mission: query.get('mission') ?? '',
    natures: list(query.get('natures')),
    objects: list(query.get('objects')),
  };
}

export function filtersToQuery(f: Partial<NetworkFilters>): string {
  const params = new URLSearchParams();
  if (f.year) params.set('year', String(f.year));
  if (f.mission) params.set('mission', f.mission);
  if (f.natures?.length) params.set('natures', f.natures.join(','));
  if (f.objects?.length) params.set('objects', f.objects.join(','));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Whether a relation passes the nature and object filters (empty filter: everything). */
export function relationVisible(r: Pick<Relation, 'nature' | 'object'>, f: Pick<NetworkFilters, 'natures' | 'objects'>): boolean {
  if (f.natures.length && !f.natures.includes(r.nature)) return false;
  if (f.objects.length && !f.objects.includes(r.object ?? '')) return false;
  return true;
}

/** The cells of Grille II: row actor → column actor → relations (several with every mission). */
export function matrixCells(scope: Scope): Map<string, Relation[]> {
  const cells = new Map<string, Relation[]>();
  for (const r of scope.relations) {
    const key = `${r.from_actor}:${r.to_actor}`;
    cells.set(key, [...(cells.get(key) ?? []), r]);
  }
  return cells;
}

/** A text colour readable on `background` (#rrggbb): black or white, by WCAG relative luminance. */
export function textOn(background: string): '#000000' | '#ffffff' {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!m) return '#000000';
  const channel = (hex: string) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
  // Contrast with white (1.05 / (l + 0.05)) against contrast with black ((l + 0.05) / 0.05).
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

/** Community colours for the graph's nodes: distinct, and dark enough for white labels. */
export const COMMUNITY_COLOURS = ['#000091', '#6a6af4', '#00796b', '#a94645', '#716043', '#8d533e', '#6e445a', '#3558a2', '#4f6b00', '#7d4e5b'];
