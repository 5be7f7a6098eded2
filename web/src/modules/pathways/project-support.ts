// The support sections of a project's page: actions (coaching, mentoring sessions, experts,
// training, hotline), pairings, follow-up visits, test contracts, declared jobs and the
// promoter group (personal data: shown on request, each read logged by the server).
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { errorAlert, fieldset, formValues, inputField, selectField, showFormError, textareaField } from '../../components/forms';
import { table } from '../../components/ui';
import { apiBase, date, label, today, values } from './common';
import type { Mentorship, ProjectDetail, Promoter, SupportAction, TestContract, Visit } from './types';

type Refresh = (section: string) => void;

function section(id: string, title: string, ...children: Array<Node | null | false>): HTMLElement {
  return h('section', { class: 'fr-mb-4w', 'aria-labelledby': id },
    h('h2', { class: 'fr-h4', id, tabindex: '-1' }, title), ...children);
}

/** A small add form that posts its values and refreshes the page at its section. */
function addForm(legend: string, submit: string, fields: Node[], send: (v: Record<string, string | boolean>) => Promise<unknown>, refresh: () => void): HTMLElement {
  const form = h('form', { novalidate: true, class: 'fr-mt-2w' }, fieldset(legend, ...fields),
    h('button', { class: 'fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left', type: 'submit' }, submit));
  const box = h('details', { class: 'mai-add' }, h('summary', null, legend), form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await send(formValues(form));
      refresh();
    } catch (err) {
      showFormError(form, err);
    }
  });
  return box;
}

const opt = (v: string | boolean | undefined) => (typeof v === 'string' && v.trim() ? v.trim() : null);

function actionsSection(ctx: ViewContext, d: ProjectDetail, refresh: Refresh): HTMLElement {
  const base = `${apiBase(ctx)}/projects/${d.project.id}`;
  const active = d.mentorships.filter((m) => m.status === 'active');
  return section('actions-title', t('pathways.actions.heading'),
    h('p', null, t('pathways.actions.coaching_time', { hours: (d.coaching_minutes / 60).toFixed(1) })),
    d.actions.length ? table(t('pathways.actions.caption'), [
      { header: t('pathways.actions.date'), cell: (a: SupportAction) => date(a.on_date) },
      { header: t('pathways.actions.kind'), cell: (a) => label('pathway_support_kind', a.kind) },
      { header: t('pathways.actions.subject'), cell: (a) => label('pathway_subject', a.subject) },
      { header: t('pathways.actions.need'), cell: (a) => a.need ?? '' },
      { header: t('pathways.actions.outcome'), cell: (a) => a.outcome ?? '' },
      { header: t('pathways.actions.minutes'), cell: (a) => (a.minutes ? String(a.minutes) : ''), numeric: true },
      { header: t('pathways.actions.who'), cell: (a) => [a.mentor_name, a.funder_actor_name ?? a.funder_name].filter(Boolean).join(' — ') },
    ], d.actions, { hideCaption: true }) : h('p', null, t('pathways.actions.none')),
    ctx.can('pathways.write') ? addForm(t('pathways.actions.add'), t('pathways.actions.save'), [
      selectField({ name: 'kind', label: t('pathways.actions.kind'), required: true, value: 'coaching', options: values('pathway_support_kind').map((v) => ({ value: v.value, label: v.label })) }),
      inputField({ name: 'on_date', label: t('pathways.actions.date'), type: 'date', required: true, value: today() }),
      inputField({ name: 'minutes', label: t('pathways.actions.minutes'), type: 'number', min: 1 }),
      selectField({ name: 'subject', label: t('pathways.actions.subject'), empty: '—', options: values('pathway_subject').filter((v) => v.parent).map((v) => ({ value: v.value, label: v.label, group: label('pathway_subject', v.parent) })) }),
      textareaField({ name: 'need', label: t('pathways.actions.need'), rows: 2 }),
      textareaField({ name: 'outcome', label: t('pathways.actions.outcome'), rows: 2 }),
      selectField({ name: 'mentorship_id', label: t('pathways.actions.mentorship'), empty: '—', options: active.map((m) => ({ value: String(m.id), label: m.partner_name ?? `#${m.id}` })) }),
      inputField({ name: 'funder_name', label: t('pathways.actions.funder'), hint: t('pathways.actions.funder_hint') }),
    ], (v) => ctx.api.post(`${base}/actions`, {
      kind: v.kind, on_date: v.on_date, minutes: opt(v.minutes) ? Number(v.minutes) : null, subject: opt(v.subject),
      need: opt(v.need), outcome: opt(v.outcome), mentorship_id: opt(v.mentorship_id) ? Number(v.mentorship_id) : null, funder_name: opt(v.funder_name),
    }), () => refresh('actions-title')) : null);
}

function mentorshipsSection(ctx: ViewContext, d: ProjectDetail, refresh: Refresh): HTMLElement {
  const endButton = (m: Mentorship) => {
    if (m.status !== 'active' || !ctx.can('pathways.manage')) return '';
    const b = h('button', { class: 'fr-btn fr-btn--sm fr-btn--tertiary', type: 'button' }, t('pathways.mentorships.end'), h('span', { class: 'fr-sr-only' }, ` ${m.partner_name ?? ''}`));
    b.addEventListener('click', async () => {
      try {
        await ctx.api.put(`${apiBase(ctx)}/mentorships/${m.id}`, { status: 'ended', ended_on: today() });
        refresh('mentorships-title');
      } catch (err) {
        b.after(errorAlert(err));
      }
    });
    return b;
  };
  return section('mentorships-title', t('pathways.mentorships.heading'),
    d.mentorships.length ? table(t('pathways.mentorships.caption'), [
      { header: t('pathways.mentorships.kind'), cell: (m: Mentorship) => label('pathway_mentorship_kind', m.kind) },
      { header: t('pathways.mentorships.partner'), cell: (m) => m.partner_name ?? '' },
      { header: t('pathways.mentorships.objectives'), cell: (m) => m.objectives.join(' ; ') },
      { header: t('pathways.mentorships.period'), cell: (m) => `${date(m.started_on)}${m.ended_on ? ` → ${date(m.ended_on)}` : ''}` },
      { header: t('pathways.mentorships.sessions'), cell: (m) => String(m.sessions), numeric: true },
      { header: t('pathways.mentorships.actions'), cell: endButton },
    ], d.mentorships, { hideCaption: true }) : h('p', null, t('pathways.mentorships.none')),
    h('div', { class: 'mai-actions' },
      ['mentoring', 'expert', 'tutoring'].map((kind) => h('a', { class: 'fr-btn fr-btn--secondary fr-icon-search-line fr-btn--icon-left', href: ctx.href(`pathways/projects/${d.project.id}/routing?kind=${kind}`) }, t(`pathways.mentorships.find_${kind}`)))));
}

function visitsSection(ctx: ViewContext, d: ProjectDetail, refresh: Refresh): HTMLElement {
  const now = today();
  const doneButton = (v: Visit) => {
    if (v.done_on || !ctx.can('pathways.write') || v.due_on > now) return '';
    const b = h('button', { class: 'fr-btn fr-btn--sm fr-btn--secondary', type: 'button' }, t('pathways.visits.mark_done'), h('span', { class: 'fr-sr-only' }, ` ${date(v.due_on)}`));
    b.addEventListener('click', async () => {
      try {
        await ctx.api.put(`${apiBase(ctx)}/visits/${v.id}`, { due_on: v.due_on, done_on: now, note: v.note });
        refresh('visits-title');
      } catch (err) {
        b.after(errorAlert(err));
      }
    });
    return b;
  };
  return section('visits-title', t('pathways.visits.title'),
    d.visits.length ? table(t('pathways.visits.caption'), [
      { header: t('pathways.visits.due'), cell: (v: Visit) => h('span', { class: !v.done_on && v.due_on < now ? 'mai-late' : undefined }, date(v.due_on)) },
      { header: t('pathways.visits.state'), cell: (v) => (v.done_on ? t('pathways.visits.done_on', { date: date(v.done_on) }) : v.due_on < now ? t('pathways.visits.late') : t('pathways.visits.planned')) },
      { header: t('pathways.visits.origin'), cell: (v) => t(`pathways.visits.origin_${v.origin}`) },
      { header: t('pathways.visits.note'), cell: (v) => v.note ?? '' },
      { header: t('pathways.visits.actions'), cell: doneButton },
    ], d.visits, { hideCaption: true }) : h('p', null, t('pathways.visits.none')),
    ctx.can('pathways.write') ? addForm(t('pathways.visits.add'), t('pathways.visits.schedule'), [
      inputField({ name: 'due_on', label: t('pathways.visits.due'), type: 'date', required: true }),
      inputField({ name: 'note', label: t('pathways.visits.note') }),
    ], (v) => ctx.api.post(`${apiBase(ctx)}/projects/${d.project.id}/visits`, { due_on: v.due_on, note: opt(v.note) }), () => refresh('visits-title')) : null);
}

function contractsSection(ctx: ViewContext, d: ProjectDetail, refresh: Refresh): HTMLElement | null {
  if (!d.template.test_contract && !d.contracts.length) return null;
  const rule = d.template.test_contract;
  return section('contracts-title', t('pathways.contracts.heading'),
    rule ? h('p', { class: 'fr-text--sm' }, t('pathways.contracts.rule', { min: rule.min_months, max: rule.max_months, followup: rule.followup_months })) : null,
    d.contracts.length ? table(t('pathways.contracts.caption'), [
      { header: t('pathways.contracts.kind'), cell: (k: TestContract) => label('pathway_test_contract_kind', k.kind) },
      { header: t('pathways.contracts.host'), cell: (k) => k.host_name ?? '' },
      { header: t('pathways.contracts.period'), cell: (k) => `${date(k.start_on)} → ${date(k.end_on)}` },
      { header: t('pathways.contracts.exit'), cell: (k) => date(k.ended_on) },
      { header: t('pathways.contracts.followup'), cell: (k) => date(k.followup_end_on) },
    ], d.contracts, { hideCaption: true }) : h('p', null, t('pathways.contracts.none')),
    ctx.can('pathways.write') ? addForm(t('pathways.contracts.add'), t('pathways.contracts.save'), [
      selectField({ name: 'kind', label: t('pathways.contracts.kind'), value: 'cape', options: values('pathway_test_contract_kind').map((v) => ({ value: v.value, label: v.label })) }),
      inputField({ name: 'start_on', label: t('pathways.contracts.start'), type: 'date', required: true }),
      inputField({ name: 'end_on', label: t('pathways.contracts.end'), type: 'date', required: true }),
    ], (v) => ctx.api.post(`${apiBase(ctx)}/projects/${d.project.id}/test-contracts`, { kind: v.kind, start_on: v.start_on, end_on: v.end_on }), () => refresh('contracts-title')) : null);
}

function jobsSection(ctx: ViewContext, d: ProjectDetail, refresh: Refresh): HTMLElement {
  return section('jobs-title', t('pathways.jobs.heading'),
    d.jobs.length ? table(t('pathways.jobs.caption'), [
      { header: t('pathways.jobs.year'), cell: (j: ProjectDetail['jobs'][number]) => String(j.year) },
      { header: t('pathways.jobs.jobs'), cell: (j) => String(j.jobs), numeric: true },
      { header: t('pathways.jobs.fte'), cell: (j) => (j.fte === null ? '' : j.fte.toLocaleString()), numeric: true },
    ], d.jobs, { hideCaption: true }) : h('p', null, t('pathways.jobs.none')),
    ctx.can('pathways.write') ? addForm(t('pathways.jobs.add'), t('pathways.jobs.save'), [
      inputField({ name: 'year', label: t('pathways.jobs.year'), type: 'number', required: true, value: new Date().getFullYear() - 1 }),
      inputField({ name: 'jobs', label: t('pathways.jobs.jobs'), type: 'number', required: true, min: 0 }),
      inputField({ name: 'fte', label: t('pathways.jobs.fte'), type: 'number', min: 0, step: '0.1' }),
    ], (v) => ctx.api.put(`${apiBase(ctx)}/projects/${d.project.id}/jobs/${encodeURIComponent(String(v.year))}`, { jobs: Number(v.jobs), fte: opt(v.fte) ? Number(v.fte) : null }), () => refresh('jobs-title')) : null);
}

function promotersSection(ctx: ViewContext, d: ProjectDetail, refresh: Refresh): HTMLElement {
  const box = h('div');
  const show = h('button', { class: 'fr-btn fr-btn--secondary', type: 'button', id: 'show-promoters' }, t('pathways.promoters.show'));
  show.addEventListener('click', async () => {
    try {
      const list = await ctx.api.get<Promoter[]>(`${apiBase(ctx)}/projects/${d.project.id}/promoters`);
      box.replaceChildren(list.length ? table(t('pathways.promoters.caption'), [
        { header: t('pathways.promoters.alias'), cell: (p: Promoter) => `${p.alias}${p.pseudonymous ? ` (${t('pathways.promoters.pseudonym')})` : ''}` },
        { header: t('pathways.promoters.role'), cell: (p) => p.role ?? '' },
        { header: t('pathways.promoters.under_30'), cell: (p) => (p.under_30 === null ? '' : p.under_30 ? t('pathways.yes') : t('pathways.no')) },
        { header: t('pathways.promoters.contact'), cell: (p) => p.contact ?? '' },
      ], list, { hideCaption: true }) : h('p', null, t('pathways.promoters.none')));
    } catch (err) {
      box.replaceChildren(errorAlert(err));
    }
  });
  return section('promoters-title', t('pathways.promoters.heading'),
    h('p', null, t('pathways.promoters.count', { count: d.project.promoter_count })),
    h('p', { class: 'fr-text--sm' }, t('pathways.promoters.privacy')),
    ctx.can('pathways.promoters.read') ? show : null, box,
    ctx.can('pathways.write') ? addForm(t('pathways.promoters.add'), t('pathways.promoters.save'), [
      inputField({ name: 'alias', label: t('pathways.promoters.alias'), required: true, hint: t('pathways.promoters.alias_hint') }),
      h('div', { class: 'fr-checkbox-group' }, h('input', { type: 'checkbox', id: 'f-pseudo', name: 'pseudonymous', checked: true }), h('label', { class: 'fr-label', for: 'f-pseudo' }, t('pathways.promoters.pseudonym'))),
      inputField({ name: 'role', label: t('pathways.promoters.role') }),
      h('div', { class: 'fr-checkbox-group' }, h('input', { type: 'checkbox', id: 'f-under30', name: 'under_30' }), h('label', { class: 'fr-label', for: 'f-under30' }, t('pathways.promoters.under_30'))),
    ], (v) => ctx.api.post(`${apiBase(ctx)}/projects/${d.project.id}/promoters`, { alias: v.alias, pseudonymous: v.pseudonymous === true, role: opt(v.role), under_30: v.under_30 === true }), () => refresh('promoters-title')) : null);
}

export function supportSections(ctx: ViewContext, d: ProjectDetail, refresh: Refresh): Array<HTMLElement | null> {
  return [
    actionsSection(ctx, d, refresh),
    mentorshipsSection(ctx, d, refresh),
    visitsSection(ctx, d, refresh),
    contractsSection(ctx, d, refresh),
    jobsSection(ctx, d, refresh),
    promotersSection(ctx, d, refresh),
  ];
}
