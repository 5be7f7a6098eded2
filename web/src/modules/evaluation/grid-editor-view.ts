// A grid: read-only when shipped (copy it to adapt it), editable when it is the pole's own —
// labels in three languages, sections and items, each item's kind, core items, placeholders,
// aggregation per section, the radar. The server checks the whole grid on save and names the
// item of every problem; a grid already used is saved as its next version.
import { h, replace, type Child } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { checkboxField, errorAlert, inputField, selectField } from '../../components/forms';
import { breadcrumb, notice, pageTitle } from '../../components/ui';
import type { Grid, GridDocument, GridItem, GridSection, Label } from './api';
import { base } from './api';
import { marked, placeholderTag, scaleOf, text } from './labels';
import { copyGrid } from './grids-view';
import './evaluation.css';

const AGGREGATIONS = ['none', 'mean', 'sum', 'min', 'max', 'share_yes'];
const INLINE_KINDS = ['number', 'yes_no', 'text', 'evidence'];

export default async function gridEditorView(ctx: ViewContext): Promise<Node> {
  const grid = await ctx.api.get<Grid>(`${base(ctx)}/grids/${ctx.params.id}`, undefined, ctx.signal);
  ctx.setTitle(text(grid.title));
  const editable = !grid.shipped && !grid.hidden && ctx.can('evaluation.grids');
  const head = [
    breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') }, { label: t('evaluation.grids.title'), href: ctx.href('evaluation/grids') }, { label: text(grid.title) }]),
    pageTitle(text(grid.title), placeholderTag(grid.placeholders)),
    h('p', null, `${grid.code} v${grid.version} · ${t(`evaluation.tool.${grid.tool}`)} · ${grid.shipped ? t('evaluation.grids.shipped') : t('evaluation.grids.pole_copy')}`),
    grid.definition?.description ? h('p', null, text(grid.definition.description)) : null,
    grid.definition?.source ? h('p', { class: 'fr-text--sm' }, t('evaluation.grid.source', { source: text(grid.definition.source) })) : null,
  ];
  if (!editable) {
    return h('div', null, ...head,
      grid.shipped && ctx.can('evaluation.grids') ? h('button', { type: 'button', class: 'fr-btn fr-mb-3w', onclick: (e: Event) => copyGrid(ctx, grid.id).catch((err) => (e.target as HTMLElement).after(errorAlert(err))) }, t('evaluation.editor.copy')) : null,
      grid.hidden ? notice(t('evaluation.editor.campaign_grid')) : null,
      references(grid.definition!),
      outline(grid.definition!));
  }
  const doc: GridDocument = structuredClone(grid.definition!);
  const body = h('div');
  const feedback = h('div', { 'aria-live': 'polite' });
  const redraw = () => replace(body, editor(doc, redraw));
  redraw();
  const save = h('button', { class: 'fr-btn', type: 'button', onclick: async () => {
    try {
      const saved = await ctx.api.put<Grid>(`${base(ctx)}/grids/${grid.id}`, { definition: doc });
      if (saved.id !== grid.id) ctx.navigate(ctx.href(`evaluation/grids/${saved.id}?saved=version`));
      else replace(feedback, notice(t('evaluation.editor.saved'), 'success'));
    } catch (err) {
      replace(feedback, errorAlert(err));
      feedback.querySelector<HTMLElement>('[role=alert]')?.setAttribute('tabindex', '-1');
      feedback.querySelector<HTMLElement>('[role=alert]')?.focus();
    }
  } }, t('evaluation.editor.save'));
  return h('div', null, ...head,
    ctx.query.get('saved') === 'version' ? notice(t('evaluation.editor.new_version'), 'success') : null,
    grid.assessments > 0 ? notice(t('evaluation.editor.versioned', { count: grid.assessments })) : null,
    references(doc), feedback, body, h('div', { class: 'fr-mt-3w' }, save));
}

function labelFields(label: Label, name: string, legend: string, onChange: () => void): HTMLElement {
  const field = (lang: 'fr' | 'it' | 'en') => {
    const f = inputField({ name: `${name}.${lang}`, label: t(`evaluation.editor.lang_${lang}`), value: label[lang] ?? '' });
    f.querySelector('input')!.addEventListener('input', (e) => {
      label[lang] = (e.target as HTMLInputElement).value;
      onChange();
    });
    return h('div', { class: 'fr-col-12 fr-col-md-4' }, f);
  };
  return h('fieldset', { class: 'fr-fieldset fr-mb-1w' }, h('legend', { class: 'fr-fieldset__legend fr-text--regular' }, legend),
    h('div', { class: 'fr-grid-row fr-grid-row--gutters', style: 'width:100%' }, field('fr'), field('it'), field('en')));
}

function itemEditor(doc: GridDocument, section: GridSection, item: GridItem, redraw: () => void): HTMLElement {
  const scales = Object.keys(doc.scales ?? {});
  const current = typeof item.scale === 'string' ? item.scale : `inline:${item.scale.kind}`;
  const kind = selectField({ name: `${item.code}.scale`, label: t('evaluation.editor.scale'), value: current,
    options: [...scales.map((s) => ({ value: s, label: t('evaluation.editor.named_scale', { name: s, kind: t(`evaluation.kind.${doc.scales![s].kind}`) }) })),
      ...INLINE_KINDS.map((k) => ({ value: `inline:${k}`, label: t(`evaluation.kind.${k}`) }))] });
  kind.querySelector('select')!.addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    item.scale = v.startsWith('inline:')
      ? { kind: v.slice(7) as 'number' | 'yes_no' | 'text' | 'evidence', ...(v === 'inline:number' ? { min: 0 } : {}) }
      : v;
    redraw();
  });
  const flag = (key: 'core' | 'placeholder', label: string) => {
    const f = checkboxField({ name: `${item.code}.${key}`, label, checked: !!item[key] });
    f.querySelector('input')!.addEventListener('change', (e) => {
      item[key] = (e.target as HTMLInputElement).checked || undefined;
    });
    return f;
  };
  const code = inputField({ name: `${item.code}.code`, label: t('evaluation.editor.code'), value: item.code });
  code.querySelector('input')!.addEventListener('change', (e) => {
    item.code = (e.target as HTMLInputElement).value.trim();
  });
  const unit = typeof item.scale !== 'string' && item.scale.kind === 'number'
    ? labelFields((item.scale.unit ??= {}), `${item.code}.unit`, t('evaluation.editor.unit'), () => undefined) : null;
  return h('li', { class: 'fr-mb-2w mai-eval-item' },
    h('p', { class: 'fr-text--bold fr-mb-1w' }, `${item.code} `, ...marked(item.label), placeholderTag(item.placeholder)),
    labelFields(item.label, `${item.code}.label`, t('evaluation.editor.label'), () => undefined),
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-3' }, code),
      h('div', { class: 'fr-col-12 fr-col-md-5' }, kind),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, flag('core', t('evaluation.editor.core')), flag('placeholder', t('evaluation.editor.placeholder')))),
    unit,
    h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', onclick: () => {
      section.items = (section.items ?? []).filter((i) => i !== item);
      redraw();
    } }, t('evaluation.editor.remove_item', { code: item.code })));
}

function sectionEditor(doc: GridDocument, parent: GridSection[], section: GridSection, depth: number, redraw: () => void): HTMLElement {
  const aggregation = selectField({ name: `${section.code}.aggregation`, label: t('evaluation.editor.aggregation'), value: section.aggregation ?? 'none',
    options: AGGREGATIONS.map((a) => ({ value: a, label: t(`evaluation.aggregation.${a}`) })) });
  aggregation.querySelector('select')!.addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    section.aggregation = v === 'none' ? undefined : v;
  });
  const placeholder = checkboxField({ name: `${section.code}.placeholder`, label: t('evaluation.editor.placeholder'), checked: !!section.placeholder });
  placeholder.querySelector('input')!.addEventListener('change', (e) => {
    section.placeholder = (e.target as HTMLInputElement).checked || undefined;
  });
  const addItem = () => {
    const n = (section.items?.length ?? 0) + 1;
    let code = `${section.code}.${n}`;
    while (JSON.stringify(doc).includes(`"code":"${code}"`)) code += 'b';
    (section.items ??= []).push({ code, label: { fr: t('evaluation.editor.new_item') }, scale: Object.keys(doc.scales ?? {})[0] ?? { kind: 'text' } });
    redraw();
  };
  const addSection = () => {
    (section.sections ??= []).push({ code: `${section.code}.${(section.sections?.length ?? 0) + 1}`, label: { fr: t('evaluation.editor.new_section') }, items: [] });
    redraw();
  };
  const Tag = depth === 1 ? 'h2' : depth === 2 ? 'h3' : 'h4';
  return h('section', { class: 'fr-mb-4w fr-p-2w', style: 'border-left: 3px solid var(--border-default-grey)' },
    h(Tag, { class: 'fr-h6' }, `${section.code} — `, ...marked(section.label), placeholderTag(section.placeholder)),
    labelFields(section.label, `${section.code}.label`, t('evaluation.editor.section_label'), () => undefined),
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' }, h('div', { class: 'fr-col-12 fr-col-md-6' }, aggregation), h('div', { class: 'fr-col-12 fr-col-md-6' }, placeholder)),
    h('ul', { class: 'fr-raw-list' }, (section.items ?? []).map((i) => itemEditor(doc, section, i, redraw))),
    (section.sections ?? []).map((sub) => sectionEditor(doc, section.sections!, sub, depth + 1, redraw)),
    h('div', { class: 'fr-btns-group fr-btns-group--inline fr-btns-group--sm' },
      h('button', { type: 'button', class: 'fr-btn fr-btn--secondary fr-btn--sm', onclick: addItem }, t('evaluation.editor.add_item')),
      depth < 3 ? h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary fr-btn--sm', onclick: addSection }, t('evaluation.editor.add_subsection')) : null,
      h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', onclick: () => {
        parent.splice(parent.indexOf(section), 1);
        redraw();
      } }, t('evaluation.editor.remove_section', { code: section.code }))));
}

function editor(doc: GridDocument, redraw: () => void): Child[] {
  const radar = selectField({ name: 'radar', label: t('evaluation.editor.radar'), value: String(doc.radar?.depth ?? 0),
    options: [0, 1, 2, 3].map((d) => ({ value: String(d), label: d ? t('evaluation.editor.radar_depth', { depth: d }) : t('evaluation.editor.radar_none') })) });
  radar.querySelector('select')!.addEventListener('change', (e) => {
    const d = Number((e.target as HTMLSelectElement).value);
    doc.radar = d ? { depth: d } : undefined;
  });
  const min = inputField({ name: 'min_participants', label: t('evaluation.editor.min_participants'), type: 'number', value: doc.min_participants, min: 0, max: 100 });
  min.querySelector('input')!.addEventListener('change', (e) => {
    doc.min_participants = Number((e.target as HTMLInputElement).value) || 0;
  });
  return [
    labelFields(doc.title, 'title', t('evaluation.editor.title_label'), () => undefined),
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' }, h('div', { class: 'fr-col-12 fr-col-md-6' }, radar), h('div', { class: 'fr-col-12 fr-col-md-6' }, min)),
    doc.sections.map((s) => sectionEditor(doc, doc.sections, s, 1, redraw)),
    h('button', { type: 'button', class: 'fr-btn fr-btn--secondary', onclick: () => {
      doc.sections.push({ code: `S${doc.sections.length + 1}`, label: { fr: t('evaluation.editor.new_section') }, items: [] });
      redraw();
    } }, t('evaluation.editor.add_section')),
  ];
}

function outline(doc: GridDocument): HTMLElement {
  const section = (s: GridSection, depth: number): Child => h('li', null,
    h(depth === 1 ? 'h2' : 'h3', { class: depth === 1 ? 'fr-h5' : 'fr-h6' }, `${s.code} — `, ...marked(s.label), placeholderTag(s.placeholder)),
    s.source ? h('p', { class: 'fr-text--sm' }, t('evaluation.grid.source', { source: text(s.source.label) }), s.source.url ? [' ', h('a', { href: s.source.url, rel: 'external noopener', target: '_blank' }, s.source.url)] : null) : null,
    s.aggregation ? h('p', { class: 'fr-text--sm' }, t('evaluation.editor.aggregated', { how: t(`evaluation.aggregation.${s.aggregation}`) })) : null,
    h('ol', null, (s.items ?? []).map((i) => h('li', null, h('strong', null, `${i.code} `), ...marked(i.label),
      ` — ${t(`evaluation.kind.${scaleOf(doc, i).kind}`)}`, i.core ? ` · ${t('evaluation.grid.core')}` : '', placeholderTag(i.placeholder)))),
    h('ul', { class: 'fr-raw-list' }, (s.sections ?? []).map((sub) => section(sub, depth + 1))));
  return h('div', null, doc.stem ? h('p', { class: 'fr-text--bold' }, text(doc.stem)) : null, h('ul', { class: 'fr-raw-list' }, doc.sections.map((s) => section(s, 1))));
}

/** The closest published references (the PTCE grid), each with its source. */
function references(doc: GridDocument): Child {
  if (!doc.references?.length) return null;
  return h('section', { class: 'fr-callout fr-mb-3w' },
    h('h2', { class: 'fr-callout__title fr-h6' }, t('evaluation.editor.references')),
    h('p', { class: 'fr-text--sm' }, t('evaluation.editor.references_note')),
    doc.references.map((r) => h('details', null, h('summary', null, text(r.label)),
      h('p', { class: 'fr-text--sm' }, t('evaluation.grid.source', { source: text(r.source.label) }), r.source.url ? [' ', h('a', { href: r.source.url, rel: 'external noopener', target: '_blank' }, r.source.url)] : null),
      h('ul', null, r.points.map((p) => h('li', null, text(p)))))));
}
