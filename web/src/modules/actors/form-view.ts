// Creating and editing an actor. Server-side validation errors ({error:{code,message,field}})
// are shown at the field they name.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import type { Actor, ActorInput } from '../../app/types';
import { loadEnums } from '../../app/enums';
import { autocompleteField } from '../../components/autocomplete';
import { checkboxField, clearErrors, fieldset, formValues, inputField, selectField, showFieldError, showFormError, textareaField } from '../../components/forms';
import { nafSuggestions, communeSuggestions } from '../../components/territory';
import { breadcrumb, pageTitle } from '../../components/ui';
import { kindFormOptions, plainOptions } from './kinds';
import { buildActorInput } from './input';

export default async function formView(ctx: ViewContext): Promise<Node> {
  const id = ctx.params.id;
  const [actor] = await Promise.all([
    id ? ctx.api.get<Actor>(`/api/actors/${encodeURIComponent(id)}`, undefined, ctx.signal) : Promise.resolve(null),
    loadEnums(),
  ]);
  const title = actor ? t('actors.form.title_edit_named', { name: actor.name }) : t('actors.form.title_new');
  ctx.setTitle(title);
  const v = (k: keyof ActorInput) => (actor?.[k] ?? null) as string | number | null;

  const commune = autocompleteField({
    name: 'commune', label: t('actors.field.commune'), hint: t('actors.form.commune_hint'),
    value: actor?.commune ? { value: actor.commune, label: actor.commune_name ?? actor.commune } : null,
    search: communeSuggestions,
  });
  const naf = autocompleteField({
    name: 'naf', label: t('actors.field.naf'), hint: t('actors.form.naf_hint'),
    value: actor?.naf ? { value: actor.naf, label: actor.naf } : null,
    search: nafSuggestions,
  });

  const form = h('form', { novalidate: true, 'data-actor-form': actor ? 'edit' : 'new' },
    h('p', { class: 'fr-hint-text' }, t('actors.form.required_hint')),
    fieldset(t('actors.section.identity'),
      inputField({ name: 'name', label: t('actors.field.name'), required: true, value: v('name'), autocomplete: 'organization' }),
      selectField({ name: 'kind', label: t('actors.field.kind'), required: true, value: v('kind') as string, empty: t('actors.form.choose'), options: kindFormOptions() }),
      selectField({ name: 'legal_form', label: t('actors.field.legal_form'), value: v('legal_form') as string, empty: t('actors.form.none'), options: plainOptions('legal_form') }),
      selectField({ name: 'level', label: t('actors.field.level'), value: v('level') as string, empty: t('actors.form.none'), options: plainOptions('level') }),
      selectField({ name: 'nature', label: t('actors.field.nature'), value: v('nature') as string, empty: t('actors.form.none'), options: plainOptions('nature') }),
      checkboxField({ name: 'public', label: t('actors.field.public'), hint: t('actors.form.public_hint'), checked: !!actor?.public }),
      textareaField({ name: 'description', label: t('actors.field.description'), value: v('description') as string })),
    fieldset(t('actors.section.identifiers'),
      inputField({ name: 'siren', label: t('actors.field.siren'), hint: t('actors.form.siren_hint'), value: v('siren'), inputmode: 'numeric', autocomplete: 'off', spellcheck: false }),
      inputField({ name: 'siret', label: t('actors.field.siret'), hint: t('actors.form.siret_hint'), value: v('siret'), inputmode: 'numeric', autocomplete: 'off', spellcheck: false }),
      inputField({ name: 'rna', label: t('actors.field.rna'), hint: t('actors.form.rna_hint'), value: v('rna'), autocomplete: 'off', spellcheck: false }),
      inputField({ name: 'it_tax_code', label: t('actors.field.it_tax_code'), hint: t('actors.form.it_tax_code_hint'), value: v('it_tax_code'), autocomplete: 'off', spellcheck: false })),
    fieldset(t('actors.section.activity'),
      naf.element,
      inputField({ name: 'headcount', label: t('actors.field.headcount'), type: 'number', min: 0, step: '1', value: v('headcount'), inputmode: 'numeric' }),
      inputField({ name: 'fte', label: t('actors.field.fte'), hint: t('actors.form.fte_hint'), type: 'number', min: 0, step: '0.1', value: v('fte'), inputmode: 'decimal' })),
    fieldset(t('actors.section.place'),
      inputField({ name: 'address', label: t('actors.field.address'), value: v('address'), autocomplete: 'street-address' }),
      commune.element),
    fieldset(t('actors.section.contact'),
      inputField({ name: 'website', label: t('actors.field.website'), hint: t('actors.form.website_hint'), type: 'url', value: v('website'), autocomplete: 'url' }),
      inputField({ name: 'email', label: t('actors.field.email'), hint: t('actors.form.email_hint'), type: 'email', value: v('email'), autocomplete: 'email' }),
      inputField({ name: 'phone', label: t('actors.field.phone'), type: 'tel', value: v('phone'), autocomplete: 'tel' })),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md' },
      h('li', null, h('button', { class: 'fr-btn', type: 'submit' }, actor ? t('actors.form.save') : t('actors.form.create'))),
      h('li', null, h('a', { class: 'fr-btn fr-btn--secondary', href: actor ? ctx.href(`actors/${actor.id}`) : ctx.href('actors') }, t('actors.form.cancel')))));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const values = formValues(form);
    values.commune = await commune.resolve();
    if (commune.typed() && !values.commune) {
      showFieldError(form, 'commune', t('actors.form.commune_unknown'));
      form.querySelector<HTMLElement>('[data-autocomplete=commune]')?.focus();
      return;
    }
    values.naf = (await naf.resolve()) || naf.typed();
    const input = buildActorInput(values);
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    button.disabled = true;
    try {
      const pole = encodeURIComponent(ctx.pole.slug);
      const saved = actor
        ? await ctx.api.put<Actor>(`/api/poles/${pole}/actors/${actor.id}`, input)
        : await ctx.api.post<Actor>(`/api/poles/${pole}/actors`, input);
      ctx.navigate(ctx.href(`actors/${saved.id}`) + `?saved=${actor ? 'updated' : 'created'}`);
    } catch (err) {
      showFormError(form, err);
    } finally {
      button.disabled = false;
    }
  });

  return h('div', null,
    breadcrumb([
      { label: t('actors.directory.title'), href: ctx.href('actors') },
      ...(actor ? [{ label: actor.name, href: ctx.href(`actors/${actor.id}`) }] : []),
      { label: actor ? t('actors.form.title_edit') : t('actors.form.title_new') },
    ]),
    pageTitle(title),
    h('div', { class: 'fr-grid-row' }, h('div', { class: 'fr-col-12 fr-col-lg-8' }, form)));
}

