// Starting an assessment: the grid, its subject (a structure, a project, the pole, a
// démarche), the date, stage and mode, and the group — a board needs at least three people.
import { h, replace } from '../../app/h';
import { t } from '../../app/i18n';
import { loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import { ApiError } from '../../app/api';
import type { Actor, Page } from '../../app/types';
import { inputField, selectField, showFormError, textareaField } from '../../components/forms';
import { breadcrumb, pageTitle } from '../../components/ui';
import type { Assessment, Demarche, Grid } from './api';
import { base } from './api';
import { code, codes, text } from './labels';
import './evaluation.css';

export default async function newAssessmentView(ctx: ViewContext): Promise<Node> {
  const [grids, actors, demarches] = await Promise.all([
    ctx.api.get<Grid[]>(`${base(ctx)}/grids`, undefined, ctx.signal),
    ctx.api.get<Page<Actor>>(`/api/poles/${encodeURIComponent(ctx.pole.slug)}/actors`, { per_page: 200 }, ctx.signal),
    ctx.api.get<Demarche[]>(`${base(ctx)}/demarches`, undefined, ctx.signal),
    loadEnums(),
  ]);
  const usable = grids.filter((g) => g.latest);
  const wanted = ctx.query.get('grid');
  let grid = usable.find((g) => String(g.id) === wanted || g.code === wanted) ?? usable.find((g) => g.code === 'dd-appraisal') ?? usable[0];

  const subjectBox = h('div');
  const gridDetails = h('div');
  const people = h('div');
  const renderSubject = (kind: string) => {
    const options = kind === 'actor' ? actors.items.map((a) => ({ value: String(a.id), label: a.name }))
      : kind === 'demarche' ? demarches.map((d) => ({ value: String(d.id), label: d.name }))
        : kind === 'pole' ? [{ value: String(ctx.pole.id), label: ctx.pole.name }] : [];
    replace(subjectBox, kind === 'project'
      ? inputField({ name: 'subject.id', label: t('evaluation.new.project'), type: 'number', required: true, hint: t('evaluation.new.project_hint') })
      : selectField({ name: 'subject.id', label: t('evaluation.new.subject'), required: true, options, empty: t('evaluation.new.choose') }),
    kind === 'demarche' && !demarches.length ? h('p', { class: 'fr-text--sm' }, h('a', { href: ctx.href('evaluation/demarches') }, t('evaluation.new.add_demarche'))) : null);
  };
  const participantRow = (i: number) => h('div', { class: 'fr-grid-row fr-grid-row--gutters', 'data-participant': i },
    h('div', { class: 'fr-col-12 fr-col-md-5' }, inputField({ name: `participants[${i}].name`, label: t('evaluation.new.participant', { n: i + 1 }), hint: t('evaluation.new.participant_hint') })),
    h('div', { class: 'fr-col-12 fr-col-md-3' }, inputField({ name: `participants[${i}].role`, label: t('evaluation.new.role') })),
    h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({ name: `participants[${i}].actor_id`, label: t('evaluation.new.organisation'), options: actors.items.map((a) => ({ value: String(a.id), label: a.name })), empty: '—' })));
  const renderGrid = () => {
    replace(gridDetails,
      selectField({ name: 'stage', label: t('evaluation.col.stage'), required: true, options: codes('evaluation_stage').map((v) => ({ value: v.code, label: text(v.label) })), value: 'implementation' }),
      selectField({ name: 'mode', label: t('evaluation.col.mode'), required: true, value: grid.modes[0], options: grid.modes.map((m) => ({ value: m, label: code('evaluation_mode', m) })) }));
    const rows = Math.max(grid.min_participants, grid.tool === 'board' ? 3 : 0);
    replace(people,
      h('h2', { class: 'fr-h5' }, t('evaluation.new.group')),
      grid.min_participants > 0 ? h('p', { class: 'fr-text--sm' }, t('evaluation.new.group_rule', { count: grid.min_participants })) : h('p', { class: 'fr-text--sm' }, t('evaluation.new.group_optional')),
      h('div', { 'data-field': 'participants' }, Array.from({ length: rows || 1 }, (_, i) => participantRow(i))),
      h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary fr-btn--sm fr-icon-add-line fr-btn--icon-left', onclick: (e: Event) => {
        const list = people.querySelector('[data-field=participants]')!;
        list.append(participantRow(list.children.length));
        (e.currentTarget as HTMLElement).blur();
      } }, t('evaluation.new.add_participant')));
  };

  const form = h('form', { novalidate: true },
    selectField({ name: 'grid_id', label: t('evaluation.col.grid'), required: true, value: String(grid?.id ?? ''),
      options: usable.map((g) => ({ value: String(g.id), label: `${text(g.title)}${g.shipped ? '' : ` (${t('evaluation.grids.pole_copy')})`}` })) }),
    selectField({ name: 'subject.kind', label: t('evaluation.new.subject_kind'), required: true, value: 'demarche', options: codes('evaluation_subject').map((v) => ({ value: v.code, label: text(v.label) })) }),
    subjectBox,
    inputField({ name: 'title', label: t('evaluation.col.title'), hint: t('evaluation.new.title_hint') }),
    inputField({ name: 'held_on', label: t('evaluation.col.date'), type: 'date', required: true, value: new Date().toISOString().slice(0, 10) }),
    gridDetails,
    textareaField({ name: 'notes', label: t('evaluation.new.notes'), rows: 2 }),
    people,
    h('button', { class: 'fr-btn fr-mt-3w', type: 'submit' }, t('evaluation.new.submit')));
  const value = (name: string) => (form.querySelector(`[name="${CSS.escape(name)}"]`) as HTMLInputElement | null)?.value ?? '';
  form.querySelector('[name=grid_id]')!.addEventListener('change', () => {
    grid = usable.find((g) => String(g.id) === value('grid_id'))!;
    renderGrid();
  });
  form.querySelector('[name="subject.kind"]')!.addEventListener('change', () => renderSubject(value('subject.kind')));
  renderSubject('demarche');
  renderGrid();
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const participants = Array.from(form.querySelectorAll<HTMLElement>('[data-participant]')).map((row) => {
      const i = row.dataset.participant;
      const actor = value(`participants[${i}].actor_id`);
      return { name: value(`participants[${i}].name`).trim(), role: value(`participants[${i}].role`) || undefined, actor_id: actor ? Number(actor) : undefined };
    }).filter((p) => p.name);
    const body = {
      grid_id: Number(value('grid_id')),
      subject: { kind: value('subject.kind'), id: Number(value('subject.id')) || 0 },
      title: value('title'), held_on: value('held_on'), stage: value('stage'), mode: value('mode'),
      notes: value('notes') || undefined, participants,
    };
    try {
      const a = await ctx.api.post<Assessment>(`${base(ctx)}/assessments`, body);
      ctx.navigate(ctx.href(`evaluation/assessments/${a.id}${a.grid.tool === 'board' ? '/live' : ''}`));
    } catch (err) {
      // The group rule in the user's language: the server's reason is in English.
      const tooFew = err instanceof ApiError && err.field === 'participants' && participants.length < grid.min_participants;
      showFormError(form, tooFew ? new ApiError(err.status, err.code, t('evaluation.new.group_too_small', { count: grid.min_participants, given: participants.length }), err.field) : err);
    }
  });
  return h('div', null,
    breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') }, { label: t('evaluation.new.title') }]),
    pageTitle(t('evaluation.new.title')),
    form);
}
