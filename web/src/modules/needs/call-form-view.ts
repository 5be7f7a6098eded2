// Drafting a call: the counsellor picks the need groups that justify it; Maillage drafts the
// priority sectors, eligible territories, target publics and budget lines from their records.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { checkboxField, clearErrors, inputField, selectField, showFormError } from '../../components/forms';
import { breadcrumb, notice, pageTitle } from '../../components/ui';
import { base } from './common';
import type { Call, GroupPage } from './types';

export default async function callFormView(ctx: ViewContext): Promise<Node> {
  const preselected = new Set((ctx.query.get('groups') ?? '').split(',').filter(Boolean).map(Number));
  const groups = await ctx.api.get<GroupPage>(`${base(ctx)}/groups`, { min_size: 2, per_page: 60 }, ctx.signal);
  const choices = h('div', { class: 'mai-checks', 'data-field': 'group_ids' },
    groups.items.map((g) => checkboxField({
      name: `group:${g.id}`, checked: preselected.has(g.id),
      label: `${g.title} — ${t('needs.call_form.group_size', { count: g.size })}`,
    })));
  const form = h('form', { novalidate: true },
    h('fieldset', { class: 'fr-fieldset' },
      h('legend', { class: 'fr-fieldset__legend' }, t('needs.call_form.groups')),
      groups.items.length ? choices : notice(t('needs.call_form.no_groups'))),
    inputField({ name: 'title', label: t('needs.call_form.title_field'), hint: t('needs.call_form.title_hint') }),
    selectField({ name: 'language', label: t('needs.call_form.language'), value: 'fr', options: [{ value: 'fr', label: 'Français' }, { value: 'it', label: 'Italiano' }, { value: 'en', label: 'English' }] }),
    selectField({ name: 'level', label: t('needs.call_form.level'), value: 'commune', options: ['commune', 'epci', 'department', 'region'].map((l) => ({ value: l, label: t(`needs.level.${l}`) })) }),
    inputField({ name: 'territories', label: t('needs.call_form.territories'), hint: t('needs.call_form.territories_hint') }),
    inputField({ name: 'budget', type: 'number', min: 0, step: '1000', label: t('needs.call_form.budget') }),
    inputField({ name: 'deadline', type: 'date', label: t('needs.call_form.deadline') }),
    h('button', { class: 'fr-btn fr-mt-2w', type: 'submit' }, t('needs.call_form.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const data = new FormData(form);
    const ids = [...data.keys()].filter((k) => k.startsWith('group:')).map((k) => Number(k.slice(6)));
    const text = (k: string) => String(data.get(k) ?? '').trim() || undefined;
    const budget = text('budget');
    try {
      const call = await ctx.api.post<Call>(`${base(ctx)}/calls`, {
        group_ids: ids, title: text('title'), language: text('language'), level: text('level'),
        territories: (text('territories') ?? '').split(/[,; ]+/).filter(Boolean),
        budget: budget === undefined ? undefined : Number(budget), deadline: text('deadline'),
      });
      ctx.navigate(ctx.href(`needs/calls/${call.id}`));
    } catch (err) {
      showFormError(form, err);
    }
  });
  return h('div', null,
    breadcrumb([{ label: t('needs.nav'), href: ctx.href('needs') }, { label: t('needs.calls.title'), href: ctx.href('needs/calls') }, { label: t('needs.call_form.title') }]),
    pageTitle(t('needs.call_form.title')),
    h('p', null, t('needs.call_form.intro', { count: formatNumber(groups.total, undefined, 0) })),
    form);
}
