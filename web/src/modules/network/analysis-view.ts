// The analysis in tables, run as a background job with its progress: who holds the system
// together (degree, strength, brokerage), the communities, the structural balance and its
// frustrated relations, and suggestions for one actor. Also the accessible reading of the graph.
import { errorFromJob } from '../../app/api';
import { h } from '../../app/h';
import { has, t } from '../../app/i18n';
import { formatNumber, formatPercent } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import type { Job } from '../../app/types';
import { errorAlert, selectField } from '../../components/forms';
import { notice, pageTitle, table } from '../../components/ui';
import { pollJob, progressRatio } from '../imports/poll';
import { base, loadRules, scopeForm, tabs } from './common';
import { filtersToQuery, parseFilters, type ActorMetrics, type Analysis, type NetworkFilters } from './model';
import './network.css';

export default async function analysisView(ctx: ViewContext): Promise<Node> {
  const rules = await loadRules(ctx);
  const f = parseFilters(ctx.query, rules.years);
  const focus = ctx.query.get('focus') ?? '';
  const out = h('div', { id: 'analysis-result' });
  const page = h('div', null,
    pageTitle(t('network.analysis.title')),
    tabs(ctx, 'analysis', f),
    scopeForm(ctx, rules, f, 'network/analysis'),
    out);
  void run(ctx, f, focus, out);
  return page;
}

async function run(ctx: ViewContext, f: NetworkFilters, focus: string, out: HTMLElement): Promise<void> {
  const bar = h('progress', { class: 'mai-progress', max: '100', id: 'analysis-progress', 'aria-labelledby': 'analysis-progress-label' });
  const label = h('p', { id: 'analysis-progress-label', class: 'fr-mb-1w', role: 'status' }, t('network.analysis.running'));
  out.replaceChildren(label, bar);
  try {
    const started = await ctx.api.post<{ job_id: string }>(`${base(ctx)}/analysis`, {
      year: f.year, mission: f.mission || undefined, focus: focus ? [Number(focus)] : undefined,
    });
    const job = await pollJob(() => ctx.api.get<Job>(`/api/jobs/${encodeURIComponent(started.job_id)}`, undefined, ctx.signal), {
      signal: ctx.signal, interval: 200,
      onUpdate: (j) => {
        const ratio = progressRatio(j);
        if (ratio !== null) bar.value = Math.round(ratio * 100);
        const stage = j.progress?.stage;
        if (stage) label.textContent = has(`network.analysis.stage.${stage}`) ? t(`network.analysis.stage.${stage}`) : stage;
      },
    });
    if (job.status === 'failed') throw errorFromJob(job.error);
    out.replaceChildren(results(ctx, f, job.result as Analysis, focus));
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return;
    out.replaceChildren(errorAlert(err));
  }
}

function figure(value: string, text: string): HTMLElement {
  return h('div', { class: 'mai-figure' }, h('p', { class: 'mai-figure__value' }, value), h('p', { class: 'mai-figure__label' }, text));
}

function results(ctx: ViewContext, f: NetworkFilters, a: Analysis, focus: string): HTMLElement {
  if (!a.actors.length) return notice(t('network.graph.empty', { year: f.year }));
  const name = (id: string) => a.actors.find((x) => x.id === id)?.label ?? id;
  const ranked = [...a.actors].sort((x, y) => y.betweenness - x.betweenness);
  const digits = (v: number) => formatNumber(v, undefined, 3);
  return h('div', null,
    h('div', { class: 'mai-figures' },
      figure(formatNumber(a.summary.actors), t('network.analysis.actors')),
      figure(formatNumber(a.summary.relations), t('network.analysis.relations')),
      figure(formatNumber(a.communities.count), t('network.analysis.communities')),
      figure(a.balance.triangles ? formatPercent(a.balance.balanced_share) : '—', t('network.analysis.balanced_share')),
      figure(formatNumber(a.balance.frustration), t('network.analysis.frustration'))),
    a.summary.betweenness.method === 'sampled' ? notice(t('network.analysis.sampled', { sources: a.summary.betweenness.sources })) : null,
    h('h2', { class: 'fr-h4' }, t('network.analysis.centrality_title')),
    h('p', { class: 'fr-text--sm' }, t('network.analysis.centrality_help')),
    table<ActorMetrics>(t('network.analysis.centrality_title'), [
      { header: t('network.analysis.col_actor'), cell: (m) => h('a', { href: ctx.href(`network/actors/${m.id}`) + filtersToQuery({ year: f.year, mission: f.mission }) }, m.label) },
      { header: t('network.analysis.col_degree'), numeric: true, cell: (m) => formatNumber(m.degree) },
      { header: t('network.analysis.col_strength'), numeric: true, cell: (m) => formatNumber(m.strength, undefined, 1) },
      { header: t('network.analysis.col_betweenness'), numeric: true, cell: (m) => digits(m.betweenness) },
      { header: t('network.analysis.col_pagerank'), numeric: true, cell: (m) => digits(m.pagerank) },
      { header: t('network.analysis.col_community'), numeric: true, cell: (m) => String(m.community + 1) },
      { header: t('network.analysis.col_unbalanced'), numeric: true, cell: (m) => formatNumber(m.unbalanced_triangles) },
    ], ranked, { hideCaption: true }),
    h('h2', { class: 'fr-h4 fr-mt-4w' }, t('network.analysis.communities_title')),
    h('p', { class: 'fr-text--sm' }, t('network.analysis.communities_help')),
    h('ol', null, a.communities.items.map((c) => h('li', null, c.members.map(name).join(', ')))),
    h('h2', { class: 'fr-h4 fr-mt-4w' }, t('network.analysis.balance_title')),
    h('p', null, a.balance.triangles
      ? t('network.analysis.balance_text', { balanced: a.balance.balanced, triangles: a.balance.triangles, share: formatPercent(a.balance.balanced_share) })
      : t('network.analysis.no_triangle')),
    a.balance.frustrated_relations.length
      ? table(t('network.analysis.frustrated_caption'), [
        { header: t('network.analysis.col_pair'), cell: (r) => `${name(r.a)} — ${name(r.b)}` },
        { header: t('network.analysis.col_sign'), cell: (r) => (r.weight > 0 ? t('network.analysis.positive') : t('network.analysis.negative')) },
        { header: t('network.analysis.col_unbalanced'), numeric: true, cell: (r) => formatNumber(r.unbalanced_triangles) },
      ], a.balance.frustrated_relations)
      : null,
    suggestions(ctx, f, a, focus, name));
}

function suggestions(ctx: ViewContext, f: NetworkFilters, a: Analysis, focus: string, name: (id: string) => string): HTMLElement {
  const form = h('form', { class: 'fr-mb-2w' },
    selectField({ name: 'focus', label: t('network.suggest.focus'), value: focus, empty: t('network.relation.choose'), options: [...a.actors].sort((x, y) => x.label.localeCompare(y.label)).map((m) => ({ value: m.id, label: m.label })) }),
    h('button', { class: 'fr-btn fr-btn--secondary fr-btn--sm', type: 'submit' }, t('network.suggest.show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = String(new FormData(form).get('focus') ?? '');
    ctx.navigate(ctx.href('network/analysis') + filtersToQuery({ year: f.year, mission: f.mission }) + (chosen ? `${f.year ? '&' : '?'}focus=${chosen}` : ''));
  });
  const s = a.suggestions[0];
  return h('section', { class: 'fr-mt-4w', 'aria-labelledby': 'suggest-title' },
    h('h2', { class: 'fr-h4', id: 'suggest-title' }, t('network.suggest.title')),
    h('p', { class: 'fr-text--sm' }, t('network.suggest.help')),
    form,
    s ? h('div', null,
      h('h3', { class: 'fr-h6' }, t('network.suggest.allies_of_allies')),
      s.allies_of_allies.length
        ? h('ul', null, s.allies_of_allies.map((x) => h('li', null, t('network.suggest.through', { actor: name(x.id), allies: x.through.map(name).join(', ') }))))
        : h('p', null, t('network.suggest.none')),
      h('h3', { class: 'fr-h6' }, t('network.suggest.opponents_of_allies')),
      s.opponents_of_allies.length
        ? h('ul', null, s.opponents_of_allies.map((x) => h('li', null, t('network.suggest.opposes', { actor: name(x.id), allies: x.opposes.map(name).join(', ') }))))
        : h('p', null, t('network.suggest.none'))) : null);
}
