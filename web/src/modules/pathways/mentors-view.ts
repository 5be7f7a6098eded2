// The mentor and expert directory: who they are, what they know, where they live and how
// many projects they follow against their capacity.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import { fieldset, formValues, inputField, selectField, showFormError, textareaField } from '../../components/forms';
import { autocompleteField } from '../../components/autocomplete';
import { communeSuggestions } from '../../components/territory';
import { pageTitle, pagination, table } from '../../components/ui';
import { apiBase, label, tabs, values } from './common';
import type { Mentor, Page } from './types';

function load(m: Mentor): HTMLElement {
  const share = m.capacity > 0 ? Math.min(100, Math.round((100 * m.current) / m.capacity)) : 100;
  return h('span', { class: 'mai-load' },
    h('span', { class: 'mai-bar', 'aria-hidden': 'true' }, h('span', { style: `width: ${share}%` })),
    t('pathways.mentors.load', { current: m.current, capacity: m.capacity }));
}

const SECTIONS = 'ABCDEFGHIJKLMNOPQRSTU'.split('');

function checks(legend: string, name: string, options: Array<{ value: string; label: string }>): HTMLFieldSetElement {
  return h('fieldset', { class: 'fr-fieldset' },
    h('legend', { class: 'fr-fieldset__legend fr-text--regular' }, legend),
    h('div', { class: 'fr-fieldset__element mai-checks' }, options.map((o) =>
      h('div', { class: 'fr-checkbox-group fr-checkbox-group--sm' },
        h('input', { type: 'checkbox', id: `${name}-${o.value}`, name, value: o.value }),
        h('label', { class: 'fr-label', for: `${name}-${o.value}` }, o.label)))));
}

function addMentorForm(ctx: ViewContext): HTMLElement {
  const commune = autocompleteField({ name: 'commune', label: t('pathways.field.commune'), search: communeSuggestions });
  const families = values('pathway_subject').filter((v) => !v.parent);
  const subjects = h('div', null, families.map((f) => checks(`${t('pathways.mentors.subjects_legend')} — ${f.label}`, 'subjects',
    values('pathway_subject').filter((v) => v.parent === f.value))));
  const sectors = checks(t('pathways.mentors.sectors_legend'), 'sectors', SECTIONS.map((l) => ({ value: l, label: l })));
  const form = h('form', { novalidate: true },
    fieldset(t('pathways.mentors.add'),
      selectField({ name: 'kind', label: t('pathways.mentors.kind'), value: 'person', options: values('pathway_mentor_kind').map((v) => ({ value: v.value, label: v.label })) }),
      inputField({ name: 'name', label: t('pathways.mentors.name'), required: true, autocomplete: 'off' }),
      commune.element,
      inputField({ name: 'capacity', label: t('pathways.mentors.capacity'), type: 'number', min: 0, value: 3 }),
      inputField({ name: 'experience_years', label: t('pathways.mentors.experience_years'), type: 'number', min: 0 }),
      textareaField({ name: 'bio', label: t('pathways.mentors.bio'), rows: 2 })),
    h('div', { 'data-field': 'subjects' }, subjects),
    h('div', { 'data-field': 'sectors' }, sectors),
    h('button', { class: 'fr-btn fr-icon-add-line fr-btn--icon-left', type: 'submit' }, t('pathways.mentors.save')));
  const box = h('details', { class: 'mai-add' }, h('summary', null, t('pathways.mentors.add')), form);
  // Section names come from the NAF nomenclature, fetched when the form is first opened.
  box.addEventListener('toggle', () => {
    if (!box.open || box.dataset.named) return;
    box.dataset.named = '1';
    for (const letter of SECTIONS)
      ctx.api.get<Array<{ code: string; label: string }>>('/api/territory/naf', { q: letter, limit: 1 }).then((found) => {
        const target = box.querySelector(`label[for=sectors-${letter}]`);
        if (target && found[0]?.code === letter) target.textContent = `${letter} — ${found[0].label}`;
      }, () => undefined);
  });
  const checked = (name: string) => Array.from(form.querySelectorAll<HTMLInputElement>(`input[name=${name}]:checked`)).map((i) => i.value);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const v = formValues(form);
    try {
      await ctx.api.post(`${apiBase(ctx)}/mentors`, {
        kind: v.kind, name: String(v.name).trim(), commune: (await commune.resolve()) || null,
        capacity: Number(v.capacity || 0), experience_years: v.experience_years ? Number(v.experience_years) : null,
        subjects: checked('subjects'), sectors: checked('sectors'), bio: String(v.bio).trim() || null,
      });
      ctx.navigate(ctx.href('pathways/mentors'), { replace: true });
    } catch (err) {
      showFormError(form, err);
    }
  });
  return box;
}

export default async function mentorsView(ctx: ViewContext): Promise<Node> {
  await loadEnums();
  const q = ctx.query.get('q') ?? '';
  const kind = ctx.query.get('kind') ?? '';
  const subject = ctx.query.get('subject') ?? '';
  const pageNumber = Number(ctx.query.get('page') ?? '1') || 1;
  const result = await ctx.api.get<Page<Mentor>>(`${apiBase(ctx)}/mentors`, { q: q || undefined, kind: kind || undefined, subject: subject || undefined, page: pageNumber, per_page: 25 }, ctx.signal);
  const filters = h('form', { class: 'mai-filters fr-mb-2w', role: 'search', 'aria-label': t('pathways.mentors.filter') },
    inputField({ name: 'q', label: t('pathways.mentors.name'), value: q }),
    selectField({ name: 'kind', label: t('pathways.mentors.kind'), value: kind, empty: t('pathways.mentors.any'), options: values('pathway_mentor_kind').map((v) => ({ value: v.value, label: v.label })) }),
    selectField({ name: 'subject', label: t('pathways.mentors.subject'), value: subject, empty: t('pathways.mentors.any'),
      options: values('pathway_subject').map((v) => ({ value: v.value, label: v.parent ? v.label : t('pathways.mentors.family', { family: v.label }), group: label('pathway_subject', v.parent ?? v.value) })) }),
    h('button', { class: 'fr-btn fr-btn--secondary fr-mt-1w', type: 'submit' }, t('pathways.mentors.search')));
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(filters);
    const params = new URLSearchParams();
    for (const key of ['q', 'kind', 'subject']) if (String(v[key] ?? '').trim()) params.set(key, String(v[key]).trim());
    ctx.navigate(ctx.href(`pathways/mentors${params.size ? `?${params}` : ''}`));
  });
  const pages = Math.max(1, Math.ceil(result.total / result.per_page));
  return h('div', null,
    pageTitle(t('pathways.mentors.title')),
    tabs(ctx, 'mentors'),
    h('p', null, t('pathways.mentors.intro')),
    filters,
    h('p', { role: 'status' }, t('pathways.mentors.count', { count: result.total })),
    table(t('pathways.mentors.caption'), [
      { header: t('pathways.mentors.name'), cell: (m: Mentor) => h('span', null, h('strong', null, m.name), m.bio ? h('span', { class: 'fr-hint-text' }, m.bio) : null) },
      { header: t('pathways.mentors.kind'), cell: (m) => label('pathway_mentor_kind', m.kind) },
      { header: t('pathways.mentors.organisation'), cell: (m) => (m.actor_id ? h('a', { href: ctx.href(`actors/${m.actor_id}`) }, m.actor_name ?? '') : '') },
      { header: t('pathways.field.commune'), cell: (m) => m.commune_name ?? '' },
      { header: t('pathways.mentors.subjects'), cell: (m) => m.subjects.map((s) => label('pathway_subject', s)).join(', ') },
      { header: t('pathways.mentors.sectors'), cell: (m) => m.sectors.join(', ') },
      { header: t('pathways.mentors.current'), cell: load },
      { header: t('pathways.mentors.total'), cell: (m) => String(m.total), numeric: true },
      { header: t('pathways.mentors.experience_years'), cell: (m) => (m.experience_years === null ? '' : String(m.experience_years)), numeric: true },
    ], result.items),
    pagination(pageNumber, pages, (p) => {
      const params = new URLSearchParams(ctx.query);
      params.set('page', String(p));
      return ctx.href(`pathways/mentors?${params}`);
    }),
    ctx.can('pathways.manage') ? addMentorForm(ctx) : null);
}
