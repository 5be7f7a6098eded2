// The portfolio dashboard: projects by stage and by model, time spent in each stage,
// projects per year, survival at 1, 3 and 5 years, jobs, and the overdue follow-ups.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatNumber, formatPercent } from '../../app/format';
import { enumValues, loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import type { EnumerationName } from '../../app/types';
import { pageTitle, table } from '../../components/ui';
import { groupedBars, stackedBars } from './charts';
import { apiBase, date, label, tabs, text } from './common';
import type { Alert, Dashboard } from './types';

function legend(items: Array<[string, string]>): HTMLElement {
  return h('ul', { class: 'mai-legend' }, items.map(([cls, name]) => h('li', null, h('span', { 'aria-hidden': 'true', class: `mai-swatch ${cls}` }), name)));
}

/** Average days of the finished stays in a stage, all models together (weighted by stays). */
function averageDays(d: Dashboard, stage: string): number {
  const rows = d.time_in_stage.filter((r) => r.stage === stage && r.finished > 0);
  const stays = rows.reduce((n, r) => n + r.finished, 0);
  return stays ? Math.round(rows.reduce((n, r) => n + r.finished * r.finished_average_days, 0) / stays) : 0;
}

function figure(value: number | string, text: string): HTMLElement {
  return h('div', { class: 'mai-figure' }, h('p', { class: 'mai-figure__value' }, typeof value === 'number' ? formatNumber(value) : value), h('p', { class: 'mai-figure__label' }, text));
}

export default async function dashboardView(ctx: ViewContext): Promise<Node> {
  await loadEnums();
  const d = await ctx.api.get<Dashboard>(`${apiBase(ctx)}/dashboard`, undefined, ctx.signal);
  const stages = enumValues('pathway_stage' as EnumerationName).map((v) => v.code);
  const byStage = new Map(d.by_stage.map((r) => [r.stage, r]));
  const count = (stage: string, status: string) => Number(byStage.get(stage)?.[status] ?? 0);
  const created = d.years.reduce((n, y) => n + y.created, 0);
  // Plain sections (not named regions): their tables are already named regions.
  const section = (id: string, title: string, ...children: Array<Node | null>) =>
    h('section', { class: 'fr-mb-4w', 'data-section': id }, h('h2', { class: 'fr-h4', id }, title), ...children);
  const pct = (rate: number | null) => (rate === null ? '—' : formatPercent(rate));
  return h('div', null,
    pageTitle(t('pathways.dashboard.title')),
    tabs(ctx, 'dashboard'),
    h('p', null, t('pathways.dashboard.as_of', { date: date(d.as_of) })),
    h('div', { class: 'mai-figures' },
      figure(d.totals.projects, t('pathways.dashboard.projects', { count: d.totals.projects })),
      figure(d.totals.by_status.active ?? 0, t('pathways.dashboard.active')),
      figure(created, t('pathways.dashboard.created', { count: created })),
      figure(d.alerts.projects_with_overdue, t('pathways.dashboard.overdue_projects', { count: d.alerts.projects_with_overdue }))),
    section('by-stage', t('pathways.dashboard.by_stage'),
      stackedBars(t('pathways.dashboard.by_stage'), t('pathways.dashboard.by_stage_desc'), stages.map((st) => ({
        label: label('pathway_stage', st),
        segments: [{ cls: 'active', name: t('pathways.status.active'), value: count(st, 'active') }, { cls: 'paused', name: t('pathways.status.paused'), value: count(st, 'paused') }],
      }))),
      legend([['mai-legend--started', t('pathways.status.active')], ['mai-legend--paused', t('pathways.status.paused')]]),
      table(t('pathways.dashboard.by_model'), [
        { header: t('pathways.field.model'), cell: (m: Dashboard['by_model'][number]) => label('pathway_model', m.model) },
        ...stages.map((st) => ({ header: label('pathway_stage', st), cell: (m: Dashboard['by_model'][number]) => String(m.stages[st] ?? ''), numeric: true })),
        { header: t('pathways.dashboard.total'), cell: (m) => String(m.total), numeric: true },
      ], d.by_model)),
    section('times', t('pathways.dashboard.time_in_stage'),
      stackedBars(t('pathways.dashboard.time_in_stage'), t('pathways.dashboard.time_desc'), stages.map((st) => ({
        label: label('pathway_stage', st),
        segments: [{ cls: 'active', name: t('pathways.dashboard.finished_days'), value: averageDays(d, st) }],
      }))),
      h('p', { class: 'fr-text--sm' }, t('pathways.dashboard.time_desc')),
      h('details', { class: 'mai-add' }, h('summary', null, t('pathways.dashboard.time_by_model')),
        table(t('pathways.dashboard.time_caption'), [
          { header: t('pathways.field.model'), cell: (r: Dashboard['time_in_stage'][number]) => label('pathway_model', r.model) },
          { header: t('pathways.dashboard.stage'), cell: (r) => label('pathway_stage', r.stage) },
          { header: t('pathways.dashboard.finished'), cell: (r) => String(r.finished), numeric: true },
          { header: t('pathways.dashboard.finished_days'), cell: (r) => (r.finished ? formatNumber(r.finished_average_days, undefined, 1) : '—'), numeric: true },
          { header: t('pathways.dashboard.current'), cell: (r) => String(r.current), numeric: true },
          { header: t('pathways.dashboard.current_days'), cell: (r) => (r.current ? formatNumber(r.current_average_days, undefined, 1) : '—'), numeric: true },
        ], d.time_in_stage.filter((r) => r.stage)))),
    section('years', t('pathways.dashboard.per_year'),
      groupedBars(t('pathways.dashboard.per_year'), t('pathways.dashboard.per_year_desc'), d.years.map((y) => ({
        label: String(y.year),
        values: [
          { cls: 'started', name: t('pathways.dashboard.started'), value: y.started },
          { cls: 'created', name: t('pathways.dashboard.created_col'), value: y.created },
          { cls: 'ceased', name: t('pathways.dashboard.ceased'), value: y.ceased },
        ],
      }))),
      legend([['mai-legend--started', t('pathways.dashboard.started')], ['mai-legend--created', t('pathways.dashboard.created_col')], ['mai-legend--ceased', t('pathways.dashboard.ceased')]]),
      table(t('pathways.dashboard.per_year'), [
        { header: t('pathways.dashboard.year'), cell: (y: Dashboard['years'][number]) => String(y.year) },
        { header: t('pathways.dashboard.started'), cell: (y) => String(y.started), numeric: true },
        { header: t('pathways.dashboard.created_col'), cell: (y) => String(y.created), numeric: true },
        { header: t('pathways.dashboard.ceased'), cell: (y) => String(y.ceased), numeric: true },
        { header: t('pathways.dashboard.abandoned'), cell: (y) => String(y.abandoned), numeric: true },
      ], d.years, { hideCaption: true })),
    section('survival', t('pathways.dashboard.survival'),
      h('p', { class: 'fr-text--sm' }, t('pathways.dashboard.survival_rule')),
      table(t('pathways.dashboard.survival'), [
        { header: t('pathways.dashboard.cohort'), cell: (c: Dashboard['survival'][number]) => String(c.year) },
        { header: t('pathways.dashboard.created_col'), cell: (c) => String(c.created), numeric: true },
        ...[0, 1, 2].map((k) => ({
          header: t('pathways.dashboard.survival_at', { years: [1, 3, 5][k] }),
          cell: (c: Dashboard['survival'][number]) => (c.horizons[k].eligible ? `${pct(c.horizons[k].rate)} (${c.horizons[k].survived}/${c.horizons[k].eligible})` : '—'),
          numeric: true,
        })),
      ], d.survival, { hideCaption: true })),
    section('jobs', t('pathways.dashboard.jobs'),
      d.jobs.length ? table(t('pathways.dashboard.jobs'), [
        { header: t('pathways.dashboard.year'), cell: (j: Dashboard['jobs'][number]) => String(j.year) },
        { header: t('pathways.dashboard.declaring'), cell: (j) => String(j.projects), numeric: true },
        { header: t('pathways.jobs.jobs'), cell: (j) => String(j.jobs), numeric: true },
        { header: t('pathways.jobs.fte'), cell: (j) => formatNumber(j.fte, undefined, 1), numeric: true },
      ], d.jobs, { hideCaption: true }) : h('p', null, t('pathways.jobs.none'))),
    section('alerts', t('pathways.dashboard.alerts'),
      d.alerts.items.length ? table(t('pathways.dashboard.alerts'), [
        { header: t('pathways.dashboard.due'), cell: (a: Alert) => date(a.due_on) },
        { header: t('pathways.dashboard.project'), cell: (a) => h('a', { href: ctx.href(`pathways/projects/${a.project_id}`) }, a.project_title) },
        { header: t('pathways.dashboard.alert'), cell: (a) => h('span', { class: a.overdue ? 'mai-late' : 'mai-soon' }, t(`pathways.alert.${a.kind}`, { date: date(a.due_on), days: a.days, step: a.step_label ? text(a.step_label) : a.step ?? '' })) },
      ], d.alerts.items, { hideCaption: true }) : h('p', null, t('pathways.dashboard.no_alerts'))));
}
