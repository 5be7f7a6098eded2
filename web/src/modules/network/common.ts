// What the network pages share: the pole's rules, the tabs, the year and mission selectors and
// the legend of natures.
import { h } from '../../app/h';
import { localized, t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { selectField } from '../../components/forms';
import { filtersToQuery, type NetworkFilters, type NetworkRules, type Nature, type Scope } from './model';

export function base(ctx: ViewContext): string {
  return `/api/poles/${encodeURIComponent(ctx.pole.slug)}/network`;
}

export function loadRules(ctx: ViewContext): Promise<NetworkRules> {
  return ctx.api.get<NetworkRules>(base(ctx), undefined, ctx.signal);
}

export function loadScope(ctx: ViewContext, f: NetworkFilters): Promise<Scope> {
  return ctx.api.get<Scope>(`${base(ctx)}/relations`, { year: f.year, mission: f.mission }, ctx.signal);
}

export function natureOf(rules: NetworkRules, code: string): Nature | undefined {
  return rules.natures.find((n) => n.code === code);
}

export function natureLabel(rules: NetworkRules, code: string): string {
  const n = natureOf(rules, code);
  return n ? localized(n.label, code) : code;
}

export function natureAbbreviation(rules: NetworkRules, code: string): string {
  const n = natureOf(rules, code);
  return n ? localized(n.abbreviation, code) : code;
}

export function codeLabel(list: Array<{ code: string; label: Record<string, string | undefined> }>, code: string | null | undefined): string {
  if (!code) return '';
  const found = list.find((x) => x.code === code);
  return found ? localized(found.label, code) : code;
}

export function intensityLabel(rules: NetworkRules, level: number): string {
  const found = rules.intensities.find((i) => i.level === level);
  return found ? localized(found.label, String(level)) : String(level);
}

type Tab = 'graph' | 'matrix' | 'analysis' | 'compare';

/** The tabs between the module's pages; the filters follow from page to page. */
export function tabs(ctx: ViewContext, current: Tab, f: Partial<NetworkFilters>): HTMLElement {
  const entries: Array<[Tab, string, string]> = [
    ['graph', 'network', t('network.tabs.graph')],
    ['matrix', 'network/matrix', t('network.tabs.matrix')],
    ['analysis', 'network/analysis', t('network.tabs.analysis')],
    ['compare', 'network/compare', t('network.tabs.compare')],
  ];
  const query = filtersToQuery({ year: f.year, mission: f.mission });
  return h('nav', { class: 'mai-network-tabs fr-mb-3w', 'aria-label': t('network.tabs.label') },
    h('ul', null, entries.map(([tab, path, label]) => h('li', null,
      h('a', { href: ctx.href(path) + query, class: tab === current ? 'is-current' : undefined, 'aria-current': tab === current ? 'page' : undefined }, label)))));
}

export function yearOptions(rules: NetworkRules, selected: number): Array<{ value: string; label: string }> {
  const years = new Set(rules.years);
  years.add(selected);
  years.add(new Date().getFullYear());
  return [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
}

export function missionOptions(rules: NetworkRules): Array<{ value: string; label: string }> {
  return rules.missions.map((m) => ({ value: m.code, label: localized(m.label, m.code) }));
}

/** Year and mission selectors that reload the page with the new scope. */
export function scopeForm(ctx: ViewContext, rules: NetworkRules, f: NetworkFilters, path: string, extra: Node[] = []): HTMLFormElement {
  const form = h('form', { class: 'mai-filters', role: 'search', 'aria-label': t('network.scope.label') },
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-3' }, selectField({ name: 'year', label: t('network.scope.year'), value: String(f.year), options: yearOptions(rules, f.year) })),
      h('div', { class: 'fr-col-12 fr-col-md-5' }, selectField({ name: 'mission', label: t('network.scope.mission'), value: f.mission, empty: t('network.scope.every_mission'), options: missionOptions(rules) })),
      ...extra,
      h('div', { class: 'fr-col-12 fr-col-md-4' }, h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('network.scope.apply')))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const natures = data.getAll('natures').map(String);
    const objects = data.getAll('objects').map(String);
    ctx.navigate(ctx.href(path) + filtersToQuery({ year: Number(data.get('year')), mission: String(data.get('mission') ?? ''), natures, objects }));
  });
  return form;
}

/** A sample of the nature's line, drawn, with its colour, abbreviation and label: colour is never the only cue. */
export function legend(rules: NetworkRules): HTMLElement {
  return h('ul', { class: 'mai-network-legend', 'aria-label': t('network.legend.title') },
    rules.natures.map((n) => h('li', null,
      h('span', { class: `mai-network-swatch mai-network-swatch--${n.line}`, style: `--nature:${n.colour}`, 'aria-hidden': 'true' }),
      h('abbr', { title: localized(n.label, n.code) }, localized(n.abbreviation, n.code)),
      ' ', localized(n.label, n.code),
      h('span', { class: 'mai-network-weight' }, ` (${t('network.legend.weight', { weight: n.weight })})`))));
}

export function actorName(scope: Scope, id: number | string): string {
  const found = scope.actors.find((a) => String(a.id) === String(id));
  return found ? found.name : String(id);
}
