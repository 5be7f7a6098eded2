// Starting a social-utility campaign: the structure it is about and the year it reviews.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import type { Actor, Page } from '../../app/types';
import { inputField, selectField, showFormError } from '../../components/forms';
import { breadcrumb, pageTitle } from '../../components/ui';
import type { Campaign, Grid } from './api';
import { base } from './api';
import { code, text } from './labels';

export default async function campaignNewView(ctx: ViewContext): Promise<Node> {
  const [actors, grids] = await Promise.all([
    ctx.api.get<Page<Actor>>(`/api/poles/${encodeURIComponent(ctx.pole.slug)}/actors`, { per_page: 200 }, ctx.signal),
    ctx.api.get<Grid[]>(`${base(ctx)}/grids`, undefined, ctx.signal),
    loadEnums(),
  ]);
  const bases = grids.filter((g) => g.latest && g.code.startsWith('social-utility'));
  const su = bases.find((g) => g.code === 'social-utility');
  const form = h('form', { novalidate: true },
    selectField({ name: 'subject.id', label: t('evaluation.campaign.subject'), required: true, empty: t('evaluation.new.choose'),
      options: actors.items.map((a) => ({ value: String(a.id), label: a.name })) }),
    inputField({ name: 'year', label: t('evaluation.col.year'), type: 'number', required: true, value: new Date().getFullYear() - 1, min: 1990, max: 2200 }),
    inputField({ name: 'title', label: t('evaluation.col.title'), hint: t('evaluation.new.title_hint') }),
    selectField({ name: 'base_grid_id', label: t('evaluation.campaign.base'), options: bases.map((g) => ({ value: String(g.id), label: text(g.title) })), value: su ? String(su.id) : '' }),
    selectField({ name: 'mode', label: t('evaluation.col.mode'), value: su?.modes[0] ?? 'self', options: (su?.modes ?? ['self']).map((m) => ({ value: m, label: code('evaluation_mode', m) })) }),
    h('button', { class: 'fr-btn fr-mt-2w', type: 'submit' }, t('evaluation.campaign.start')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const v = (n: string) => (form.querySelector(`[name="${n}"]`) as HTMLInputElement).value;
    try {
      const k = await ctx.api.post<Campaign>(`${base(ctx)}/campaigns`, {
        subject: { kind: 'actor', id: Number(v('subject.id')) || 0 }, year: Number(v('year')),
        title: v('title'), base_grid_id: Number(v('base_grid_id')) || undefined, mode: v('mode'),
      });
      ctx.navigate(ctx.href(`evaluation/campaigns/${k.id}`));
    } catch (err) {
      showFormError(form, err);
    }
  });
  return h('div', null,
    breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') }, { label: t('evaluation.campaign.new_title') }]),
    pageTitle(t('evaluation.campaign.new_title')),
    h('p', null, t('evaluation.campaign.new_lead')),
    form);
}
