// The pole's dashboard: counts and recent activity (GET /api/poles/{pole}).
import { h } from '../../app/h';
import { has, t } from '../../app/i18n';
import { formatDateTime, formatNumber, formatRelative } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import type { Activity, PoleDetail } from '../../app/types';
import { enumLabel, loadEnums } from '../../app/enums';
import { pageTitle, table } from '../../components/ui';

export default async function dashboardView(ctx: ViewContext): Promise<Node> {
  const [pole] = await Promise.all([
    ctx.api.get<PoleDetail>(`/api/poles/${encodeURIComponent(ctx.pole.slug)}`, undefined, ctx.signal),
    loadEnums().catch(() => undefined),
  ]);
  ctx.setTitle(t('dashboard.title'));
  const figure = (value: number, label: string, href?: string) =>
    h('div', { class: 'mai-figure' },
      h('p', { class: 'mai-figure__value' }, formatNumber(value)),
      h('p', { class: 'mai-figure__label' }, href ? h('a', { href, class: 'fr-link' }, label) : label));

  const counts = pole.counts ?? { actors: 0, users: 0, contacts: 0 };
  const recent = pole.recent ?? [];
  const now = new Date();
  const actionLabel = (a: Activity) => (has(`dashboard.action.${a.action}`) ? t(`dashboard.action.${a.action}`) : a.action);
  const entityLink = (a: Activity) =>
    a.entity === 'actor' && a.entity_id !== null && a.entity_id !== undefined && a.action !== 'delete'
      ? h('a', { href: ctx.href(`actors/${a.entity_id}`) }, a.summary || `#${a.entity_id}`)
      : a.summary;

  return h('div', null,
    pageTitle(t('dashboard.heading', { pole: pole.name })),
    h('p', { class: 'fr-text--lead' }, enumLabel('pole_kind', pole.kind)),
    h('h2', { class: 'fr-h4' }, t('dashboard.figures')),
    h('div', { class: 'mai-figures' },
      figure(counts.actors, t('dashboard.count.actors', { count: counts.actors }), ctx.href('actors')),
      figure(counts.users, t('dashboard.count.users', { count: counts.users }), ctx.can('users.manage') ? ctx.href('admin/users') : undefined),
      figure(counts.contacts, t('dashboard.count.contacts', { count: counts.contacts }))),
    h('div', { class: 'mai-actions' },
      h('a', { class: 'fr-btn fr-btn--secondary fr-icon-search-line fr-btn--icon-left', href: ctx.href('actors') }, t('dashboard.search_actors')),
      ctx.can('actors.write') ? h('a', { class: 'fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left', href: ctx.href('actors/new') }, t('dashboard.add_actor')) : null,
      ctx.can('imports.run') ? h('a', { class: 'fr-btn fr-btn--secondary fr-icon-upload-line fr-btn--icon-left', href: ctx.href('imports') }, t('dashboard.import')) : null),
    h('h2', { class: 'fr-h4' }, t('dashboard.recent')),
    recent.length
      ? table(t('dashboard.recent_caption'), [
        { header: t('dashboard.col.when'), cell: (a: Activity) => h('time', { datetime: a.at, title: formatDateTime(a.at) }, formatRelative(a.at, now)) },
        { header: t('dashboard.col.who'), cell: (a: Activity) => a.user || t('dashboard.nobody') },
        { header: t('dashboard.col.action'), cell: actionLabel },
        { header: t('dashboard.col.what'), cell: entityLink },
      ], recent, { hideCaption: true })
      : h('p', null, t('dashboard.no_recent')));
}
