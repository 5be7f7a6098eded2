// The territorial diagnostic: for a need, its rate per 1,000 inhabitants and its ratio to the
// regional rate in every territory of a level, on a map and in tables, then the indicators of
// the four dimensions (economic, demographic, environmental, occupational). Every count
// below the pole's minimum cell size arrives suppressed from the server.
import { h } from '../../app/h';
import { localized, t } from '../../app/i18n';
import { formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { clearErrors, inputField, selectField, showFormError } from '../../components/forms';
import { notice, pageTitle, table } from '../../components/ui';
import { base, cellText, label, loadTaxonomy, needsNav, options, ratioText, shareText } from './common';
import type { Diagnostic, DiagnosticRow, Taxonomy } from './types';

const LEVELS = ['commune', 'epci', 'department', 'region'];
const MAX_ROWS = 40;

function indicatorValue(value: number | null | undefined, unit: string, measure: string): string {
  if (value === null || value === undefined) return '—';
  if (measure === 'share') return formatNumber(value * 100, undefined, 1) + ' %';
  if (unit === '‰') return formatNumber(value, undefined, 2) + ' ‰';
  return formatNumber(value, undefined, unit === '%' ? 1 : 0) + (unit && unit !== '‰' ? ` ${unit}` : '');
}

function dimensionTables(d: Diagnostic, tx: Taxonomy, rows: DiagnosticRow[]): Node[] {
  return tx.dimensions.map((dim) => {
    const indicators = tx.indicators.filter((i) => i.dimension === dim.code);
    return h('div', { class: 'fr-mt-3w' },
      h('h3', { class: 'fr-h5' }, t('needs.diagnostic.dimension', { name: localized(dim.label, dim.code) })),
      table(t('needs.diagnostic.dimension_caption', { name: localized(dim.label, dim.code), min: d.min_cell_size }), [
        { header: t('needs.col.territory'), cell: (r: DiagnosticRow) => r.unit.name },
        ...indicators.map((i) => ({
          header: localized(i.label, i.code) + (i.source === 'pole' ? ` ${t('needs.diagnostic.entered')}` : ''),
          numeric: true,
          cell: (r: DiagnosticRow) => indicatorValue(r.indicators[i.code], i.unit, i.measure),
        })),
      ], rows));
  });
}

export default async function diagnosticView(ctx: ViewContext): Promise<Node> {
  const tx = await loadTaxonomy(ctx);
  const level = LEVELS.includes(ctx.query.get('level') ?? '') ? ctx.query.get('level')! : 'commune';
  const category = ctx.query.get('category') || 'mobility';
  const mapModule = import('./map');
  const d = await ctx.api.get<Diagnostic>(`${base(ctx)}/diagnostic`, { level, category }, ctx.signal);
  const { franceMap, italyMap, legend } = await mapModule;

  const form = h('form', { class: 'mai-filters', 'aria-label': t('needs.diagnostic.controls') },
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-5' }, selectField({ name: 'category', label: t('needs.diagnostic.category'), value: category, options: options('need_category') })),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({ name: 'level', label: t('needs.diagnostic.level'), value: level, options: LEVELS.map((l) => ({ value: l, label: t(`needs.level.${l}`) })) })),
      h('div', { class: 'fr-col-12 fr-col-md-3' }, h('button', { class: 'fr-btn fr-mt-md-4w', type: 'submit' }, t('needs.diagnostic.show')))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    ctx.navigate(ctx.href('needs/diagnostic') + `?level=${encodeURIComponent(String(data.get('level')))}&category=${encodeURIComponent(String(data.get('category')))}`);
  });

  const datum = (r: DiagnosticRow) => {
    const cell = r.needs[category];
    return {
      code: r.unit.code, name: r.unit.name, country: r.unit.country, lat: r.unit.lat, lon: r.unit.lon,
      count: cell?.count ?? null, ratio: cell?.ratio ?? null,
      href: ctx.can('needs.read') ? ctx.href('needs/groups') + `?category=${encodeURIComponent(category)}` + (r.unit.level === 'commune' ? `&commune=${encodeURIComponent(r.unit.code)}` : '') : undefined,
    };
  };
  const fr = d.rows.filter((r) => r.unit.country === 'FR' && Number.isFinite(r.unit.lat)).map(datum);
  const it = d.rows.filter((r) => r.unit.country === 'IT' && Number.isFinite(r.unit.lat)).map(datum);
  const need = label('need_category', category);
  const rows = d.rows.slice(0, MAX_ROWS);

  const figures = h('form', { class: 'fr-mt-2w', novalidate: true },
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({ name: 'indicator', label: t('needs.diagnostic.figure_indicator'), options: tx.indicators.filter((i) => i.source === 'pole').map((i) => ({ value: i.code, label: localized(i.label, i.code) })) })),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({ name: 'territory', label: t('needs.diagnostic.figure_territory'), options: d.rows.map((r) => ({ value: r.unit.code, label: r.unit.name })) })),
      h('div', { class: 'fr-col-12 fr-col-md-2' }, inputField({ name: 'value', type: 'number', step: 'any', label: t('needs.diagnostic.figure_value') })),
      h('div', { class: 'fr-col-12 fr-col-md-2' }, h('button', { class: 'fr-btn fr-btn--secondary fr-mt-md-4w', type: 'submit' }, t('needs.diagnostic.figure_save')))));
  figures.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(figures);
    const data = new FormData(figures);
    try {
      await ctx.api.put(`${base(ctx)}/figures`, { figures: [{ indicator: String(data.get('indicator')), level, territory: String(data.get('territory')), value: Number(data.get('value')) }] });
      ctx.navigate(ctx.href('needs/diagnostic') + `?level=${level}&category=${encodeURIComponent(category)}`, { replace: true });
    } catch (err) {
      showFormError(figures, err);
    }
  });

  const exportLink = (format: string) => h('a', {
    class: 'fr-link fr-icon-download-line fr-link--icon-left', download: '',
    href: `${base(ctx)}/diagnostic?level=${level}&category=${encodeURIComponent(category)}&format=${format}`,
  }, t(`needs.diagnostic.export_${format}`));

  return h('div', null,
    pageTitle(t('needs.diagnostic.title')),
    needsNav(ctx, 'diagnostic'),
    h('p', { class: 'fr-text--lead' }, t('needs.diagnostic.intro')),
    form,
    h('p', { role: 'status' }, t('needs.diagnostic.summary', { count: d.records, territories: d.rows.length, level: t(`needs.level.${level}`) }),
      d.without_commune ? ` ${t('needs.diagnostic.without_commune', { count: d.without_commune })}` : '',
      d.outside_level ? ` ${t('needs.diagnostic.outside_level', { count: d.outside_level })}` : ''),
    notice(t('needs.diagnostic.suppression', { min: d.min_cell_size, count: d.suppressed_cells })),
    fr.length ? h('figure', { class: 'mai-map-figure' },
      franceMap(t('needs.diagnostic.map_title', { need: need, level: t(`needs.level.${level}`) }), level, fr),
      h('figcaption', { class: 'fr-text--sm fr-mt-1w' }, t('needs.diagnostic.map_caption'))) : null,
    it.length ? h('figure', { class: 'mai-map-figure' },
      italyMap(t('needs.diagnostic.map_title_it', { need: need }), it),
      h('figcaption', { class: 'fr-text--sm fr-mt-1w' }, t('needs.diagnostic.map_caption_it'))) : null,
    fr.length || it.length ? legend() : null,
    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('needs.diagnostic.hotspots', { need })),
    d.hotspots.length ? table(t('needs.diagnostic.hotspots_caption'), [
      { header: t('needs.col.territory'), cell: (x) => x.unit.name },
      { header: t('needs.col.count'), numeric: true, cell: (x) => formatNumber(x.count, undefined, 0) },
      { header: t('needs.col.rate'), numeric: true, cell: (x) => formatNumber(x.rate_per_1000) },
      { header: t('needs.col.reference'), numeric: true, cell: (x) => formatNumber(x.reference_rate) },
      { header: t('needs.col.ratio'), numeric: true, cell: (x) => ratioText(x.ratio) },
    ], d.hotspots) : notice(t('needs.diagnostic.no_hotspots')),
    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('needs.diagnostic.table_title', { need })),
    rows.length ? table(t('needs.diagnostic.table_caption', { need, min: d.min_cell_size }), [
      { header: t('needs.col.territory'), cell: (r) => r.unit.name },
      { header: t('needs.col.population'), numeric: true, cell: (r) => formatNumber(r.unit.population, undefined, 0) },
      { header: t('needs.col.records'), numeric: true, cell: (r) => cellText(r.records.count, d.min_cell_size) },
      { header: need, numeric: true, cell: (r) => cellText(r.needs[category]?.count, d.min_cell_size) },
      { header: t('needs.col.rate'), numeric: true, cell: (r) => (r.needs[category]?.rate_per_1000 === null || r.needs[category]?.rate_per_1000 === undefined ? '—' : formatNumber(r.needs[category].rate_per_1000)) },
      { header: t('needs.col.share'), numeric: true, cell: (r) => shareText(r.needs[category]?.share) },
      { header: t('needs.col.ratio'), numeric: true, cell: (r) => ratioText(r.needs[category]?.ratio) },
    ], rows) : notice(t('needs.diagnostic.empty')),
    d.rows.length > MAX_ROWS ? h('p', { class: 'fr-text--sm' }, t('needs.diagnostic.more', { shown: MAX_ROWS, total: d.rows.length })) : null,
    h('p', { class: 'mai-actions' }, exportLink('csv'), exportLink('xlsx'), exportLink('json')),
    h('h2', { class: 'fr-h4 fr-mt-4w' }, t('needs.diagnostic.dimensions')),
    ...dimensionTables(d, tx, rows.slice(0, 15)),
    ctx.can('needs.plan') && d.rows.length ? [h('h2', { class: 'fr-h4 fr-mt-4w' }, t('needs.diagnostic.figures_title')), h('p', null, t('needs.diagnostic.figures_text')), figures] : null);
}
