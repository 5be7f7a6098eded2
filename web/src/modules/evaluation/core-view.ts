// The core indicators across every assessment of a year, whatever the grid or copy that holds
// them: the pole-level view (Show your Heart's shared core indicators).
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { inputField } from '../../components/forms';
import { breadcrumb, notice, pageTitle } from '../../components/ui';
import type { Distribution } from './api';
import { base } from './api';
import { distributionTable } from './widgets';
import './evaluation.css';

export default async function coreView(ctx: ViewContext): Promise<Node> {
  const year = Number(ctx.query.get('year')) || new Date().getFullYear() - 1;
  const dist = await ctx.api.get<Distribution>(`${base(ctx)}/core-indicators`, { year }, ctx.signal);
  const form = h('form', { class: 'fr-mb-3w', method: 'get', action: ctx.href('evaluation/core') },
    inputField({ name: 'year', label: t('evaluation.col.year'), type: 'number', value: year, min: 1990, max: 2200 }),
    h('button', { class: 'fr-btn fr-btn--secondary fr-btn--sm', type: 'submit' }, t('evaluation.core.show')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    ctx.navigate(ctx.href(`evaluation/core?year=${(form.querySelector('[name=year]') as HTMLInputElement).value}`));
  });
  return h('div', null,
    breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') }, { label: t('evaluation.core.title') }]),
    pageTitle(t('evaluation.core.title')),
    h('p', null, t('evaluation.core.lead')),
    form,
    dist.items.length ? distributionTable(dist, t('evaluation.core.caption', { year, count: dist.assessments })) : notice(t('evaluation.core.none', { year })));
}
