// Two yearly snapshots of the actor system side by side: the new, lost and changed relations,
// how the communities moved and whose place in the system changed most.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatNumber, formatPercent } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { formValues, selectField } from '../../components/forms';
import { notice, pageTitle, table } from '../../components/ui';
import { base, codeLabel, intensityLabel, loadRules, missionOptions, natureLabel, tabs, yearOptions } from './common';
import type { ComparedRelation, Comparison, NetworkRules } from './model';
import './network.css';

export default async function compareView(ctx: ViewContext): Promise<Node> {
  const rules = await loadRules(ctx);
  const years = [...rules.years].sort((a, b) => b - a);
  const after = Number(ctx.query.get('to')) || years[0] || new Date().getFullYear();
  const before = Number(ctx.query.get('from')) || years.find((y) => y < after) || after - 1;
  const mission = ctx.query.get('mission') ?? '';
  const form = h('form', { class: 'mai-filters', 'aria-label': t('network.compare.form_label') },
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-3' }, selectField({ name: 'from', label: t('network.compare.from'), value: String(before), options: yearOptions(rules, before) })),
      h('div', { class: 'fr-col-12 fr-col-md-3' }, selectField({ name: 'to', label: t('network.compare.to'), value: String(after), options: yearOptions(rules, after) })),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({ name: 'mission', label: t('network.scope.mission'), value: mission, empty: t('network.scope.every_mission'), options: missionOptions(rules) })),
      h('div', { class: 'fr-col-12 fr-col-md-2' }, h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('network.compare.submit')))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = formValues(form);
    const q = new URLSearchParams({ from: String(v.from), to: String(v.to) });
    if (v.mission) q.set('mission', String(v.mission));
    ctx.navigate(`${ctx.href('network/compare')}?${q}`);
  });
  const c = await ctx.api.get<Comparison>(`${base(ctx)}/compare`, { from: before, to: after, mission }, ctx.signal);
  return h('div', null,
    pageTitle(t('network.compare.title')),
    tabs(ctx, 'compare', { year: after, mission }),
    form,
    summary(c),
    changes(rules, c));
}

function summary(c: Comparison): HTMLElement {
  const row = (label: string, value: (s: Comparison['before']) => string) => ({ label, before: value(c.before), after: value(c.after) });
  const rows = [
    row(t('network.compare.row_actors'), (s) => formatNumber(s.actors)),
    row(t('network.compare.row_relations'), (s) => formatNumber(s.relations)),
    row(t('network.compare.row_communities'), (s) => formatNumber(s.communities)),
    row(t('network.compare.row_balanced'), (s) => formatPercent(s.balanced_share)),
    row(t('network.compare.row_frustration'), (s) => formatNumber(s.frustration)),
  ];
  return h('div', null,
    table(t('network.compare.summary_caption', { from: c.before.year, to: c.after.year }), [
      { header: t('network.compare.indicator'), cell: (r) => r.label },
      { header: String(c.before.year), numeric: true, cell: (r) => r.before },
      { header: String(c.after.year), numeric: true, cell: (r) => r.after },
    ], rows),
    h('p', null,
      t('network.compare.counts', { added: c.added.length, lost: c.lost.length, changed: c.changed.length, unchanged: c.unchanged }),
      c.communities_nmi !== null ? ` ${t('network.compare.nmi', { value: formatNumber(c.communities_nmi, undefined, 2) })}` : ''));
}

function relationText(c: Comparison, r: ComparedRelation): string {
  const name = (id: number) => c.names[String(id)] ?? String(id);
  return `${name(r.from_actor)} → ${name(r.to_actor)}`;
}

function describe(rules: NetworkRules, r: ComparedRelation): string {
  return [natureLabel(rules, r.nature), r.object ? codeLabel(rules.objects, r.object) : '', intensityLabel(rules, r.intensity), r.derived ? t('network.derived') : '']
    .filter(Boolean).join(', ');
}

function changes(rules: NetworkRules, c: Comparison): HTMLElement {
  const list = (title: string, items: ComparedRelation[]) => h('section', { class: 'fr-mt-3w' },
    h('h2', { class: 'fr-h5' }, title),
    items.length
      ? table(title, [
        { header: t('network.compare.col_relation'), cell: (r: ComparedRelation) => relationText(c, r) },
        { header: t('network.compare.col_assessment'), cell: (r: ComparedRelation) => describe(rules, r) },
        { header: t('network.scope.mission'), cell: (r: ComparedRelation) => (r.mission ? codeLabel(rules.missions, r.mission) : t('network.scope.every_mission')) },
      ], items, { hideCaption: true })
      : h('p', null, t('network.compare.none')));
  const moved = c.actors.filter((a) => a.degree_after !== a.degree_before).slice(0, 15);
  return h('div', null,
    list(t('network.compare.added', { year: c.after.year }), c.added),
    list(t('network.compare.lost', { year: c.after.year }), c.lost),
    h('section', { class: 'fr-mt-3w' },
      h('h2', { class: 'fr-h5' }, t('network.compare.changed')),
      c.changed.length
        ? table(t('network.compare.changed'), [
          { header: t('network.compare.col_relation'), cell: (x) => relationText(c, x.after) },
          { header: String(c.before.year), cell: (x) => describe(rules, x.before) },
          { header: String(c.after.year), cell: (x) => describe(rules, x.after) },
        ], c.changed, { hideCaption: true })
        : h('p', null, t('network.compare.none'))),
    h('section', { class: 'fr-mt-3w' },
      h('h2', { class: 'fr-h5' }, t('network.compare.actors_title')),
      moved.length
        ? table(t('network.compare.actors_title'), [
          { header: t('network.analysis.col_actor'), cell: (a) => a.name },
          { header: t('network.compare.degree', { year: c.before.year }), numeric: true, cell: (a) => formatNumber(a.degree_before) },
          { header: t('network.compare.degree', { year: c.after.year }), numeric: true, cell: (a) => formatNumber(a.degree_after) },
          {
            header: t('network.compare.delta'), numeric: true,
            cell: (a) => {
              const d = a.degree_after - a.degree_before;
              return h('span', { class: d > 0 ? 'mai-delta-up' : 'mai-delta-down' }, `${d > 0 ? '+' : '−'}${formatNumber(Math.abs(d))}`);
            },
          },
        ], moved, { hideCaption: true })
        : notice(t('network.compare.none'))));
}
