// A round: one grid run across the pole's member organisations, each member's progress, and
// the distribution of every item across them.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { errorAlert } from '../../components/forms';
import { breadcrumb, notice, pageTitle, table, tag } from '../../components/ui';
import type { Assessment, Distribution, Round } from './api';
import { base } from './api';
import { distributionTable } from './widgets';
import './evaluation.css';

export default async function roundView(ctx: ViewContext): Promise<Node> {
  const [r, dist] = await Promise.all([
    ctx.api.get<Round>(`${base(ctx)}/rounds/${ctx.params.id}`, undefined, ctx.signal),
    ctx.api.get<Distribution>(`${base(ctx)}/rounds/${ctx.params.id}/distribution`, undefined, ctx.signal),
  ]);
  ctx.setTitle(r.title);
  const page: HTMLElement = h('div', null,
    breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') }, { label: r.title }]),
    pageTitle(r.title),
    h('p', { class: 'fr-text--lead' }, t('evaluation.round.lead', { grid: r.grid_title, year: r.year })),
    h('h2', null, t('evaluation.round.members')),
    table(t('evaluation.round.members_caption', { count: r.members.length }), [
      { header: t('evaluation.round.member'), cell: (m) => m.name },
      { header: t('evaluation.col.status'), cell: (m) => tag(t(`evaluation.status.${m.status}`)) },
      { header: t('evaluation.col.progress'), numeric: true, cell: (m) => t('evaluation.home.answers', { count: m.answers }) },
      { header: t('evaluation.evidence.actions'), cell: (m) => m.assessment_id
        ? h('a', { href: ctx.href(`evaluation/assessments/${m.assessment_id}`) }, t('evaluation.round.open', { name: m.name }))
        : ctx.can('evaluation.write') ? h('button', { type: 'button', class: 'fr-btn fr-btn--sm fr-btn--secondary', onclick: async () => {
          try {
            const a = await ctx.api.post<Assessment>(`${base(ctx)}/rounds/${r.id}/members/${m.actor_id}/assessment`);
            ctx.navigate(ctx.href(`evaluation/assessments/${a.id}`));
          } catch (err) {
            page.prepend(errorAlert(err));
          }
        } }, t('evaluation.round.start', { name: m.name })) : '' },
    ], r.members),
    h('h2', { class: 'fr-mt-4w' }, t('evaluation.round.distribution')),
    h('p', { class: 'fr-text--sm' }, t('evaluation.round.distribution_note')),
    dist.items.some((d) => d.answered > 0) ? distributionTable(dist, t('evaluation.round.distribution_caption', { count: dist.assessments })) : notice(t('evaluation.round.no_answers')));
  return page;
}
