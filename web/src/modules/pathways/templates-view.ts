// The pathway templates: the shipped models of seeds 000 and 001 and the pole's own copies,
// each with its steps, durations and deliverables; coordinators copy one to adapt it.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import { fieldset, formValues, inputField, selectField, showFormError } from '../../components/forms';
import { pageTitle, tag } from '../../components/ui';
import { apiBase, label, tabs, text } from './common';
import type { Step, Template } from './types';

function duration(s: Step): string {
  const one = (d: { months?: number; days?: number }) => (d.months ? t('pathways.templates.months', { count: d.months }) : t('pathways.templates.days', { count: d.days ?? 0 }));
  return s.max_duration ? `${one(s.duration)} – ${one(s.max_duration)}` : one(s.duration);
}

export default async function templatesView(ctx: ViewContext): Promise<Node> {
  await loadEnums();
  const templates = await ctx.api.get<Template[]>(`${apiBase(ctx)}/templates`, undefined, ctx.signal);
  const copy = h('form', { novalidate: true, class: 'fr-mt-3w' },
    fieldset(t('pathways.templates.copy'),
      selectField({ name: 'from', label: t('pathways.templates.from'), options: templates.map((tp) => ({ value: tp.code, label: text(tp.label) })) }),
      inputField({ name: 'code', label: t('pathways.templates.code'), hint: t('pathways.templates.code_hint'), required: true })),
    h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('pathways.templates.copy_button')));
  copy.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(copy);
    try {
      await ctx.api.post(`${apiBase(ctx)}/templates`, { from: v.from, code: String(v.code).trim() });
      ctx.navigate(ctx.href('pathways/templates'), { replace: true });
    } catch (err) {
      showFormError(copy, err);
    }
  });
  return h('div', null,
    pageTitle(t('pathways.templates.title')),
    tabs(ctx, 'templates'),
    h('p', null, t('pathways.templates.intro')),
    templates.map((tp) => h('section', { class: 'fr-mb-4w', 'aria-labelledby': `tpl-${tp.code}` },
      h('h2', { class: 'fr-h5', id: `tpl-${tp.code}` }, `${text(tp.label)} — v${tp.version}`),
      h('div', { class: 'fr-tags-group' }, tag(label('pathway_model', tp.model)), tag(tp.shipped ? t('pathways.templates.shipped') : t('pathways.templates.own')),
        tag(t('pathways.templates.projects', { count: tp.projects }))),
      text(tp.description) ? h('p', null, text(tp.description)) : null,
      tp.source ? h('p', { class: 'fr-text--sm' }, t('pathways.templates.source', { source: tp.source })) : null,
      h('ol', null, tp.steps.map((s) => h('li', null,
        h('strong', null, text(s.label)), ` — ${label('pathway_stage', s.stage)}, ${duration(s)}`,
        s.visits ? ` — ${t('pathways.templates.visits', { every: s.visits.every_months, count: s.visits.count })}` : '',
        s.deliverables.length ? h('ul', { class: 'fr-text--sm' }, s.deliverables.map((dl) => h('li', null, text(dl.label), dl.required ? '' : ` (${t('pathways.step.optional')})`))) : null))))),
    ctx.can('pathways.manage') ? copy : null);
}
