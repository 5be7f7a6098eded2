// A new project: its pathway template, its origin (the needs observatory or one of Liguria's
// three spontaneous channels), where it is, its sector and its target legal form.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import { autocompleteField } from '../../components/autocomplete';
import { fieldset, formValues, inputField, selectField, showFormError, textareaField } from '../../components/forms';
import { communeSuggestions, nafSuggestions } from '../../components/territory';
import { breadcrumb, pageTitle } from '../../components/ui';
import { apiBase, label, text, today, values } from './common';
import type { Project, Template } from './types';

export default async function projectFormView(ctx: ViewContext): Promise<Node> {
  const [templates] = await Promise.all([
    ctx.api.get<Template[]>(`${apiBase(ctx)}/templates`, undefined, ctx.signal),
    loadEnums(),
  ]);
  const origins = values('pathway_origin').filter((v) => v.parent);
  const commune = autocompleteField({ name: 'commune', label: t('pathways.field.commune'), hint: t('pathways.form.commune_hint'), search: communeSuggestions });
  const naf = autocompleteField({ name: 'naf', label: t('pathways.field.naf'), hint: t('pathways.form.naf_hint'), search: nafSuggestions });
  const form = h('form', { novalidate: true },
    fieldset(t('pathways.form.identity'),
      inputField({ name: 'title', label: t('pathways.field.title'), required: true, autocomplete: 'off' }),
      textareaField({ name: 'summary', label: t('pathways.field.summary'), rows: 3 }),
      selectField({ name: 'template', label: t('pathways.field.template'), required: true, value: templates[0]?.code ?? '',
        options: templates.map((tp) => ({ value: tp.code, label: `${text(tp.label)} (v${tp.version})` })) }),
      inputField({ name: 'started_on', label: t('pathways.field.started_on'), type: 'date', value: today(), max: undefined })),
    fieldset(t('pathways.form.origin'),
      selectField({ name: 'origin_kind', label: t('pathways.field.origin_kind'), required: true, value: 'citizen',
        options: origins.map((o) => ({ value: o.value, label: o.label, group: label('pathway_origin', o.parent) })) }),
      inputField({ name: 'origin_ref', label: t('pathways.field.origin_ref'), hint: t('pathways.form.origin_ref_hint'), type: 'number', min: 1 }),
      inputField({ name: 'origin_note', label: t('pathways.field.origin_note'), hint: t('pathways.form.origin_note_hint') })),
    fieldset(t('pathways.form.activity'),
      commune.element,
      naf.element,
      selectField({ name: 'legal_form', label: t('pathways.field.legal_form'), empty: t('pathways.form.undecided'),
        options: values('pathway_legal_form').map((v) => ({ value: v.value, label: v.label })) })),
    h('button', { class: 'fr-btn', type: 'submit' }, t('pathways.form.create')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = formValues(form);
    const str = (key: string) => String(v[key] ?? '').trim() || null;
    try {
      const body = {
        title: String(v.title).trim(),
        summary: str('summary'),
        template: String(v.template),
        started_on: str('started_on'),
        origin_kind: String(v.origin_kind),
        origin_ref: str('origin_ref') ? Number(v.origin_ref) : null,
        origin_note: str('origin_note'),
        commune: (await commune.resolve()) || null,
        naf: (await naf.resolve()) || null,
        legal_form: str('legal_form'),
      };
      const created = await ctx.api.post<Project>(`${apiBase(ctx)}/projects`, body);
      ctx.navigate(ctx.href(`pathways/projects/${created.id}`));
    } catch (err) {
      showFormError(form, err);
    }
  });
  return h('div', null,
    breadcrumb([{ label: t('pathways.kanban.title'), href: ctx.href('pathways') }, { label: t('pathways.form.title') }]),
    pageTitle(t('pathways.form.title')),
    form);
}
