// A project's page: where it comes from, its timeline (planned against lived), the current
// step with its deliverables and the moves the template allows, then the support around it.
import { h, replace } from '../../app/h';
import { t } from '../../app/i18n';
import { loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import { errorAlert, inputField, showFormError } from '../../components/forms';
import { breadcrumb, details, notice, pageTitle, table, tag } from '../../components/ui';
import { apiBase, date, keyed, label, statusTag, stepLabel, text, today } from './common';
import { supportSections } from './project-support';
import { timeline } from './timeline';
import type { Move, ProjectDetail } from './types';

function originLine(ctx: ViewContext, d: ProjectDetail): Node | string {
  const o = d.project.origin;
  const kind = label('pathway_origin', o.kind);
  if (o.ref && (o.kind === 'need_group' || o.kind === 'call')) {
    const path = o.kind === 'need_group' ? `needs/groups/${o.ref}` : `needs/calls/${o.ref}`;
    return h('span', null, `${kind} : `, h('a', { href: ctx.href(path) }, o.title ?? `#${o.ref}`));
  }
  return [kind, o.actor_name, o.note].filter(Boolean).join(' — ');
}

function alertsBox(d: ProjectDetail): HTMLElement | null {
  if (!d.alerts.length) return null;
  return h('div', { class: `fr-alert fr-alert--${d.alerts.some((a) => a.overdue) ? 'error' : 'warning'} fr-alert--sm fr-mb-3w`, role: 'status' },
    h('ul', null, d.alerts.map((a) => h('li', null, t(`pathways.alert.${a.kind}`, { date: date(a.due_on), days: a.days, step: stepLabel(d.template, a.step ?? '') })))));
}

function planTable(d: ProjectDetail): HTMLElement {
  const lived = (step: string) => d.stays.filter((s) => s.step === step);
  return table(t('pathways.timeline.table'), [
    { header: t('pathways.timeline.step'), cell: (p: ProjectDetail['plan'][number]) => stepLabel(d.template, p.step) },
    { header: t('pathways.timeline.planned'), cell: (p) => `${date(p.start)} → ${date(p.end)}` },
    { header: t('pathways.timeline.lived'), cell: (p) => lived(p.step).map((s) => `${date(s.start)} → ${s.end ? date(s.end) : t('pathways.timeline.now')} (${t('pathways.timeline.days', { count: s.days })})`).join(' ; ') },
  ], d.plan);
}

export default async function projectView(ctx: ViewContext): Promise<Node> {
  await loadEnums();
  const base = apiBase(ctx);
  const root = h('div');
  // Refreshes can overlap (two deliverables ticked quickly): only the latest one is drawn.
  let generation = 0;
  const render = async (focus?: string) => {
    const mine = ++generation;
    const d = await ctx.api.get<ProjectDetail>(`${base}/projects/${encodeURIComponent(ctx.params.id)}`, undefined, ctx.signal);
    if (mine !== generation) return;
    ctx.setTitle(d.project.title);
    const refresh = (section: string) => render(section).catch((err) => root.prepend(errorAlert(err)));
    replace(root,
      breadcrumb([{ label: t('pathways.kanban.title'), href: ctx.href('pathways') }, { label: d.project.title }]),
      pageTitle(d.project.title),
      h('div', { class: 'fr-tags-group fr-mb-2w' },
        tag(label('pathway_model', d.project.template.model)),
        tag(label('pathway_stage', d.project.stage)),
        d.project.legal_form ? tag(label('pathway_legal_form', d.project.legal_form)) : null),
      h('p', null, statusTag(d.project.status)),
      d.project.summary ? h('p', { class: 'fr-text--lead' }, d.project.summary) : null,
      alertsBox(d),
      details([
        [t('pathways.field.origin_kind'), originLine(ctx, d)],
        [t('pathways.field.template'), `${text(d.template.label)} (v${d.template.version})`],
        [t('pathways.field.commune'), d.project.commune_name ?? d.project.commune ?? ''],
        [t('pathways.field.naf'), d.project.naf ? `${d.project.naf} (${t('pathways.project.section', { section: d.project.sector ?? '?' })})` : ''],
        [t('pathways.field.started_on'), date(d.project.started_on)],
        [t('pathways.field.created_on'), date(d.project.created_on)],
        [t('pathways.field.ceased_on'), date(d.project.ceased_on)],
        [t('pathways.project.actor'), d.project.actor_id ? h('a', { href: ctx.href(`actors/${d.project.actor_id}`) }, d.project.actor_name ?? `#${d.project.actor_id}`) : ''],
      ]),
      h('section', { class: 'fr-mb-4w', 'aria-labelledby': 'timeline-title' },
        h('h2', { class: 'fr-h4', id: 'timeline-title', tabindex: '-1' }, t('pathways.timeline.heading')),
        timeline(d, today()),
        h('ul', { class: 'mai-legend', 'aria-hidden': 'true' },
          ['coaching', 'mentoring', 'expert', 'training', 'hotline'].map((k) => h('li', null, h('span', { 'aria-hidden': 'true', class: `mai-swatch mai-swatch--${k}` }), label('pathway_support_kind', k))),
          h('li', null, h('span', { 'aria-hidden': 'true', class: 'mai-swatch mai-swatch--visit' }), t('pathways.visits.title'))),
        planTable(d)),
      currentStep(ctx, d, refresh),
      ...supportSections(ctx, d, refresh),
      logSection(d));
    if (focus) root.querySelector<HTMLElement>(`#${focus}`)?.focus();
  };
  await render();
  return root;
}

function currentStep(ctx: ViewContext, d: ProjectDetail, refresh: (section: string) => void): HTMLElement {
  const base = `${apiBase(ctx)}/projects/${d.project.id}`;
  const step = d.template.steps.find((s) => s.code === d.project.step);
  const done = new Map(d.deliverables.filter((r) => r.step === d.project.step).map((r) => [r.code, r]));
  const writable = ctx.can('pathways.write') && (d.project.status === 'active' || d.project.status === 'paused');
  const list = h('ul', { class: 'mai-deliverables' }, (step?.deliverables ?? []).map((del) => {
    const id = `deliv-${del.code}`;
    const record = done.get(del.code);
    const box = h('input', { type: 'checkbox', id, checked: !!record, disabled: !writable });
    box.addEventListener('change', async () => {
      try {
        if (box.checked) await ctx.api.put(`${base}/deliverables/${encodeURIComponent(del.code)}`, {});
        else await ctx.api.del(`${base}/deliverables/${encodeURIComponent(del.code)}`);
        refresh('step-title');
      } catch (err) {
        list.before(errorAlert(err));
      }
    });
    return h('li', { class: 'fr-checkbox-group' }, box,
      h('label', { class: 'fr-label', for: id }, text(del.label),
        h('span', { class: 'fr-hint-text' }, record ? t('pathways.step.done_on', { date: date(record.done_on) }) : del.required ? t('pathways.step.required') : t('pathways.step.optional'))));
  }));
  const note = inputField({ name: 'note', label: t('pathways.step.note'), hint: t('pathways.step.note_hint') });
  const when = inputField({ name: 'on_date', label: t('pathways.step.on_date'), type: 'date', value: today() });
  const form = h('form', { novalidate: true, class: 'fr-mt-2w' });
  const button = (m: Move) => {
    const name = m.to ? t(`pathways.move.${m.action}_to`, { step: stepLabel(d.template, m.to) }) : t(`pathways.move.${m.action}`);
    const b = h('button', { class: `fr-btn ${m.action === 'advance' || m.action === 'complete' ? '' : 'fr-btn--secondary'}`, type: 'button', 'data-action': m.action, 'data-to': m.to ?? '', disabled: !m.open },
      name, m.note_required ? h('span', { class: 'fr-sr-only' }, ` (${t('pathways.step.note_needed')})`) : null);
    b.addEventListener('click', async () => {
      const noteValue = (note.querySelector('input') as HTMLInputElement).value.trim();
      const onDate = (when.querySelector('input') as HTMLInputElement).value;
      try {
        await ctx.api.post(`${base}/transitions`, { action: m.action, to: m.to, note: noteValue || null, on_date: onDate || null });
        refresh('step-title');
      } catch (err) {
        showFormError(form, err);
      }
    });
    return b;
  };
  form.append(h('div', { class: 'mai-moves' }, note, when), h('div', { class: 'mai-moves fr-mt-1w' }, d.moves.map(button)),
    ...d.moves.filter((m) => !m.open).map((m) => h('p', { class: 'fr-hint-text' },
      t('pathways.step.blocked', { move: keyed('move', m.action), missing: m.missing_deliverables.map((c) => text(step?.deliverables.find((x) => x.code === c)?.label) || c).join(', ') }))));
  return h('section', { class: 'fr-mb-4w', 'aria-labelledby': 'step-title' },
    h('h2', { class: 'fr-h4', id: 'step-title', tabindex: '-1' }, t('pathways.step.heading', { step: stepLabel(d.template, d.project.step) })),
    details([
      [t('pathways.step.entered'), date(d.project.step_entered_on)],
      [t('pathways.step.deadline'), date(d.project.step_due_on)],
    ]),
    step?.deliverables.length ? h('h3', { class: 'fr-h6' }, t('pathways.step.deliverables')) : null,
    step?.deliverables.length ? list : null,
    writable && d.moves.length ? form : d.project.status === 'abandoned' || d.project.status === 'completed' ? notice(t(`pathways.step.closed_${d.project.status}`, { date: date(d.project.closed_on) })) : null);
}

function logSection(d: ProjectDetail): HTMLElement {
  return h('section', { class: 'fr-mb-4w', 'aria-labelledby': 'log-title' },
    h('h2', { class: 'fr-h4', id: 'log-title' }, t('pathways.log.heading')),
    table(t('pathways.log.caption'), [
      { header: t('pathways.log.date'), cell: (r: ProjectDetail['transitions'][number]) => date(r.on_date) },
      { header: t('pathways.log.action'), cell: (r) => keyed('move', r.action) },
      { header: t('pathways.log.from'), cell: (r) => (r.from_step ? stepLabel(d.template, r.from_step) : '') },
      { header: t('pathways.log.to'), cell: (r) => `${stepLabel(d.template, r.to_step)}${r.to_status !== 'active' ? ` (${t(`pathways.status.${r.to_status}`)})` : ''}` },
      { header: t('pathways.log.days'), cell: (r) => (r.from_step ? String(r.days_in_step) : ''), numeric: true },
      { header: t('pathways.log.who'), cell: (r) => r.user ?? '' },
      { header: t('pathways.log.note'), cell: (r) => r.note ?? '' },
    ], d.transitions, { hideCaption: true }));
}
