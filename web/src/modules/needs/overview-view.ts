// The observatory's home: where the pole stands, from interviews to calls, and the
// territories where a need is most over-represented.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatDateTime, formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { errorAlert } from '../../components/forms';
import { notice, pageTitle, table } from '../../components/ui';
import { base, figure, label, loadTaxonomy, needsNav, ratioText, resultList, runJob } from './common';
import type { Diagnostic, Summary } from './types';

export default async function overviewView(ctx: ViewContext): Promise<Node> {
  const [summary, diagnostic] = await Promise.all([
    ctx.api.get<Summary>(base(ctx), undefined, ctx.signal),
    ctx.api.get<Diagnostic>(`${base(ctx)}/diagnostic`, { level: 'commune' }, ctx.signal),
    loadTaxonomy(ctx),
  ]);
  const out = h('div', { class: 'fr-mt-2w' });
  const run = (path: string, key: string) => h('button', {
    class: 'fr-btn fr-btn--secondary', type: 'button', 'data-run': key,
    onclick: async () => {
      try {
        const job = await runJob(ctx, `${base(ctx)}/${path}`, out);
        out.append(job.status === 'succeeded'
          ? h('div', { class: 'fr-alert fr-alert--success fr-mt-2w' }, h('h2', { class: 'fr-alert__title fr-h6' }, t(`needs.overview.done_${key}`)), resultList(job.result))
          : errorAlert(job.error));
      } catch (err) {
        out.append(errorAlert(err));
      }
    },
  }, t(`needs.overview.run_${key}`));

  return h('div', null,
    pageTitle(t('needs.overview.title')),
    needsNav(ctx, 'overview'),
    h('p', { class: 'fr-text--lead' }, t('needs.overview.intro')),
    h('div', { class: 'mai-figures' },
      figure(formatNumber(summary.records, undefined, 0), t('needs.overview.records', { count: summary.records })),
      figure(formatNumber(summary.groups, undefined, 0), t('needs.overview.groups', { count: summary.groups })),
      figure(formatNumber(summary.calls, undefined, 0), t('needs.overview.calls', { count: summary.calls }))),
    h('p', null,
      t('needs.overview.last_catalogue', { at: summary.last_catalogue ? formatDateTime(summary.last_catalogue) : t('needs.overview.never') }), h('br'),
      t('needs.overview.last_rationalisation', { at: summary.last_rationalisation ? formatDateTime(summary.last_rationalisation) : t('needs.overview.never') }), h('br'),
      t('needs.overview.settings', { min: summary.settings.min_cell_size, threshold: formatNumber(summary.settings.similarity_threshold) })),
    ctx.can('needs.analyse') ? h('div', { class: 'mai-actions' }, run('catalogue', 'catalogue'), run('rationalise', 'rationalise')) : null,
    out,
    h('h2', { class: 'fr-h4 fr-mt-4w' }, t('needs.overview.hotspots_title')),
    diagnostic.hotspots.length
      ? table(t('needs.overview.hotspots_caption', { min: diagnostic.min_cell_size }), [
        { header: t('needs.col.category'), cell: (x) => label('need_category', x.category) },
        { header: t('needs.col.territory'), cell: (x) => x.unit.name },
        { header: t('needs.col.count'), numeric: true, cell: (x) => formatNumber(x.count, undefined, 0) },
        { header: t('needs.col.rate'), numeric: true, cell: (x) => formatNumber(x.rate_per_1000) },
        { header: t('needs.col.ratio'), numeric: true, cell: (x) => ratioText(x.ratio) },
      ], diagnostic.hotspots.sort((a, b) => b.ratio - a.ratio).slice(0, 8))
      : notice(t('needs.overview.no_hotspots')),
    h('p', null, h('a', { class: 'fr-link fr-icon-arrow-right-line fr-link--icon-right', href: ctx.href('needs/diagnostic') }, t('needs.overview.see_diagnostic'))));
}
