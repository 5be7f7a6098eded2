// The actor system as an interactive graph (Cytoscape.js, loaded with this page only): edges
// coloured and drawn by nature, nodes coloured by community and sized by brokerage. Clicking
// an actor, in the graph or in the list under it, opens its Grille I card beside the graph.
import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape';
import { h } from '../../app/h';
import { localized, t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { errorAlert } from '../../components/forms';
import { notice, pageTitle } from '../../components/ui';
import { base, codeLabel, intensityLabel, legend, loadRules, loadScope, natureLabel, natureOf, scopeForm, tabs } from './common';
import { cardSummary } from './card-summary';
import { COMMUNITY_COLOURS, filtersToQuery, parseFilters, relationVisible, type Analysis, type Card, type NetworkFilters, type NetworkRules, type Scope } from './model';
import './network.css';

export default async function graphView(ctx: ViewContext): Promise<Node> {
  const rules = await loadRules(ctx);
  const f = parseFilters(ctx.query, rules.years);
  const [scope, analysis, cytoscape] = await Promise.all([
    loadScope(ctx, f),
    ctx.api.get<Analysis>(`${base(ctx)}/analysis`, { year: f.year, mission: f.mission }, ctx.signal),
    import('cytoscape').then((m) => m.default),
  ]);
  const visible = scope.relations.filter((r) => relationVisible(r, f));
  const panel = h('section', { class: 'mai-network-panel', id: 'network-panel', 'aria-live': 'polite', 'aria-labelledby': 'network-panel-title' },
    h('h2', { class: 'fr-h5', id: 'network-panel-title' }, t('network.graph.panel_title')),
    h('p', { class: 'fr-text--sm' }, t('network.graph.panel_hint')));
  const container = h('div', {
    class: 'mai-network-graph', id: 'network-graph', role: 'img',
    'aria-label': t('network.graph.aria', { actors: scope.actors.length, relations: visible.length }),
  });

  let cy: Core | null = null;
  const select = (id: string) => {
    cy?.$(':selected').unselect();
    cy?.$id(id).select();
    void showActor(ctx, rules, scope, f, Number(id), panel);
  };
  const page = h('div', null,
    pageTitle(t('network.graph.title')),
    tabs(ctx, 'graph', f),
    filters(ctx, rules, f),
    legend(rules),
    scope.actors.length
      ? h('div', { class: 'mai-network-layout' }, h('div', null, container, actorList(scope, analysis, select)), panel)
      : notice(t('network.graph.empty', { year: f.year })));
  if (scope.actors.length) {
    // Cytoscape measures its container: draw once the page is in the document.
    requestAnimationFrame(() => {
      if (ctx.signal.aborted) return;
      cy = cytoscape({
        container,
        elements: elements(rules, scope, analysis, visible),
        style: styles(),
        // Force-directed, spread enough for the labels to be read.
        layout: {
          name: 'cose', animate: false, randomize: true, padding: 20, componentSpacing: 40,
          nodeRepulsion: () => 90000, idealEdgeLength: () => 90, edgeElasticity: () => 100,
          nodeOverlap: 20, gravity: 30, numIter: 2000,
        },
        wheelSensitivity: 0.3,
        boxSelectionEnabled: false,
      });
      cy.on('tap', 'node', (event) => select(event.target.id()));
      ctx.signal.addEventListener('abort', () => cy?.destroy(), { once: true });
    });
  }
  return page;
}

function filters(ctx: ViewContext, rules: NetworkRules, f: NetworkFilters): HTMLElement {
  const checks = (name: string, legendText: string, options: Array<{ value: string; label: string }>, chosen: string[]) =>
    h('div', { class: 'fr-col-12' },
      h('fieldset', { class: 'fr-fieldset fr-mb-0' },
        h('legend', { class: 'fr-fieldset__legend fr-text--regular' }, legendText),
        h('div', { class: 'mai-network-checks' }, options.map((o) => {
          const id = `f-${name}-${o.value}`;
          return h('div', { class: 'fr-fieldset__element' },
            h('div', { class: 'fr-checkbox-group fr-checkbox-group--sm' },
              h('input', { type: 'checkbox', id, name, value: o.value, checked: chosen.includes(o.value) }),
              h('label', { class: 'fr-label', for: id }, o.label)));
        }))));
  return scopeForm(ctx, rules, f, 'network', [
    checks('natures', t('network.graph.filter_natures'), rules.natures.map((n) => ({ value: n.code, label: localized(n.label, n.code) })), f.natures),
    checks('objects', t('network.graph.filter_objects'), rules.objects.map((o) => ({ value: o.code, label: localized(o.label, o.code) })), f.objects),
  ]);
}

function elements(rules: NetworkRules, scope: Scope, analysis: Analysis, visible: Scope['relations']): ElementDefinition[] {
  const metrics = new Map(analysis.actors.map((a) => [a.id, a]));
  const top = Math.max(1e-9, ...analysis.actors.map((a) => a.betweenness));
  const nodes: ElementDefinition[] = scope.actors.map((a) => {
    const m = metrics.get(String(a.id));
    return {
      data: {
        id: String(a.id), label: a.name,
        colour: COMMUNITY_COLOURS[(m?.community ?? 0) % COMMUNITY_COLOURS.length],
        size: 26 + 38 * Math.sqrt((m?.betweenness ?? 0) / top),
      },
    };
  });
  const edges: ElementDefinition[] = visible.map((r, i) => {
    const n = natureOf(rules, r.nature);
    return {
      data: {
        id: `r${i}`, source: String(r.from_actor), target: String(r.to_actor),
        colour: n?.colour ?? '#666666', line: n?.line ?? 'solid', width: 1 + 1.5 * r.intensity,
        opacity: r.derived ? 0.55 : 0.9,
      },
    };
  });
  return [...nodes, ...edges];
}

function styles() {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)', label: 'data(label)',
        'font-size': 12, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap', 'text-max-width': '120px',
        color: '#161616', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': '1px',
      },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#000091' } },
    {
      selector: 'edge',
      style: {
        'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle',
        'line-style': 'data(line)', width: 'data(width)', opacity: 'data(opacity)', 'curve-style': 'bezier',
      },
    },
  ] as StylesheetJson;
}

/** The actors as buttons, most central first: the keyboard's way into the graph. */
function actorList(scope: Scope, analysis: Analysis, select: (id: string) => void): HTMLElement {
  const metrics = new Map(analysis.actors.map((a) => [a.id, a]));
  const sorted = [...scope.actors].sort((a, b) => (metrics.get(String(b.id))?.betweenness ?? 0) - (metrics.get(String(a.id))?.betweenness ?? 0));
  return h('section', { class: 'fr-mt-2w', 'aria-labelledby': 'network-actors-title' },
    h('h2', { class: 'fr-h6', id: 'network-actors-title' }, t('network.graph.actors_title')),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline fr-btns-group--sm' },
      sorted.map((a) => h('li', null, h('button', {
        class: 'fr-btn fr-btn--tertiary fr-btn--sm', type: 'button', 'aria-controls': 'network-panel', 'data-actor': a.id,
        onclick: () => select(String(a.id)),
      }, a.name)))));
}

async function showActor(ctx: ViewContext, rules: NetworkRules, scope: Scope, f: NetworkFilters, id: number, panel: HTMLElement): Promise<void> {
  const actor = scope.actors.find((a) => a.id === id);
  if (!actor) return;
  const mission = f.mission || rules.missions[0]?.code || '';
  const heading = h('h2', { class: 'fr-h5', id: 'network-panel-title', tabindex: '-1' }, actor.name);
  panel.replaceChildren(heading, h('p', { class: 'mai-loading', role: 'status' }, t('shell.loading')));
  try {
    const [card, focused] = await Promise.all([
      ctx.api.get<Card>(`${base(ctx)}/actors/${id}/card`, { year: f.year, mission }, ctx.signal),
      ctx.api.get<Analysis>(`${base(ctx)}/analysis`, { year: f.year, mission: f.mission, focus: id }, ctx.signal),
    ]);
    const name = (key: string) => scope.actors.find((a) => String(a.id) === key)?.name ?? key;
    const hints = focused.suggestions[0];
    const own = scope.relations.filter((r) => r.from_actor === id);
    const parts: Array<Node | null> = [heading,
      h('p', { class: 'fr-text--sm fr-mb-1w' }, t('network.graph.card_of', { mission: codeLabel(rules.missions, mission), year: f.year })),
      cardSummary(rules, card),
      h('p', null, h('a', { class: 'fr-link', href: ctx.href(`network/actors/${id}`) + filtersToQuery({ year: f.year, mission }) }, t('network.graph.open_card'))),
      own.length ? h('div', null,
        h('h3', { class: 'fr-h6 fr-mb-1w' }, t('network.graph.relations_of')),
        h('ul', { class: 'fr-text--sm' }, own.map((r) => h('li', null,
          `${natureLabel(rules, r.nature)} → ${name(String(r.to_actor))}`,
          r.object ? ` (${codeLabel(rules.objects, r.object)})` : '',
          `, ${intensityLabel(rules, r.intensity)}`,
          r.derived ? ` — ${t('network.derived')}` : '')))) : null,
      hints?.allies_of_allies.length ? h('div', null,
        h('h3', { class: 'fr-h6 fr-mb-1w' }, t('network.suggest.allies_of_allies')),
        h('ul', { class: 'fr-text--sm' }, hints.allies_of_allies.map((s) => h('li', null,
          t('network.suggest.through', { actor: name(s.id), allies: s.through.map(name).join(', ') }))))) : null,
      hints?.opponents_of_allies.length ? h('div', null,
        h('h3', { class: 'fr-h6 fr-mb-1w' }, t('network.suggest.opponents_of_allies')),
        h('ul', { class: 'fr-text--sm' }, hints.opponents_of_allies.map((s) => h('li', null,
          t('network.suggest.opposes', { actor: name(s.id), allies: s.opposes.map(name).join(', ') }))))) : null];
    panel.replaceChildren(...parts.filter((p): p is Node => p !== null));
    heading.focus();
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return;
    panel.replaceChildren(heading, errorAlert(err));
  }
}
