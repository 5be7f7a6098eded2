// Starting a round: a grid the pole runs across some of its member organisations.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import type { Actor, Page } from '../../app/types';
import { checkboxField, inputField, selectField, showFormError } from '../../components/forms';
import { breadcrumb, pageTitle } from '../../components/ui';
import type { Grid, Round } from './api';
import { base } from './api';
import { text } from './labels';

export default async function roundNewView(ctx: ViewContext): Promise<Node> {
  const [grids, actors] = await Promise.all([
    ctx.api.get<Grid[]>(`${base(ctx)}/grids`, undefined, ctx.signal),
    ctx.api.get<Page<Actor>>(`/api/poles/${encodeURIComponent(ctx.pole.slug)}/actors`, { per_page: 200 }, ctx.signal),
  ]);
  const usable = grids.filter((g) => g.latest && g.min_participants === 0);
  const form = h('form', { novalidate: true },
    selectField({ name: 'grid_id', label: t('evaluation.col.grid'), required: true, options: usable.map((g) => ({ value: String(g.id), label: text(g.title) })),
      value: String(usable.find((g) => g.code === 'social-utility')?.id ?? usable[0]?.id ?? '') }),
    inputField({ name: 'title', label: t('evaluation.col.title'), required: true }),
    inputField({ name: 'year', label: t('evaluation.col.year'), type: 'number', required: true, value: new Date().getFullYear(), min: 1990, max: 2200 }),
    h('fieldset', { class: 'fr-fieldset', 'data-field': 'members' }, h('legend', { class: 'fr-fieldset__legend' }, t('evaluation.round.members')),
      actors.items.map((a) => h('div', { class: 'fr-fieldset__element' }, checkboxField({ name: `member:${a.id}`, label: a.name })))),
    h('button', { class: 'fr-btn', type: 'submit' }, t('evaluation.round.create')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = (n: string) => (form.querySelector(`[name="${n}"]`) as HTMLInputElement).value;
    const members = actors.items.filter((a) => (form.querySelector(`[name="member:${a.id}"]`) as HTMLInputElement).checked).map((a) => a.id);
    try {
      const r = await ctx.api.post<Round>(`${base(ctx)}/rounds`, { grid_id: Number(v('grid_id')), title: v('title'), year: Number(v('year')), members });
      ctx.navigate(ctx.href(`evaluation/rounds/${r.id}`));
    } catch (err) {
      showFormError(form, err);
    }
  });
  return h('div', null,
    breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') }, { label: t('evaluation.round.new_title') }]),
    pageTitle(t('evaluation.round.new_title')),
    h('p', null, t('evaluation.round.new_lead')),
    form);
}
