// Grille II as the seed draws it: actors in rows and columns (row A, column B: how A relates
// to B), each cell in its nature's colour with the nature's abbreviation and the object written
// in it. Writers click a cell to record or change the relation; the matrix exports to XLSX.
import { h } from '../../app/h';
import { localized, t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { errorAlert, fieldset, formValues, selectField, showFormError, textareaField } from '../../components/forms';
import { notice, pageTitle } from '../../components/ui';
import { actorName, base, codeLabel, intensityLabel, legend, loadRules, loadScope, natureAbbreviation, natureLabel, natureOf, scopeForm, tabs } from './common';
import { filtersToQuery, matrixCells, parseFilters, textOn, type NetworkFilters, type NetworkRules, type Relation, type Scope } from './model';
import { naturesSection } from './natures-form';
import './network.css';

export default async function matrixView(ctx: ViewContext): Promise<Node> {
  const rules = await loadRules(ctx);
  const f = parseFilters(ctx.query, rules.years);
  const scope = await loadScope(ctx, f);
  const editor = h('div', { id: 'matrix-editor' });
  const reload = (notice?: string) => ctx.navigate(ctx.href('network/matrix') + filtersToQuery(f) + (notice ? `${filtersToQuery(f) ? '&' : '?'}saved=${notice}` : ''), { replace: true });
  const saved = ctx.query.get('saved');
  return h('div', null,
    pageTitle(t('network.matrix.title')),
    tabs(ctx, 'matrix', f),
    saved ? notice(t(`network.matrix.saved_${saved === 'derived' ? 'derived' : saved === 'copied' ? 'copied' : 'relation'}`), 'success') : null,
    scopeForm(ctx, rules, f, 'network/matrix'),
    h('p', null, t('network.matrix.intro')),
    legend(rules),
    toolbar(ctx, rules, f, scope, reload),
    scope.actors.length ? matrix(ctx, rules, f, scope, editor, reload) : notice(t('network.matrix.empty', { year: f.year })),
    editor,
    ctx.can('network.write') ? addRelation(ctx, rules, f, reload) : null,
    ctx.can('network.manage') ? naturesSection(ctx, rules) : null);
}

function toolbar(ctx: ViewContext, rules: NetworkRules, f: NetworkFilters, scope: Scope, reload: (n?: string) => void): HTMLElement {
  const exportLink = (format: string, label: string) =>
    h('a', { class: 'fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left', href: `${base(ctx)}/exports?year=${f.year}${f.mission ? `&mission=${encodeURIComponent(f.mission)}` : ''}&format=${format}&lang=${document.documentElement.lang || 'fr'}`, download: '' }, label);
  const out = h('div', { class: 'mai-actions' });
  if (ctx.can('exports.run')) out.append(exportLink('xlsx', t('network.matrix.export_xlsx')), exportLink('graphml', t('network.matrix.export_graphml')), exportLink('gexf', t('network.matrix.export_gexf')));
  if (ctx.can('network.manage'))
    out.append(h('button', {
      class: 'fr-btn fr-btn--tertiary fr-btn--sm', type: 'button',
      onclick: async () => {
        try {
          await ctx.api.post(`${base(ctx)}/derived/refresh`, { year: f.year });
          reload('derived');
        } catch (err) {
          out.after(errorAlert(err));
        }
      },
    }, t('network.matrix.refresh_derived')));
  const previous = rules.years.find((y) => y < f.year);
  if (ctx.can('network.write') && previous && !scope.relations.some((r) => !r.derived))
    out.append(h('button', {
      class: 'fr-btn fr-btn--tertiary fr-btn--sm', type: 'button',
      onclick: async () => {
        try {
          await ctx.api.post(`${base(ctx)}/relations/copy`, { from_year: previous, to_year: f.year });
          reload('copied');
        } catch (err) {
          out.after(errorAlert(err));
        }
      },
    }, t('network.matrix.copy_year', { year: previous })));
  return out;
}

function cellText(rules: NetworkRules, r: Relation, withMission: boolean): string {
  const parts = [natureAbbreviation(rules, r.nature)];
  if (r.object) parts.push(codeLabel(rules.objects, r.object));
  let text = parts.join(' · ');
  if (withMission && r.mission) text += ` (${codeLabel(rules.missions, r.mission)})`;
  if (r.derived) text += ` — ${t('network.derived')}`;
  return text;
}

function describe(rules: NetworkRules, scope: Scope, r: Relation): string {
  return t('network.matrix.cell_label', {
    from: actorName(scope, r.from_actor), to: actorName(scope, r.to_actor), nature: natureLabel(rules, r.nature),
    object: r.object ? codeLabel(rules.objects, r.object) : t('network.matrix.no_object'), intensity: intensityLabel(rules, r.intensity),
  }) + (r.derived ? ` (${t('network.derived')})` : '');
}

function matrix(ctx: ViewContext, rules: NetworkRules, f: NetworkFilters, scope: Scope, editor: HTMLElement, reload: (n?: string) => void): HTMLElement {
  const cells = matrixCells(scope);
  const writer = ctx.can('network.write');
  const withMission = !f.mission;
  const cell = (from: number, to: number) => {
    if (from === to) return h('td', { class: 'is-self' }, h('span', { class: 'fr-sr-only' }, t('network.matrix.self')));
    const relations = cells.get(`${from}:${to}`) ?? [];
    const first = relations[0];
    const nature = first ? natureOf(rules, first.nature) : undefined;
    const label = relations.length ? relations.map((r) => describe(rules, scope, r)).join(' ; ')
      : t('network.matrix.empty_cell', { from: actorName(scope, from), to: actorName(scope, to) });
    // A filled cell's accessible name is its visible text followed by the full description;
    // an empty cell has no text, so it is named by aria-label.
    const button = h('button', {
      type: 'button', class: ['mai-matrix-cell', first ? 'has-relation' : '', first?.derived ? 'is-derived' : ''],
      style: nature ? `--nature:${nature.colour};--on-nature:${textOn(nature.colour)}` : undefined,
      title: label, 'aria-label': relations.length ? undefined : label, disabled: !writer && !relations.length,
      onclick: () => openEditor(ctx, rules, f, scope, from, to, relations, editor, reload),
    }, relations.map((r) => h('span', { class: 'mai-matrix-line' }, cellText(rules, r, withMission))),
    relations.length ? h('span', { class: 'fr-sr-only' }, ` — ${label}`) : null);
    return h('td', null, button);
  };
  return h('div', { class: 'mai-matrix-wrap', role: 'region', 'aria-labelledby': 'matrix-caption', tabindex: '0' },
    h('table', { class: 'mai-matrix' },
      h('caption', { id: 'matrix-caption', class: 'fr-sr-only' }, t('network.matrix.caption', { year: f.year, count: scope.actors.length })),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, t('network.matrix.corner')),
        scope.actors.map((a) => h('th', { scope: 'col', title: a.name }, h('span', null, a.name))))),
      h('tbody', null, scope.actors.map((row) => h('tr', null,
        h('th', { scope: 'row' }, row.name),
        scope.actors.map((col) => cell(row.id, col.id)))))));
}

function relationForm(rules: NetworkRules, value: Partial<Relation>): HTMLElement[] {
  return [
    selectField({ name: 'nature', label: t('network.relation.nature'), required: true, value: value.nature ?? 'alliance', options: rules.natures.map((n) => ({ value: n.code, label: `${localized(n.abbreviation, n.code)} — ${localized(n.label, n.code)}` })) }),
    selectField({ name: 'object', label: t('network.relation.object'), value: value.object ?? '', empty: t('network.relation.no_object'), options: rules.objects.map((o) => ({ value: o.code, label: localized(o.label, o.code) })) }),
    selectField({ name: 'intensity', label: t('network.relation.intensity'), value: String(value.intensity ?? 2), options: rules.intensities.map((i) => ({ value: String(i.level), label: localized(i.label, String(i.level)) })) }),
    textareaField({ name: 'note', label: t('network.relation.note'), hint: t('network.relation.note_hint'), value: value.note ?? '', rows: 2 }),
  ];
}

function body(f: NetworkFilters, mission: string, from: number, to: number, v: Record<string, string | boolean>) {
  return {
    year: f.year, mission, from_actor: from, to_actor: to, nature: String(v.nature),
    object: String(v.object) || null, intensity: Number(v.intensity), note: String(v.note).trim() || null,
  };
}

function openEditor(ctx: ViewContext, rules: NetworkRules, f: NetworkFilters, scope: Scope, from: number, to: number, relations: Relation[], editor: HTMLElement, reload: (n?: string) => void): void {
  const declared = relations.find((r) => !r.derived && (!f.mission || r.mission === f.mission));
  const derived = relations.filter((r) => r.derived);
  const title = t('network.matrix.editor_title', { from: actorName(scope, from), to: actorName(scope, to) });
  const evidence = derived.flatMap((r) => r.evidence ?? []).concat(declared?.evidence ?? []);
  const facts = evidence.length ? h('div', null,
    h('h3', { class: 'fr-h6' }, t('network.matrix.evidence')),
    h('ul', { class: 'fr-text--sm' }, evidence.map((e) => h('li', null, `${codeLabel(rules.evidence_kinds, e.kind)}${e.detail ? ` : ${e.detail}` : ''}${e.date ? ` (${e.date})` : ''}`)))) : null;
  if (!ctx.can('network.write')) {
    editor.replaceChildren(h('section', { class: 'mai-network-editor', 'aria-labelledby': 'editor-title' },
      h('h2', { class: 'fr-h5', id: 'editor-title', tabindex: '-1' }, title),
      h('ul', null, relations.map((r) => h('li', null, describe(rules, scope, r), r.note ? ` — ${r.note}` : '', r.author ? ` (${r.author})` : ''))), facts));
    editor.querySelector<HTMLElement>('#editor-title')?.focus();
    return;
  }
  const missionChoice = f.mission ? null
    : selectField({ name: 'mission', label: t('network.scope.mission'), required: true, value: declared?.mission ?? rules.missions[0]?.code ?? '', options: rules.missions.map((m) => ({ value: m.code, label: localized(m.label, m.code) })) });
  const form = h('form', { novalidate: true },
    fieldset(title, missionChoice, ...relationForm(rules, declared ?? { nature: derived[0]?.nature, object: derived[0]?.object })),
    h('ul', { class: 'fr-btns-group fr-btns-group--inline-md' },
      h('li', null, h('button', { class: 'fr-btn', type: 'submit' }, t('network.matrix.save'))),
      declared?.id ? h('li', null, h('button', {
        class: 'fr-btn fr-btn--secondary', type: 'button',
        onclick: async () => {
          try {
            await ctx.api.del(`${base(ctx)}/relations/${declared.id}`);
            reload('relation');
          } catch (err) {
            showFormError(form, err);
          }
        },
      }, t('network.matrix.delete'))) : null,
      h('li', null, h('button', { class: 'fr-btn fr-btn--tertiary', type: 'button', onclick: () => editor.replaceChildren() }, t('network.matrix.cancel')))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = formValues(form);
    try {
      await ctx.api.post(`${base(ctx)}/relations`, body(f, f.mission || String(v.mission), from, to, v));
      reload('relation');
    } catch (err) {
      showFormError(form, err);
    }
  });
  editor.replaceChildren(h('section', { class: 'mai-network-editor' },
    declared?.author ? h('p', { class: 'mai-card-meta' }, t('network.matrix.last_by', { author: declared.author })) : null,
    form, facts));
  form.querySelector<HTMLElement>('select')?.focus();
}

/** A form to record a relation by picking the two actors (any actor of the pole). */
function addRelation(ctx: ViewContext, rules: NetworkRules, f: NetworkFilters, reload: (n?: string) => void): HTMLElement {
  const section = h('section', { class: 'fr-mt-4w', 'aria-labelledby': 'add-relation-title' },
    h('h2', { class: 'fr-h5', id: 'add-relation-title' }, t('network.matrix.add_title', { year: f.year })));
  void ctx.api.get<{ items: Array<{ id: number; name: string }> }>(`/api/poles/${encodeURIComponent(ctx.pole.slug)}/actors`, { per_page: 200 }, ctx.signal).then((page) => {
    const actors = page.items.map((a) => ({ value: String(a.id), label: a.name }));
    const form = h('form', { novalidate: true },
      h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
        h('div', { class: 'fr-col-12 fr-col-md-6' }, selectField({ name: 'from_actor', label: t('network.relation.from'), required: true, options: actors, empty: t('network.relation.choose') })),
        h('div', { class: 'fr-col-12 fr-col-md-6' }, selectField({ name: 'to_actor', label: t('network.relation.to'), required: true, options: actors, empty: t('network.relation.choose') })),
        f.mission ? null : h('div', { class: 'fr-col-12' }, selectField({ name: 'mission', label: t('network.scope.mission'), required: true, value: rules.missions[0]?.code, options: rules.missions.map((m) => ({ value: m.code, label: localized(m.label, m.code) })) }))),
      ...relationForm(rules, {}),
      h('button', { class: 'fr-btn fr-icon-add-line fr-btn--icon-left', type: 'submit' }, t('network.matrix.add')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const v = formValues(form);
      try {
        await ctx.api.post(`${base(ctx)}/relations`, body(f, f.mission || String(v.mission), Number(v.from_actor), Number(v.to_actor), v));
        reload('relation');
      } catch (err) {
        showFormError(form, err);
      }
    });
    section.append(form);
  }, (err) => section.append(errorAlert(err)));
  return section;
}
