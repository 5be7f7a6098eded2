// The pole's employer groups; setting a GE or GEIQ actor up as one.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import type { Actor, Page } from '../../app/types';
import { formatDate, formatNumber } from '../../app/format';
import { clearErrors, fieldset, formValues, inputField, selectField, showFormError } from '../../components/forms';
import { pageTitle, table } from '../../components/ui';
import { base, type Group } from './model';

export default async function groupsView(ctx: ViewContext): Promise<Node> {
  const groups = await ctx.api.get<Group[]>(`${base(ctx)}/groups`, undefined, ctx.signal);
  if (groups.length === 1 && !ctx.query.has('all')) {
    ctx.navigate(ctx.href(`sharedjobs/${groups[0].id}`), { replace: true });
  }
  const list = groups.length
    ? table(t('sharedjobs.groups.caption'), [
      { header: t('sharedjobs.col.group'), cell: (g: Group) => h('a', { href: ctx.href(`sharedjobs/${g.id}`) }, g.name) },
      { header: t('sharedjobs.col.members'), cell: (g: Group) => formatNumber(g.members, undefined, 0), numeric: true },
      { header: t('sharedjobs.col.needs'), cell: (g: Group) => formatNumber(g.needs, undefined, 0), numeric: true },
      { header: t('sharedjobs.col.workers'), cell: (g: Group) => formatNumber(g.workers, undefined, 0), numeric: true },
      { header: t('sharedjobs.col.horizon'), cell: (g: Group) => `${formatDate(g.horizon_start)} – ${formatDate(g.horizon_end)}` },
    ], groups)
    : h('p', null, t('sharedjobs.groups.none'));
  return h('div', null,
    pageTitle(t('sharedjobs.groups.title')),
    h('p', { class: 'fr-text--lead' }, t('sharedjobs.groups.intro')),
    list,
    ctx.can('sharedjobs.write') ? await setupForm(ctx, groups) : null);
}

async function setupForm(ctx: ViewContext, groups: Group[]): Promise<HTMLElement> {
  const page = await ctx.api.get<Page<Actor>>(`/api/poles/${encodeURIComponent(ctx.pole.slug)}/actors`,
    { family: 'employer_group', per_page: 100 }, ctx.signal);
  const taken = new Set(groups.map((g) => g.actor_id));
  const choices = page.items.filter((a) => !taken.has(a.id));
  if (!choices.length) return h('p', { class: 'fr-hint-text' }, t('sharedjobs.groups.no_candidate'));
  const year = new Date().getFullYear();
  const form = h('form', { novalidate: true, 'data-sj-group-form': '' },
    fieldset(t('sharedjobs.groups.setup'),
      selectField({ name: 'actor_id', label: t('sharedjobs.field.group_actor'), required: true, value: String(choices[0].id), options: choices.map((a) => ({ value: String(a.id), label: a.name })) }),
      inputField({ name: 'horizon_start', label: t('sharedjobs.field.horizon_start'), type: 'date', required: true, value: `${year}-01-01` }),
      inputField({ name: 'horizon_end', label: t('sharedjobs.field.horizon_end'), type: 'date', required: true, value: `${year}-12-31` }),
      inputField({ name: 'coefficient', label: t('sharedjobs.field.coefficient'), hint: t('sharedjobs.field.coefficient_hint'), type: 'number', step: '0.01', min: 0 }),
      inputField({ name: 'default_rate', label: t('sharedjobs.field.default_rate'), type: 'number', step: '0.01', min: 0 })),
    h('button', { class: 'fr-btn', type: 'submit' }, t('sharedjobs.action.setup')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = formValues(form);
    const body: Record<string, unknown> = { actor_id: Number(v.actor_id), horizon_start: v.horizon_start, horizon_end: v.horizon_end };
    if (v.coefficient) body.coefficient = Number(v.coefficient);
    if (v.default_rate) body.default_rate = Number(v.default_rate);
    try {
      const g = await ctx.api.post<Group>(`${base(ctx)}/groups`, body);
      ctx.navigate(ctx.href(`sharedjobs/${g.id}/needs`));
    } catch (err) {
      showFormError(form, err);
    }
  });
  return h('section', { class: 'fr-mt-4w' }, h('h2', { class: 'fr-h4' }, t('sharedjobs.groups.setup')), form);
}
