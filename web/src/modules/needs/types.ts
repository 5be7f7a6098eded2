// What the needs API answers (src/needs/openapi.json).
export interface Cell { count: number | null; rate_per_1000: number | null; share: number | null; ratio: number | null }
export interface Unit { level: string; code: string; name: string; country: string; region: string; population: number | null; lat: number; lon: number }
export interface DiagnosticRow { unit: Unit; records: Cell; needs: Record<string, Cell>; indicators: Record<string, number | null> }
export interface Hotspot { category: string; unit: Unit; count: number; rate_per_1000: number; reference_rate: number; ratio: number }
export interface Diagnostic {
  level: string; min_cell_size: number; records: number; without_commune: number; outside_level: number;
  suppressed_cells: number; categories: string[]; rows: DiagnosticRow[]; hotspots: Hotspot[];
}
export interface Label { fr: string; it: string; en: string }
export interface Taxonomy {
  categories: Array<{ code: string; label: Label; sections: string[] }>;
  dimensions: Array<{ code: string; label: Label }>;
  indicators: Array<{ code: string; dimension: string; source: string; measure: string; label: Label; unit: string }>;
  languages: string[]; rules: number;
  sections?: Array<{ code: string; label: string }>;
}
export interface Settings { min_cell_size: number; similarity_threshold: number; shingle_size: number; hotspot_min_count: number; hotspot_min_ratio: number }
export interface Summary { records: number; groups: number; calls: number; decisions: number; last_catalogue: string | null; last_rationalisation: string | null; settings: Settings }
export interface RecordCode { kind: 'need' | 'sector'; code: string; matched: string[]; declared: boolean; correction: 'add' | 'remove' | null; effective: boolean }
export interface IntakeRecord {
  id: number; record_id: string; date: string | null; centre: string | null; counsellor: string | null;
  commune_code: string | null; commune_name: string | null; person_key: string | null; age_band: string | null;
  situation: string[]; need_text: string | null; need_codes: string[]; proposal_text: string | null;
  coop_interest: string | null; sectors: string[]; skills: string[]; language: string; codes: RecordCode[];
  group_id: number | null; created_at: string; updated_at: string;
}
export interface Page<T> { items: T[]; total: number; page: number; per_page: number }
export interface Group {
  id: number; title: string; custom_title: string | null; representative_text: string; representative_record: string;
  size: number; manual: boolean; communes: Array<{ code: string; name: string; count: number }>;
  categories: Array<{ code: string; count: number }>;
}
export interface GroupPage extends Page<Group> { hidden: number }
export interface GroupMember { id: number; record_id: string; commune_code: string | null; text: string }
export interface Decision { id: number; kind: 'merge' | 'split'; records: string[]; user_id: number | null; at: string }
export interface CatalogueEntry { kind: 'need' | 'sector'; code: string; count: number | null; by_rules: number; corrected: number; words: Array<{ word: string; count: number }> }
export interface CatalogueView { records: number; coded: number; uncoded: number; min_cell_size: number; last_run: string | null; entries: CatalogueEntry[] }
export interface CallShare { kind: string; code: string; label: string; count: number | null; share: number | null; reference: number | null }
export interface CallDocument {
  title: string; subtitle: string; language: string; level: string; context: string; objective: string; eligibility: string;
  budget: number | null; deadline: string | null;
  groups: Array<{ id: number; title: string; size: number; record_ids: string[]; categories: string[] }>;
  territories: Array<{ code: string; name: string; records: number | null }>;
  sectors: CallShare[]; publics: CallShare[];
  budget_lines: Array<{ code: string; label: string; share: number; amount: number | null }>;
  records: number; pole_records: number; min_cell_size: number;
}
export interface Call { id: number; status: string; created_at: string; updated_at: string; document: CallDocument }
export interface CallSummary { id: number; title: string; status: string; language: string; groups: number; budget: number | null; created_at: string; updated_at: string }
