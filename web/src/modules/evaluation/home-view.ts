// The evaluation home: sessions and assessments, social-utility campaigns, rounds across
// members, and the way to the grids, the démarches and the core indicators.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatDate } from '../../app/format';
import { loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import { notice, pageTitle, table, tag } from '../../components/ui';
import type { AssessmentSummary, Campaign, Round } from './api';
import { base } from './api';
import { code } from './labels';
import './evaluation.css';

export default async function homeView(ctx: ViewContext): Promise<Node> {
  const [assessments, campaigns, rounds] = await Promise.all([
    ctx.api.get<AssessmentSummary[]>(`${base(ctx)}/assessments`, undefined, ctx.signal),
    ctx.api.get<Campaign[]>(`${base(ctx)}/campaigns`, undefined, ctx.signal),
    ctx.api.get<Round[]>(`${base(ctx)}/rounds`, undefined, ctx.signal),
    loadEnums(),
  ]);
  const sessions = assessments.filter((a) => a.campaign_id === null);
  const link = (href: string, label: string, icon: string, primary = false) =>
    h('li', null, h('a', { class: `fr-btn ${primary ? '' : 'fr-btn--secondary'} ${icon} fr-btn--icon-left`, href: ctx.href(href) }, label));
  return h('div', null,
    pageTitle(t('evaluation.home.title')),
    h('p', { class: 'fr-text--lead' }, t('evaluation.home.lead')),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left' },
      ctx.can('evaluation.write') ? link('evaluation/assessments/new', t('evaluation.home.new_assessment'), 'fr-icon-add-line', true) : null,
      ctx.can('evaluation.write') ? link('evaluation/campaigns/new', t('evaluation.home.new_campaign'), 'fr-icon-add-line') : null,
      ctx.can('evaluation.grids') ? link('evaluation/rounds/new', t('evaluation.home.new_round'), 'fr-icon-add-line') : null),
    h('ul', { class: 'fr-links-group fr-mb-4w' },
      h('li', null, h('a', { class: 'fr-link', href: ctx.href('evaluation/grids') }, t('evaluation.home.grids'))),
      h('li', null, h('a', { class: 'fr-link', href: ctx.href('evaluation/demarches') }, t('evaluation.home.demarches'))),
      h('li', null, h('a', { class: 'fr-link', href: ctx.href('evaluation/core') }, t('evaluation.home.core')))),
    h('h2', null, t('evaluation.home.sessions')),
    sessions.length ? table<AssessmentSummary>(t('evaluation.home.sessions_caption', { count: sessions.length }), [
      { header: t('evaluation.col.date'), cell: (a) => formatDate(a.held_on) },
      { header: t('evaluation.col.title'), cell: (a) => h('a', { href: ctx.href(`evaluation/assessments/${a.id}`) }, a.title) },
      { header: t('evaluation.col.subject'), cell: (a) => a.subject.title || code('evaluation_subject', a.subject.kind) },
      { header: t('evaluation.col.grid'), cell: (a) => `${a.grid.title} (v${a.grid.version})` },
      { header: t('evaluation.col.stage'), cell: (a) => code('evaluation_stage', a.stage) },
      { header: t('evaluation.col.status'), cell: (a) => tag(t(`evaluation.status.${a.status}`)) },
      { header: t('evaluation.col.progress'), numeric: true, cell: (a) => a.grid.tool === 'board' ? t('evaluation.home.arguments', { count: a.arguments }) : t('evaluation.home.answers', { count: a.answers }) },
    ], sessions) : notice(t('evaluation.home.no_sessions')),
    h('h2', { class: 'fr-mt-4w' }, t('evaluation.home.campaigns')),
    campaigns.length ? table<Campaign>(t('evaluation.home.campaigns_caption', { count: campaigns.length }), [
      { header: t('evaluation.col.year'), numeric: true, cell: (k) => String(k.year) },
      { header: t('evaluation.col.title'), cell: (k) => h('a', { href: ctx.href(`evaluation/campaigns/${k.id}`) }, k.title) },
      { header: t('evaluation.col.subject'), cell: (k) => k.subject.title },
      { header: t('evaluation.col.progress'), cell: (k) => t('evaluation.campaign.steps_done', { count: k.steps.done.length }) },
    ], campaigns) : notice(t('evaluation.home.no_campaigns')),
    h('h2', { class: 'fr-mt-4w' }, t('evaluation.home.rounds')),
    rounds.length ? table<Round>(t('evaluation.home.rounds_caption', { count: rounds.length }), [
      { header: t('evaluation.col.year'), numeric: true, cell: (r) => String(r.year) },
      { header: t('evaluation.col.title'), cell: (r) => h('a', { href: ctx.href(`evaluation/rounds/${r.id}`) }, r.title) },
      { header: t('evaluation.col.grid'), cell: (r) => r.grid_title },
      { header: t('evaluation.col.progress'), cell: (r) => t('evaluation.round.started', { started: r.members.filter((m) => m.assessment_id).length, count: r.members.length }) },
    ], rounds) : notice(t('evaluation.home.no_rounds')));
}
