// The intake form: one interview, typed by the counsellor who held it. No name, no contact:
// a pseudonymous key only. The server checks everything and names the field of a problem.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { autocompleteField } from '../../components/autocomplete';
import { checkboxField, clearErrors, fieldset, inputField, selectField, showFormError, textareaField } from '../../components/forms';
import { communeLabel, communeSuggestions } from '../../components/territory';
import type { Commune } from '../../app/types';
import { breadcrumb, notice, pageTitle } from '../../components/ui';
import { base, loadTaxonomy, options } from './common';
import type { IntakeRecord } from './types';

function list(text: FormDataEntryValue | null): string[] {
  return String(text ?? '').split(/[|;,]/).map((s) => s.trim()).filter(Boolean);
}

export default async function recordFormView(ctx: ViewContext): Promise<Node> {
  await loadTaxonomy(ctx);
  const editing = ctx.params.id ? await ctx.api.get<IntakeRecord>(`${base(ctx)}/records/${encodeURIComponent(ctx.params.id)}`, undefined, ctx.signal) : null;
  const commune = editing?.commune_code
    ? await ctx.api.get<Commune>(`/api/territory/communes/${encodeURIComponent(editing.commune_code)}`, undefined, ctx.signal).catch(() => null)
    : null;
  const r = editing;
  const communeField = autocompleteField({
    name: 'commune_code', label: t('needs.field.commune'), hint: t('needs.form.commune_hint'),
    value: commune ? { value: commune.code, label: communeLabel(commune) } : null, search: communeSuggestions,
  });
  const checks = (name: string, enumeration: Parameters<typeof options>[0], chosen: string[]) =>
    h('div', { class: 'mai-checks', 'data-field': name }, options(enumeration).map((o) =>
      checkboxField({ name: `${name}:${o.value}`, label: o.label, checked: chosen.includes(o.value) })));

  const form = h('form', { novalidate: true, 'aria-describedby': 'record-privacy' },
    fieldset(t('needs.form.interview'),
      inputField({ name: 'record_id', label: t('needs.field.record_id'), hint: t('needs.form.record_id_hint'), required: true, value: r?.record_id, spellcheck: false }),
      inputField({ name: 'date', type: 'date', label: t('needs.field.date'), value: r?.date }),
      inputField({ name: 'centre', label: t('needs.field.centre'), value: r?.centre }),
      inputField({ name: 'counsellor', label: t('needs.field.counsellor'), value: r?.counsellor }),
      communeField.element,
      inputField({ name: 'person_key', label: t('needs.field.person_key'), hint: t('needs.form.person_key_hint'), value: r?.person_key, spellcheck: false })),
    fieldset(t('needs.form.person'),
      selectField({ name: 'age_band', label: t('needs.field.age_band'), empty: t('needs.form.unknown'), options: options('intake_age_band'), value: r?.age_band }),
      h('p', { class: 'fr-label fr-mb-1w' }, t('needs.field.situation')),
      checks('situation', 'intake_situation', r?.situation ?? []),
      selectField({ name: 'coop_interest', label: t('needs.field.coop_interest'), empty: t('needs.form.unknown'), options: options('intake_coop_interest'), value: r?.coop_interest })),
    fieldset(t('needs.form.said'),
      textareaField({ name: 'need_text', label: t('needs.field.need_text'), hint: t('needs.form.texts_hint'), value: r?.need_text, rows: 4 }),
      textareaField({ name: 'proposal_text', label: t('needs.field.proposal_text'), value: r?.proposal_text, rows: 4 }),
      h('p', { class: 'fr-label fr-mb-1w' }, t('needs.field.need_codes')),
      checks('need_codes', 'need_category', r?.need_codes ?? []),
      inputField({ name: 'sectors', label: t('needs.field.sectors'), hint: t('needs.form.sectors_hint'), value: (r?.sectors ?? []).join(', ') }),
      inputField({ name: 'skills', label: t('needs.field.skills'), hint: t('needs.form.skills_hint'), value: (r?.skills ?? []).join(', ') }),
      selectField({ name: 'language', label: t('needs.field.language'), empty: t('needs.form.language_auto'), value: editing ? r?.language : '',
        options: [{ value: 'fr', label: 'Français' }, { value: 'it', label: 'Italiano' }] })),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md' },
      h('li', null, h('button', { class: 'fr-btn', type: 'submit' }, t(editing ? 'needs.form.save' : 'needs.form.create'))),
      h('li', null, h('a', { class: 'fr-btn fr-btn--secondary', href: editing ? ctx.href(`needs/records/${editing.id}`) : ctx.href('needs/records') }, t('needs.form.cancel')))));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const data = new FormData(form);
    const chosen = (prefix: string) => [...data.keys()].filter((k) => k.startsWith(`${prefix}:`)).map((k) => k.slice(prefix.length + 1));
    const text = (k: string) => {
      const v = String(data.get(k) ?? '').trim();
      return v || undefined;
    };
    const body = {
      record_id: String(data.get('record_id') ?? '').trim(),
      date: text('date'), centre: text('centre'), counsellor: text('counsellor'),
      commune_code: (await communeField.resolve()) || undefined,
      person_key: text('person_key'), age_band: text('age_band'),
      situation: chosen('situation'), need_text: text('need_text'), proposal_text: text('proposal_text'),
      need_codes: chosen('need_codes'), coop_interest: text('coop_interest'),
      sectors: list(data.get('sectors')), skills: list(data.get('skills')), language: text('language'),
    };
    try {
      const saved = editing
        ? await ctx.api.put<IntakeRecord>(`${base(ctx)}/records/${editing.id}`, body)
        : await ctx.api.post<IntakeRecord>(`${base(ctx)}/records`, body);
      ctx.navigate(ctx.href(`needs/records/${saved.id}`));
    } catch (err) {
      showFormError(form, err);
    }
  });

  return h('div', null,
    breadcrumb([{ label: t('needs.nav'), href: ctx.href('needs') }, { label: t('needs.records.title'), href: ctx.href('needs/records') }, { label: t(editing ? 'needs.form.title_edit' : 'needs.form.title_new') }]),
    pageTitle(t(editing ? 'needs.form.title_edit' : 'needs.form.title_new')),
    h('div', { id: 'record-privacy' }, notice(t('needs.form.privacy'))),
    form);
}
