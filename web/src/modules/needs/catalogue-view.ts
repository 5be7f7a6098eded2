// The catalogue: how many records each need category and NAF section holds, how many the
// rules coded and how many a counsellor corrected, and the words that matched most.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatDateTime, formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { errorAlert } from '../../components/forms';
import { notice, pageTitle, table } from '../../components/ui';
import { base, cellText, figure, label, loadTaxonomy, needsNav, resultList, runJob, sectionLabel } from './common';
import type { CatalogueEntry, CatalogueView } from './types';

export default async function catalogueView(ctx: ViewContext): Promise<Node> {
  const [tx, view] = await Promise.all([loadTaxonomy(ctx), ctx.api.get<CatalogueView>(`${base(ctx)}/catalogue`, undefined, ctx.signal)]);
  const out = h('div');
  const needs = view.entries.filter((e) => e.kind === 'need').sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
  const sectors = view.entries.filter((e) => e.kind === 'sector').sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
  const largest = Math.max(1, ...view.entries.map((e) => e.count ?? 0));
  const bar = (e: CatalogueEntry) => h('span', { class: 'mai-bar', style: `width: ${Math.round(6 * ((e.count ?? 0) / largest))}rem`, 'aria-hidden': 'true' });
  const words = (e: CatalogueEntry) => e.words.map((w) => `${w.word} (${formatNumber(w.count, undefined, 0)})`).join(', ');
  const byRecords = (kind: string, code: string) => ctx.can('needs.records.read')
    ? h('a', { href: ctx.href('needs/records') + `?${kind}=${encodeURIComponent(code)}` }, t('needs.catalogue.see_records'))
    : '';

  return h('div', null,
    pageTitle(t('needs.catalogue.title'),
      ctx.can('needs.analyse') ? h('button', {
        class: 'fr-btn fr-btn--secondary fr-icon-refresh-line fr-btn--icon-left', type: 'button', 'data-run': 'catalogue',
        onclick: async () => {
          try {
            const job = await runJob(ctx, `${base(ctx)}/catalogue`, out);
            out.append(job.status === 'succeeded' ? h('div', { class: 'fr-alert fr-alert--success fr-mt-2w' }, h('h2', { class: 'fr-alert__title fr-h6' }, t('needs.overview.done_catalogue')), resultList(job.result), h('p', null, h('a', { href: ctx.href('needs/catalogue') }, t('needs.catalogue.reload')))) : errorAlert(job.error));
          } catch (err) {
            out.append(errorAlert(err));
          }
        },
      }, t('needs.overview.run_catalogue')) : null),
    needsNav(ctx, 'catalogue'),
    h('p', { class: 'fr-text--lead' }, t('needs.catalogue.intro')),
    out,
    h('div', { class: 'mai-figures' },
      figure(formatNumber(view.records, undefined, 0), t('needs.catalogue.records', { count: view.records })),
      figure(formatNumber(view.coded, undefined, 0), t('needs.catalogue.coded', { count: view.coded })),
      figure(formatNumber(view.uncoded, undefined, 0), t('needs.catalogue.uncoded', { count: view.uncoded }))),
    view.uncoded && ctx.can('needs.records.read') ? h('p', null, h('a', { href: ctx.href('needs/records') + '?uncoded=true' }, t('needs.catalogue.code_them'))) : null,
    view.last_run ? h('p', { class: 'fr-text--sm' }, t('needs.catalogue.last_run', { at: formatDateTime(view.last_run) })) : null,
    h('h2', { class: 'fr-h4' }, t('needs.catalogue.needs')),
    needs.length ? table(t('needs.catalogue.needs_caption', { min: view.min_cell_size }), [
      { header: t('needs.col.category'), cell: (e) => h('a', { href: ctx.href('needs/groups') + `?category=${encodeURIComponent(e.code)}` }, label('need_category', e.code)) },
      { header: t('needs.col.records'), numeric: true, cell: (e) => h('span', null, bar(e), cellText(e.count, view.min_cell_size)) },
      { header: t('needs.col.by_rules'), numeric: true, cell: (e) => formatNumber(e.by_rules, undefined, 0) },
      { header: t('needs.col.corrected'), numeric: true, cell: (e) => formatNumber(e.corrected, undefined, 0) },
      { header: t('needs.col.words'), cell: (e) => h('span', { class: 'mai-matched' }, words(e)) },
      { header: t('needs.col.records_link'), cell: (e) => byRecords('category', e.code) },
    ], needs) : notice(t('needs.catalogue.empty')),
    h('h2', { class: 'fr-h4 fr-mt-4w' }, t('needs.catalogue.sectors')),
    sectors.length ? table(t('needs.catalogue.sectors_caption'), [
      { header: t('needs.col.section'), cell: (e) => sectionLabel(tx, e.code) },
      { header: t('needs.col.records'), numeric: true, cell: (e) => h('span', null, bar(e), cellText(e.count, view.min_cell_size)) },
      { header: t('needs.col.words'), cell: (e) => h('span', { class: 'mai-matched' }, words(e)) },
    ], sectors) : null);
}
