// A pole's own relation natures (Fiche II-1: "la typologie des liens peut être adaptée au
// contexte"): the list, and a form to add one, for those who manage the analysis.
import { h } from '../../app/h';
import { localized, t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { fieldset, formValues, inputField, selectField, showFormError } from '../../components/forms';
import { table } from '../../components/ui';
import { base } from './common';
import type { NetworkRules, Nature } from './model';

export function naturesSection(ctx: ViewContext, rules: NetworkRules): HTMLElement {
  const form = h('form', { novalidate: true },
    fieldset(t('network.natures.add_legend'),
      h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
        h('div', { class: 'fr-col-12 fr-col-md-4' }, inputField({ name: 'code', label: t('network.natures.code'), hint: t('network.natures.code_hint'), required: true, autocomplete: 'off', spellcheck: false })),
        h('div', { class: 'fr-col-12 fr-col-md-4' }, inputField({ name: 'label', label: t('network.natures.label'), required: true, autocomplete: 'off' })),
        h('div', { class: 'fr-col-12 fr-col-md-4' }, inputField({ name: 'abbreviation', label: t('network.natures.abbreviation'), hint: t('network.natures.abbreviation_hint'), required: true, autocomplete: 'off' })),
        h('div', { class: 'fr-col-12 fr-col-md-4' }, inputField({ name: 'weight', label: t('network.natures.weight'), hint: t('network.natures.weight_hint'), type: 'number', step: '0.1', min: -1, max: 1, value: 0, required: true })),
        h('div', { class: 'fr-col-12 fr-col-md-4' }, inputField({ name: 'colour', label: t('network.natures.colour'), type: 'color', value: '#6a6af4' })),
        h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({
          name: 'line', label: t('network.natures.line'), value: 'solid',
          options: (['solid', 'dashed', 'dotted'] as const).map((l) => ({ value: l, label: t(`network.natures.line_${l}`) })),
        })))),
    h('button', { class: 'fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left', type: 'submit' }, t('network.natures.add')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = formValues(form);
    try {
      await ctx.api.post(`${base(ctx)}/natures`, {
        code: String(v.code).trim(), weight: Number(v.weight), colour: String(v.colour), line: String(v.line),
        label: { fr: String(v.label).trim() }, abbreviation: { fr: String(v.abbreviation).trim() },
      });
      ctx.navigate(location.pathname + location.search, { replace: true });
    } catch (err) {
      showFormError(form, err);
    }
  });
  return h('section', { class: 'fr-mt-4w', 'aria-labelledby': 'natures-title' },
    h('h2', { class: 'fr-h5', id: 'natures-title' }, t('network.natures.title')),
    h('p', { class: 'fr-text--sm' }, t('network.natures.intro')),
    table<Nature>(t('network.natures.caption'), [
      { header: t('network.natures.abbreviation'), cell: (n) => localized(n.abbreviation, n.code) },
      { header: t('network.natures.label'), cell: (n) => localized(n.label, n.code) },
      { header: t('network.natures.weight'), numeric: true, cell: (n) => String(n.weight) },
      { header: t('network.natures.origin'), cell: (n) => (n.pole_specific ? t('network.natures.origin_pole') : t('network.natures.origin_shipped')) },
    ], rules.natures, { hideCaption: true }),
    form);
}
