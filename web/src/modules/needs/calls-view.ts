// Calls for projects drafted from the need groups.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatDate, formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { notice, pageTitle, table } from '../../components/ui';
import { base, needsNav } from './common';
import type { CallSummary } from './types';

export default async function callsView(ctx: ViewContext): Promise<Node> {
  const calls = await ctx.api.get<CallSummary[]>(`${base(ctx)}/calls`, undefined, ctx.signal);
  return h('div', null,
    pageTitle(t('needs.calls.title'),
      ctx.can('needs.plan') ? h('a', { class: 'fr-btn fr-icon-add-line fr-btn--icon-left', href: ctx.href('needs/calls/new') }, t('needs.calls.new')) : null),
    needsNav(ctx, 'calls'),
    h('p', { class: 'fr-text--lead' }, t('needs.calls.intro')),
    calls.length ? table(t('needs.calls.caption', { count: calls.length }), [
      { header: t('needs.col.title'), cell: (c) => h('a', { href: ctx.href(`needs/calls/${c.id}`), 'data-call': c.id }, c.title) },
      { header: t('needs.col.status'), cell: (c) => t(`needs.call.status_${c.status === 'final' ? 'final' : 'draft'}`) },
      { header: t('needs.col.groups'), numeric: true, cell: (c) => formatNumber(c.groups, undefined, 0) },
      { header: t('needs.col.budget'), numeric: true, cell: (c) => (c.budget === null ? '—' : `${formatNumber(c.budget, undefined, 0)} €`) },
      { header: t('needs.col.updated'), cell: (c) => formatDate(c.updated_at) },
    ], calls) : notice(t('needs.calls.none')));
}
