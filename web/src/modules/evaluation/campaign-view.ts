// A social-utility campaign as the six steps of Fiche II-2: who asks and why, the perimeter,
// the criteria and indicators chosen collectively, the supports already in use, the data, and
// the presentation and debate. Each step is saved on its own and can be marked done.
import { h, replace, type Child } from '../../app/h';
import { t } from '../../app/i18n';
import { loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import { checkboxField, errorAlert, inputField, selectField, showFormError, textareaField } from '../../components/forms';
import { breadcrumb, notice, pageTitle, table } from '../../components/ui';
import type { Assessment, Campaign, Grid, GridItem } from './api';
import { base } from './api';
import { codes, marked, scaleOf, text } from './labels';
import { answersForm, evidencePanel, reportLinks } from './widgets';
import './evaluation.css';

const STEPS = ['demand', 'perimeter', 'criteria', 'evidence', 'collection', 'debate'] as const;
type Step = (typeof STEPS)[number];

interface Loaded {
  k: Campaign;
  grid: Grid;
  baseGrid: Grid;
  a: Assessment;
}

export default async function campaignView(ctx: ViewContext): Promise<Node> {
  await loadEnums();
  const root = h('div');
  const step: Step = (STEPS as readonly string[]).includes(ctx.query.get('step') ?? '') ? (ctx.query.get('step') as Step) : 'demand';
  const load = async () => {
    const k = await ctx.api.get<Campaign>(`${base(ctx)}/campaigns/${ctx.params.id}`, undefined, ctx.signal);
    const [grid, baseGrid, a] = await Promise.all([
      ctx.api.get<Grid>(`${base(ctx)}/grids/${k.grid_id}`, undefined, ctx.signal),
      ctx.api.get<Grid>(`${base(ctx)}/grids/${k.base_grid_id}`, undefined, ctx.signal),
      ctx.api.get<Assessment>(`${base(ctx)}/assessments/${k.assessment_id}`, undefined, ctx.signal),
    ]);
    ctx.setTitle(k.title);
    replace(root, render(ctx, { k, grid, baseGrid, a }, step, load));
  };
  await load();
  return root;
}

function render(ctx: ViewContext, d: Loaded, step: Step, reload: () => Promise<void>): Node {
  const { k } = d;
  const nav = h('nav', { 'aria-label': t('evaluation.campaign.steps') },
    h('ol', { class: 'mai-steps' }, STEPS.map((s, i) => h('li', null,
      h('a', { href: ctx.href(`evaluation/campaigns/${k.id}?step=${s}`), class: k.steps.done.includes(s) ? 'is-done' : '', 'aria-current': s === step ? 'step' : undefined },
        `${i + 1}. ${t(`evaluation.campaign.step.${s}`)}`, k.steps.done.includes(s) ? h('span', { class: 'fr-sr-only' }, ` (${t('evaluation.campaign.done')})`) : null)))));
  const nextYear = ctx.can('evaluation.write') ? h('button', { type: 'button', class: 'fr-btn fr-btn--secondary fr-btn--sm', onclick: async () => {
    try {
      const next = await ctx.api.post<Campaign>(`${base(ctx)}/campaigns/${k.id}/next-year`);
      ctx.navigate(ctx.href(`evaluation/campaigns/${next.id}`));
    } catch (err) {
      nav.before(errorAlert(err));
    }
  } }, t('evaluation.campaign.next_year', { year: k.year + 1 })) : null;
  return h('div', null,
    breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') }, { label: k.title }]),
    pageTitle(k.title),
    h('p', { class: 'fr-text--lead' }, t('evaluation.campaign.lead', { subject: k.subject.title, year: k.year })),
    k.previous_id ? h('p', null, h('a', { href: ctx.href(`evaluation/campaigns/${k.previous_id}`) }, t('evaluation.campaign.previous'))) : null,
    h('h2', { class: 'fr-h6' }, t('evaluation.campaign.report')),
    reportLinks(ctx, `/campaigns/${k.id}/report`),
    h('div', { class: 'fr-mb-3w' }, nextYear),
    nav,
    h('section', { 'aria-labelledby': 'step-title' },
      h('h2', { id: 'step-title' }, `${STEPS.indexOf(step) + 1}. ${t(`evaluation.campaign.step.${step}`)}`),
      h('p', { class: 'fr-text--sm' }, t(`evaluation.campaign.hint.${step}`)),
      stepBody(ctx, d, step, reload)));
}

/** A step's own form with a "done" box; saving sends the step's data. */
function stepForm(ctx: ViewContext, d: Loaded, step: Step, fields: Child[], read: (form: HTMLFormElement) => unknown,
  reload: () => Promise<void>): HTMLFormElement {
  const writable = d.a.status === 'open' && ctx.can('evaluation.write');
  const form = h('form', { novalidate: true },
    h('fieldset', { class: 'fr-fieldset', disabled: !writable }, h('legend', { class: 'fr-sr-only' }, t(`evaluation.campaign.step.${step}`)),
      fields.map((f) => h('div', { class: 'fr-fieldset__element' }, f)),
      h('div', { class: 'fr-fieldset__element' }, checkboxField({ name: 'done', label: t('evaluation.campaign.mark_done'), checked: d.k.steps.done.includes(step) }))),
    writable ? h('button', { class: 'fr-btn', type: 'submit' }, t('evaluation.campaign.save_step')) : null);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await ctx.api.put(`${base(ctx)}/campaigns/${d.k.id}/steps/${step}`,
        { data: read(form), done: (form.querySelector('[name=done]') as HTMLInputElement).checked });
      await reload();
    } catch (err) {
      showFormError(form, err);
    }
  });
  return form;
}

const val = (form: HTMLElement, name: string) => (form.querySelector(`[name="${CSS.escape(name)}"]`) as HTMLInputElement | null)?.value ?? '';
const options = (enumeration: string) => codes(enumeration).map((v) => ({ value: v.code, label: text(v.label) }));

/** Rows the user can add to (stakeholders, debate sessions). */
function rows(name: string, initial: number, row: (i: number) => HTMLElement, addLabel: string): HTMLElement {
  const list = h('div', { 'data-rows': name }, Array.from({ length: initial }, (_, i) => row(i)));
  return h('div', null, list, h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary fr-btn--sm fr-icon-add-line fr-btn--icon-left',
    onclick: () => list.append(row(list.children.length)) }, addLabel));
}

function stepBody(ctx: ViewContext, d: Loaded, step: Step, reload: () => Promise<void>): Node {
  const s = d.k.steps;
  switch (step) {
    case 'demand': {
      const stakeholder = (i: number) => {
        const x = s.demand.stakeholders[i];
        return h('div', { class: 'fr-grid-row fr-grid-row--gutters', 'data-row': i },
          h('div', { class: 'fr-col-12 fr-col-md-5' }, inputField({ name: `stakeholders[${i}].name`, label: t('evaluation.campaign.stakeholder', { n: i + 1 }), value: x?.name })),
          h('div', { class: 'fr-col-12 fr-col-md-3' }, selectField({ name: `stakeholders[${i}].side`, label: t('evaluation.campaign.side'), value: x?.side ?? 'internal',
            options: [{ value: 'internal', label: t('evaluation.campaign.internal') }, { value: 'external', label: t('evaluation.campaign.external') }] })),
          h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({ name: `stakeholders[${i}].participation`, label: t('evaluation.campaign.participation'), value: x?.participation, options: options('evaluation_participation'), empty: '—' })));
      };
      return stepForm(ctx, d, step, [
        inputField({ name: 'requester', label: t('evaluation.campaign.requester'), value: s.demand.requester }),
        textareaField({ name: 'motive', label: t('evaluation.campaign.motive'), value: s.demand.motive }),
        selectField({ name: 'origin', label: t('evaluation.campaign.origin'), value: s.demand.origin, options: options('evaluation_origin'), empty: '—' }),
        h('h3', { class: 'fr-h6' }, t('evaluation.campaign.stakeholders')),
        rows('stakeholders', Math.max(1, s.demand.stakeholders.length), stakeholder, t('evaluation.campaign.add_stakeholder')),
      ], (f) => ({
        requester: val(f, 'requester'), motive: val(f, 'motive'), origin: val(f, 'origin'),
        stakeholders: Array.from(f.querySelectorAll<HTMLElement>('[data-row]')).map((r) => r.dataset.row!)
          .map((i) => ({ name: val(f, `stakeholders[${i}].name`), side: val(f, `stakeholders[${i}].side`), participation: val(f, `stakeholders[${i}].participation`) }))
          .filter((x) => x.name.trim()),
      }), reload);
    }
    case 'perimeter':
      return stepForm(ctx, d, step, [
        selectField({ name: 'scope', label: t('evaluation.campaign.scope'), value: s.perimeter.scope, options: options('evaluation_perimeter'), empty: '—' }),
        selectField({ name: 'core_business', label: t('evaluation.campaign.core_business'), hint: t('evaluation.campaign.core_business_hint'),
          value: s.perimeter.core_business === null ? '' : String(s.perimeter.core_business), empty: '—',
          options: [{ value: 'true', label: t('evaluation.campaign.core_in') }, { value: 'false', label: t('evaluation.campaign.core_out') }] }),
        inputField({ name: 'territories', label: t('evaluation.campaign.territories'), value: s.perimeter.territories }),
        textareaField({ name: 'note', label: t('evaluation.campaign.note'), value: s.perimeter.note }),
      ], (f) => ({
        scope: val(f, 'scope'), territories: val(f, 'territories'), note: val(f, 'note'),
        ...(val(f, 'core_business') ? { core_business: val(f, 'core_business') === 'true' } : {}),
      }), reload);
    case 'criteria':
      return criteriaStep(ctx, d, reload);
    case 'evidence':
      return h('div', null,
        stepForm(ctx, d, step, [textareaField({ name: 'note', label: t('evaluation.campaign.note'), value: s.evidence.note })], (f) => ({ note: val(f, 'note') }), reload),
        h('h3', { class: 'fr-mt-3w' }, t('evaluation.evidence.title')),
        evidencePanel(ctx, d.grid, d.a, () => void reload()));
    case 'collection':
      return h('div', null,
        stepForm(ctx, d, step, [
          textareaField({ name: 'procedure', label: t('evaluation.campaign.procedure'), value: s.collection.procedure }),
          textareaField({ name: 'note', label: t('evaluation.campaign.note'), value: s.collection.note }),
        ], (f) => ({ procedure: val(f, 'procedure'), note: val(f, 'note') }), reload),
        h('h3', { class: 'fr-mt-3w' }, t('evaluation.campaign.indicators')),
        ctx.can('evaluation.write') ? h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary fr-btn--sm fr-mb-2w', onclick: async () => {
          await ctx.api.post(`${base(ctx)}/assessments/${d.a.id}/prefill`);
          await reload();
        } }, t('evaluation.campaign.prefill')) : null,
        answersForm(ctx, d.grid, d.a, () => void reload()));
    case 'debate': {
      const session = (i: number) => {
        const x = s.debate.sessions[i];
        return h('div', { class: 'fr-grid-row fr-grid-row--gutters', 'data-row': i },
          h('div', { class: 'fr-col-12 fr-col-md-3' }, inputField({ name: `sessions[${i}].date`, label: t('evaluation.campaign.session_date', { n: i + 1 }), type: 'date', value: x?.date })),
          h('div', { class: 'fr-col-12 fr-col-md-3' }, selectField({ name: `sessions[${i}].audience`, label: t('evaluation.campaign.audience'), value: x?.audience ?? 'internal',
            options: [{ value: 'internal', label: t('evaluation.campaign.internal') }, { value: 'external', label: t('evaluation.campaign.external') }] })),
          h('div', { class: 'fr-col-12 fr-col-md-6' }, inputField({ name: `sessions[${i}].participants`, label: t('evaluation.campaign.session_people'), value: x?.participants })),
          h('div', { class: 'fr-col-12' }, textareaField({ name: `sessions[${i}].conclusions`, label: t('evaluation.campaign.conclusions'), value: x?.conclusions, rows: 2 })));
      };
      return stepForm(ctx, d, step, [
        rows('sessions', Math.max(1, s.debate.sessions.length), session, t('evaluation.campaign.add_session')),
        textareaField({ name: 'argument', label: t('evaluation.campaign.argument'), hint: t('evaluation.campaign.argument_hint'), value: s.debate.argument, rows: 4 }),
      ], (f) => ({
        argument: val(f, 'argument'),
        sessions: Array.from(f.querySelectorAll<HTMLElement>('[data-row]')).map((r) => r.dataset.row!)
          .map((i) => ({ date: val(f, `sessions[${i}].date`), audience: val(f, `sessions[${i}].audience`), participants: val(f, `sessions[${i}].participants`), conclusions: val(f, `sessions[${i}].conclusions`) }))
          .filter((x) => x.date),
      }), reload);
    }
  }
}

function criteriaStep(ctx: ViewContext, d: Loaded, reload: () => Promise<void>): Node {
  const s = d.k.steps;
  const criteria = d.baseGrid.definition!.sections.filter((sec) => sec.role === 'criterion');
  const form = stepForm(ctx, d, 'criteria', [
    h('fieldset', { class: 'fr-fieldset' }, h('legend', { class: 'fr-fieldset__legend' }, t('evaluation.campaign.criteria')),
      criteria.map((c) => h('div', { class: 'fr-fieldset__element' },
        checkboxField({ name: `criterion:${c.code}`, label: `${c.code} — ${text(c.label)}`, checked: s.criteria.retained.includes(c.code) })))),
    h('fieldset', { class: 'fr-fieldset' }, h('legend', { class: 'fr-fieldset__legend' }, t('evaluation.campaign.methods')),
      codes('evaluation_validation_method').map((m) => h('div', { class: 'fr-fieldset__element' },
        checkboxField({ name: `method:${m.code}`, label: text(m.label), checked: s.criteria.methods.includes(m.code) })))),
    textareaField({ name: 'note', label: t('evaluation.campaign.note'), value: s.criteria.note }),
  ], (f) => ({
    retained: criteria.filter((c) => (f.querySelector(`[name="criterion:${c.code}"]`) as HTMLInputElement).checked).map((c) => c.code),
    methods: codes('evaluation_validation_method').filter((m) => (f.querySelector(`[name="method:${m.code}"]`) as HTMLInputElement).checked).map((m) => m.code),
    note: val(f, 'note'),
  }), reload);
  const doc = d.grid.definition!;
  const retained = doc.sections.filter((sec) => sec.role === 'criterion');
  const indicators: Array<{ criterion: string; item: GridItem }> = retained.flatMap((sec) => (sec.items ?? []).map((item) => ({ criterion: sec.code, item })));
  const writable = d.a.status === 'open' && ctx.can('evaluation.write');
  const list = table(t('evaluation.campaign.indicators_caption'), [
    { header: t('evaluation.campaign.criterion'), cell: (x) => x.criterion },
    { header: t('evaluation.col.item'), cell: (x) => [h('strong', null, `${x.item.code} `), ...marked(x.item.label)] },
    { header: t('evaluation.campaign.kind'), cell: (x) => t(`evaluation.kind.${scaleOf(doc, x.item).kind}`) },
    { header: t('evaluation.campaign.source'), cell: (x) => x.item.source ?? '' },
    { header: t('evaluation.evidence.actions'), cell: (x) => writable && /\.i\d+$/.test(x.item.code)
      ? h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', onclick: async () => {
        if (!confirm(t('evaluation.campaign.remove_indicator_confirm', { code: x.item.code }))) return;
        await ctx.api.del(`${base(ctx)}/campaigns/${d.k.id}/indicators/${encodeURIComponent(x.item.code)}`);
        await reload();
      } }, t('evaluation.campaign.remove_indicator')) : '' },
  ], indicators);
  const add = h('form', { novalidate: true, class: 'fr-mt-2w' },
    h('h3', { class: 'fr-h6' }, t('evaluation.campaign.add_indicator')),
    selectField({ name: 'criterion', label: t('evaluation.campaign.criterion'), required: true, value: retained[0]?.code, options: retained.map((c) => ({ value: c.code, label: `${c.code} — ${text(c.label)}` })) }),
    inputField({ name: 'label', label: t('evaluation.campaign.indicator_label'), required: true }),
    selectField({ name: 'kind', label: t('evaluation.campaign.kind'), value: 'number', options: ['number', 'yes_no', 'text', 'evidence'].map((kind) => ({ value: kind, label: t(`evaluation.kind.${kind}`) })) }),
    inputField({ name: 'unit', label: t('evaluation.campaign.unit'), hint: t('evaluation.campaign.unit_hint') }),
    inputField({ name: 'source', label: t('evaluation.campaign.source') }),
    inputField({ name: 'collection', label: t('evaluation.campaign.collection') }),
    inputField({ name: 'owner', label: t('evaluation.campaign.owner') }),
    h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('evaluation.campaign.add_indicator')));
  add.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const unit = val(add, 'unit');
    try {
      await ctx.api.post(`${base(ctx)}/campaigns/${d.k.id}/indicators`, {
        criterion: val(add, 'criterion'), label: { fr: val(add, 'label') }, kind: val(add, 'kind'),
        unit: unit ? { fr: unit } : undefined, source: val(add, 'source'), collection: val(add, 'collection'), owner: val(add, 'owner'),
      });
      await reload();
    } catch (err) {
      showFormError(add, err);
    }
  });
  return h('div', null, form, h('h3', { class: 'fr-mt-4w' }, t('evaluation.campaign.indicators')),
    indicators.length ? list : notice(t('evaluation.campaign.no_criteria')), writable && retained.length ? add : null);
}
