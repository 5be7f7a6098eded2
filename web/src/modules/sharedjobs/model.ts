// The shared-jobs API's shapes (docs/sharedjobs.md) and small helpers shared by the pages.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';

export type Day = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const DAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface Window { day: Day; start: string; end: string }

export interface Group {
  id: number; actor_id: number; name: string; kind: string; coefficient: number; default_rate: number;
  horizon_start: string; horizon_end: string; members: number; needs: number; workers: number;
  current_plan: number | null;
}
export interface Member { id: number; group_id: number; actor_id: number; name: string; commune: string | null; hourly_rate: number | null }
export interface Need {
  id: number; group_id: number; member_id: number; label: string; occupation: string; weekly_hours: number;
  windows: Window[]; commune: string; start: string | null; end: string | null; splittable: boolean; skills: string[]; agreement: string;
}
export interface Worker {
  id: number; group_id: number; name: string; skills: string[]; availability: Window[]; home_commune: string;
  target_hours: number; min_hours: number; max_travel_minutes: number; max_employers: number;
}
export interface PlanSummary {
  id: number; group_id: number; created_at: string; engine: string; seconds: number; value: number; bound: number;
  gap: number; proven_optimal: boolean; is_current: boolean; jobs: number; unmet: number;
}
export interface Assignment {
  need: string; member: string; occupation: string; commune: string; day: Day; start: string; end: string;
  period_start: string; period_end: string; travel_before_minutes: number;
}
export interface Why { need: string; home_to_site_minutes: number; eligible_workers: number; matched_skills: string[]; target_reached: boolean }
export interface Job {
  worker: string; worker_name: string; target_hours: number; employers: string[];
  weeks: Array<{ period_start: string; period_end: string; hours: number; travel_minutes: number }>;
  assignments: Assignment[]; why: Why[];
}
export interface Unmet { need: string; member: string; unmet_hours: number; reason: string; detail: string }
export interface BillingRow { member: string; month: string; planned_hours: number; rate: number; amount: number }
export interface Result {
  jobs: Job[]; unmet: Unmet[]; billing: BillingRow[];
  objective: { target_weeks: number; covered_hours: number; travel_minutes: number; employers: number };
  bounds: { value: number; bound: number; gap: number; proven_optimal: boolean; bound_is_lp_optimum: boolean; cost_proven_optimal: boolean };
  stats: { engine: string; seconds: number; columns: number; lp_rounds: number; stop_reason: string };
}

export interface LedgerRow {
  worker_id: number; member_id: number; month: string;
  planned_hours: number; realised_hours: number | null; note: string | null;
}

/** Realised minus planned; null while nothing is recorded for the month. */
export function ledgerDifference(row: LedgerRow): number | null {
  return row.realised_hours === null ? null : row.realised_hours - row.planned_hours;
}

/** Totals over the rows shown; realised counts only the months already recorded. */
export function ledgerTotals(rows: LedgerRow[]): { planned: number; realised: number; recorded: number; plannedRecorded: number } {
  let planned = 0, realised = 0, recorded = 0, plannedRecorded = 0;
  for (const r of rows) {
    planned += r.planned_hours;
    if (r.realised_hours !== null) {
      realised += r.realised_hours;
      plannedRecorded += r.planned_hours;
      ++recorded;
    }
  }
  return { planned, realised, recorded, plannedRecorded };
}

export function base(ctx: ViewContext): string {
  return `/api/poles/${encodeURIComponent(ctx.pole.slug)}/sharedjobs`;
}

/** The group's sub-navigation: plan, needs, workers, timetables, realised hours. */
export function groupNav(ctx: ViewContext, group: Group, current: string): HTMLElement {
  const items: Array<[string, string, string | null]> = [
    ['', t('sharedjobs.plan.title'), null],
    ['needs', t('sharedjobs.needs.title'), null],
    ['workers', t('sharedjobs.workers.title'), 'sharedjobs.workers.read'],
    ['timetables', t('sharedjobs.timetables.title'), null],
    ['ledger', t('sharedjobs.ledger.title'), 'sharedjobs.workers.read'],
  ];
  return h('nav', { class: 'fr-mb-3w', 'aria-label': t('sharedjobs.group_nav', { name: group.name }) },
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-sm' },
      items.filter(([, , perm]) => !perm || ctx.can(perm)).map(([path, label]) => h('li', null,
        h('a', {
          class: `fr-btn fr-btn--sm ${path === current ? '' : 'fr-btn--secondary'}`,
          href: ctx.href(`sharedjobs/${group.id}${path ? `/${path}` : ''}`),
          'aria-current': path === current ? 'page' : undefined,
        }, label)))));
}

export function minutesOf(clock: string): number {
  const [hh, mm] = clock.split(':').map(Number);
  return hh * 60 + mm;
}

export function dayLabel(day: Day): string {
  return t(`sharedjobs.day.${day}`);
}

export function windowText(w: Window): string {
  return `${dayLabel(w.day)} ${w.start}–${w.end}`;
}

/** Member names by instance id ("m12"). */
export function memberNames(members: Member[]): Map<string, string> {
  return new Map(members.map((m) => [`m${m.id}`, m.name]));
}
