// An actor's Grille I card for a mission and a year: each field's latest text, signed and
// dated, with its history behind it; writers change several fields at once.
import { h } from '../../app/h';
import { localized, t } from '../../app/i18n';
import { formatDateTime } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { formValues, showFormError, textareaField } from '../../components/forms';
import { breadcrumb, notice, pageTitle } from '../../components/ui';
import { base, codeLabel, loadRules, missionOptions, yearOptions } from './common';
import { selectField } from '../../components/forms';
import { filtersToQuery, parseFilters, type Card, type CardEntry, type NetworkRules } from './model';
import './network.css';

export default async function cardView(ctx: ViewContext): Promise<Node> {
  const rules = await loadRules(ctx);
  const f = parseFilters(ctx.query, rules.years);
  const mission = f.mission || rules.missions[0]?.code || '';
  const card = await ctx.api.get<Card>(`${base(ctx)}/actors/${encodeURIComponent(ctx.params.id)}/card`, { year: f.year, mission }, ctx.signal);
  ctx.setTitle(t('network.card.page_title', { name: card.actor_name }));
  const saved = ctx.query.get('saved') === '1';
  const here = (year: number, m: string) => ctx.href(`network/actors/${card.actor_id}`) + filtersToQuery({ year, mission: m });

  const scope = h('form', { class: 'mai-filters', 'aria-label': t('network.scope.label') },
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-3' }, selectField({ name: 'year', label: t('network.scope.year'), value: String(f.year), options: yearOptions(rules, f.year) })),
      h('div', { class: 'fr-col-12 fr-col-md-6' }, selectField({ name: 'mission', label: t('network.scope.mission'), value: mission, options: missionOptions(rules) })),
      h('div', { class: 'fr-col-12 fr-col-md-3' }, h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('network.scope.apply')))));
  scope.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = formValues(scope);
    ctx.navigate(here(Number(v.year), String(v.mission)));
  });

  return h('div', null,
    breadcrumb([{ label: t('network.graph.title'), href: ctx.href('network') + filtersToQuery({ year: f.year, mission: f.mission }) }, { label: card.actor_name }]),
    saved ? notice(t('network.card.saved'), 'success') : null,
    pageTitle(card.actor_name,
      h('a', { class: 'fr-btn fr-btn--tertiary fr-btn--sm', href: ctx.href(`actors/${card.actor_id}`) }, t('network.card.directory_entry'))),
    h('p', { class: 'fr-text--lead' }, t('network.card.subtitle', { mission: codeLabel(rules.missions, mission), year: f.year })),
    scope,
    ctx.can('network.write') ? editForm(ctx, rules, card, () => ctx.navigate(here(f.year, mission) + '&saved=1', { replace: true })) : readOnly(rules, card));
}

function meta(entry: CardEntry): string {
  return t('network.card.signed', { author: entry.author, date: formatDateTime(entry.created_at) });
}

function history(entries: CardEntry[]): HTMLElement | null {
  if (entries.length < 2) return null;
  return h('details', { class: 'mai-card-history' },
    h('summary', null, t('network.card.history', { count: entries.length - 1 })),
    h('ol', { reversed: true }, entries.slice(1).map((e) => h('li', null,
      h('p', { class: 'mai-card-text' }, e.text || t('network.card.cleared')), h('p', { class: 'mai-card-meta' }, meta(e))))));
}

function groups(rules: NetworkRules) {
  return rules.grid.filter((g) => !g.group).map((g) => ({ group: g, fields: rules.grid.filter((f) => f.group === g.code) }));
}

function readOnly(rules: NetworkRules, card: Card): HTMLElement {
  return h('div', null, groups(rules).map(({ group, fields }) => h('section', { class: 'mai-card-group' },
    h('h2', { class: 'fr-h5' }, localized(group.label, group.code)),
    fields.map((field) => {
      const value = card.fields.find((x) => x.field === field.code);
      const current = value?.current;
      return h('div', { class: 'mai-card-field' },
        h('h3', { class: 'fr-h6 fr-mb-1v' }, localized(field.label, field.code)),
        current ? [h('p', { class: 'mai-card-text' }, current.text), h('p', { class: 'mai-card-meta' }, meta(current))]
          : value?.earlier ? h('p', { class: 'mai-card-meta' }, t('network.card.earlier', { year: value.earlier.year, text: value.earlier.text }))
            : h('p', { class: 'mai-card-meta' }, t('network.card.none')),
        history(value?.history ?? []));
    }))));
}

function editForm(ctx: ViewContext, rules: NetworkRules, card: Card, done: () => void): HTMLElement {
  const form = h('form', { novalidate: true, id: 'card-form' },
    groups(rules).map(({ group, fields }) => h('section', { class: 'mai-card-group' },
      h('h2', { class: 'fr-h5' }, localized(group.label, group.code)),
      fields.map((field) => {
        const value = card.fields.find((x) => x.field === field.code);
        const current = value?.current;
        return h('div', { class: 'mai-card-field' },
          textareaField({ name: field.code, label: localized(field.label, field.code), hint: localized(field.hint), value: current?.text ?? '', rows: 3 }),
          current ? h('p', { class: 'mai-card-meta' }, meta(current))
            : value?.earlier ? h('p', { class: 'mai-card-meta' }, t('network.card.earlier', { year: value.earlier.year, text: value.earlier.text })) : null,
          history(value?.history ?? []));
      }))),
    h('button', { class: 'fr-btn fr-icon-edit-line fr-btn--icon-left', type: 'submit' }, t('network.card.save')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = formValues(form);
    const entries = card.fields
      .filter((x) => (v[x.field] !== undefined) && String(v[x.field]).trim() !== (x.current?.text ?? ''))
      .map((x) => ({ field: x.field, text: String(v[x.field]).trim() }));
    if (!entries.length) {
      done();
      return;
    }
    try {
      await ctx.api.post(`${base(ctx)}/actors/${card.actor_id}/card`, { year: card.year, mission: card.mission, entries });
      done();
    } catch (err) {
      showFormError(form, err);
    }
  });
  return form;
}
