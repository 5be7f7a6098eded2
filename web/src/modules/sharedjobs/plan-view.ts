// A group's plan: compose (a background job with its progress), how far from the best possible
// the plan can be, the unmet needs and why, and the billing table with its XLSX export.
import { h } from '../../app/h';
import { has, t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import type { Job as ApiJob } from '../../app/types';
import { formatDateTime, formatNumber } from '../../app/format';
import { errorAlert, selectField, inputField } from '../../components/forms';
import { details, notice, pageTitle, table } from '../../components/ui';
import { pollJob } from '../imports/poll';
import { base, groupNav, memberNames, type BillingRow, type Group, type Member, type Need, type PlanSummary, type Result, type Unmet } from './model';

interface Plan { plan: PlanSummary; result: Result }

export default async function planView(ctx: ViewContext): Promise<Node> {
  const group = await ctx.api.get<Group>(`${base(ctx)}/groups/${ctx.params.group}`, undefined, ctx.signal);
  ctx.setTitle(t('sharedjobs.plan.title_named', { name: group.name }));
  const [members, needs, plan] = await Promise.all([
    ctx.api.get<Member[]>(`${base(ctx)}/groups/${group.id}/members`, undefined, ctx.signal),
    ctx.api.get<Need[]>(`${base(ctx)}/groups/${group.id}/needs`, undefined, ctx.signal),
    group.current_plan ? ctx.api.get<Plan>(`${base(ctx)}/plans/${group.current_plan}`, undefined, ctx.signal) : Promise.resolve(null),
  ]);
  const out = h('div', { 'data-sj-plan': plan ? String(plan.plan.id) : '' });
  out.append(plan ? planSection(ctx, plan, members, needs) : notice(t('sharedjobs.plan.none')));
  return h('div', null,
    pageTitle(group.name),
    groupNav(ctx, group, ''),
    details([
      [t('sharedjobs.col.members'), formatNumber(group.members, undefined, 0)],
      [t('sharedjobs.col.needs'), formatNumber(group.needs, undefined, 0)],
      [t('sharedjobs.col.workers'), formatNumber(group.workers, undefined, 0)],
      [t('sharedjobs.field.coefficient'), formatNumber(group.coefficient)],
    ]),
    ctx.can('sharedjobs.write') ? composeForm(ctx, group) : null,
    out);
}

function composeForm(ctx: ViewContext, group: Group): HTMLElement {
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'fr-mb-4w', 'data-sj-compose': '' },
    h('h2', { class: 'fr-h4' }, t('sharedjobs.compose.title')),
    h('p', { class: 'fr-hint-text' }, t('sharedjobs.compose.hint')),
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({ name: 'engine', label: t('sharedjobs.compose.engine'), value: 'auto', options: [
        { value: 'auto', label: t('sharedjobs.engine.auto') },
        { value: 'exact', label: t('sharedjobs.engine.exact') },
        { value: 'fast', label: t('sharedjobs.engine.fast') },
      ] })),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, inputField({ name: 'time_limit', label: t('sharedjobs.compose.time_limit'), type: 'number', min: 1, max: 600, value: 30 }))),
    h('button', { class: 'fr-btn', type: 'submit' }, t('sharedjobs.compose.run')),
    status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
    const engine = (form.querySelector('[name=engine]') as HTMLSelectElement).value;
    const limit = Number((form.querySelector('[name=time_limit]') as HTMLInputElement).value) || 30;
    button.disabled = true;
    const bar = h('progress', { class: 'mai-progress', max: '100', 'aria-labelledby': 'sj-progress-label' });
    const label = h('p', { id: 'sj-progress-label', class: 'fr-mt-2w fr-mb-1w' }, t('sharedjobs.compose.queued'));
    status.replaceChildren(label, bar);
    try {
      const { job_id } = await ctx.api.post<{ job_id: string }>(`${base(ctx)}/groups/${group.id}/compose`, { engine, time_limit: limit });
      const started = Date.now();
      const job = await pollJob(() => ctx.api.get<ApiJob>(`/api/jobs/${encodeURIComponent(job_id)}`, undefined, ctx.signal), {
        signal: ctx.signal,
        interval: 300,
        onUpdate(j) {
          const elapsed = (Date.now() - started) / 1000;
          bar.value = Math.min(99, Math.round((elapsed / limit) * 100));
          label.textContent = `${stageText(j.progress?.stage ?? '')} — ${t('sharedjobs.compose.elapsed', { seconds: Math.round(elapsed) })}`;
        },
      });
      if (job.status === 'succeeded') {
        bar.value = 100;
        ctx.navigate(ctx.href(`sharedjobs/${group.id}`) + '?composed=1', { replace: true });
      } else {
        const message = (job.error as { message?: string } | null)?.message ?? '';
        status.replaceChildren(errorAlert(new Error(message)));
      }
    } catch (err) {
      if (!(err instanceof DOMException && err.name === 'AbortError')) status.replaceChildren(errorAlert(err));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** "coverage: round 3, 120 columns, LP -1234.0" → a localized stage and its details. */
export function stageText(stage: string): string {
  const [head, ...rest] = stage.split(': ');
  const key = `sharedjobs.stage.${head.replace(/ /g, '_')}`;
  const name = has(key) ? t(key) : head;
  return rest.length ? `${name} (${rest.join(': ')})` : name;
}

/** The bound in plain words: proven optimal, or at most x % from the best possible. */
export function boundText(r: Result): string {
  if (r.bounds.proven_optimal) return t('sharedjobs.plan.proven');
  const pct = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(r.bounds.gap * 100);
  return t('sharedjobs.plan.gap', { percent: pct });
}

function planSection(ctx: ViewContext, plan: Plan, members: Member[], needs: Need[]): HTMLElement {
  const r = plan.result;
  const names = memberNames(members);
  const needLabel = new Map(needs.map((n) => [`n${n.id}`, n.label]));
  const atTarget = r.jobs.filter((j) => j.weeks.some((w) => w.hours >= j.target_hours)).length;
  return h('section', null,
    h('h2', { class: 'fr-h4' }, t('sharedjobs.plan.current', { date: formatDateTime(plan.plan.created_at) })),
    h('div', { class: `fr-callout ${r.bounds.proven_optimal ? 'fr-callout--green-emeraude' : ''}`, 'data-sj-bound': '' },
      h('p', { class: 'fr-callout__title' }, boundText(r)),
      h('p', { class: 'fr-callout__text' }, t('sharedjobs.plan.summary', {
        jobs: r.jobs.length, target: atTarget, unmet: r.unmet.length,
        hours: formatNumber(r.objective.covered_hours, undefined, 0),
      }))),
    h('p', null, h('a', { href: ctx.href(`sharedjobs/${plan.plan.group_id}/timetables`) }, t('sharedjobs.plan.see_timetables'))),
    unmetTable(r.unmet, names, needLabel),
    billingTable(ctx, plan.plan.id, r.billing, names));
}

function unmetTable(unmet: Unmet[], names: Map<string, string>, needs: Map<string, string>): HTMLElement {
  if (!unmet.length) return notice(t('sharedjobs.plan.all_met'), 'success');
  return h('div', { 'data-sj-unmet': '' }, table(t('sharedjobs.unmet.caption'), [
    { header: t('sharedjobs.col.need'), cell: (u: Unmet) => needs.get(u.need) ?? u.need },
    { header: t('sharedjobs.col.member'), cell: (u: Unmet) => names.get(u.member) ?? u.member },
    { header: t('sharedjobs.col.hours'), cell: (u: Unmet) => formatNumber(u.unmet_hours, undefined, 2), numeric: true },
    { header: t('sharedjobs.col.reason'), cell: (u: Unmet) => t(`sharedjobs.reason.${u.reason}`) },
    { header: t('sharedjobs.col.details'), cell: (u: Unmet) => u.detail },
  ], unmet));
}

function billingTable(ctx: ViewContext, planId: number, rows: BillingRow[], names: Map<string, string>): HTMLElement {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const members = [...new Set(rows.map((r) => r.member))];
  const amount = (m: string, month: string) => rows.find((r) => r.member === m && r.month === month)?.amount ?? 0;
  const money = (v: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(v);
  const total = (m: string) => rows.filter((r) => r.member === m).reduce((a, r) => a + r.amount, 0);
  const hours = (m: string) => rows.filter((r) => r.member === m).reduce((a, r) => a + r.planned_hours, 0);
  return h('section', { class: 'fr-mt-4w', 'data-sj-billing': '' },
    h('h2', { class: 'fr-h4' }, t('sharedjobs.billing.title')),
    h('p', { class: 'fr-hint-text' }, t('sharedjobs.billing.hint')),
    table(t('sharedjobs.billing.caption'), [
      { header: t('sharedjobs.col.member'), cell: (m: string) => names.get(m) ?? m },
      ...months.map((month) => ({ header: month, cell: (m: string) => money(amount(m, month)), numeric: true })),
      { header: t('sharedjobs.col.hours_year'), cell: (m: string) => formatNumber(hours(m), undefined, 0), numeric: true },
      { header: t('sharedjobs.col.total'), cell: (m: string) => money(total(m)), numeric: true },
    ], members),
    ctx.can('sharedjobs.read') ? h('a', {
      class: 'fr-btn fr-btn--secondary', 'data-sj-export': '',
      href: `${base(ctx)}/plans/${planId}/billing?format=xlsx`, download: 'facturation.xlsx',
    }, t('sharedjobs.billing.export')) : null);
}
