// Pieces shared by the evaluation pages: the answers form of a grid, evidence, the radar
// chart, report links, distributions.
import { h, s, type Child } from '../../app/h';
import { t } from '../../app/i18n';
import { formatDate, formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { errorAlert, inputField, selectField, showFormError, textareaField } from '../../components/forms';
import { notice, table } from '../../components/ui';
import type { Assessment, Distribution, Evidence, Grid, GridItem, GridSection, Scale } from './api';
import { base, fileUrl } from './api';
import { code, codes, marked, placeholderTag, scaleOf, text } from './labels';

/** Links to an assessment's (or a campaign's) reports. */
export function reportLinks(ctx: ViewContext, path: string): HTMLElement {
  const lang = document.documentElement.lang || 'fr';
  const link = (format: string, label: string, icon: string) =>
    h('li', null, h('a', { class: `fr-btn fr-btn--secondary fr-btn--sm ${icon} fr-btn--icon-left`, href: fileUrl(ctx, path, { format, lang }), download: format === 'xlsx' ? '' : undefined, target: format === 'xlsx' ? undefined : '_blank', rel: 'noopener' }, label));
  return h('ul', { class: 'fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left', 'aria-label': t('evaluation.report.links') },
    link('pdf', t('evaluation.report.pdf'), 'fr-icon-download-line'),
    link('html', t('evaluation.report.html'), 'fr-icon-download-line'),
    link('xlsx', t('evaluation.report.xlsx'), 'fr-icon-download-line'));
}

function control(doc: Grid['definition'], item: GridItem, sc: Scale, value: unknown): HTMLElement {
  const name = `v:${item.code}`;
  const label = h('span', null, h('span', { class: 'fr-text--bold' }, `${item.code} `), ...marked(item.label));
  const hint = text(item.note) || (sc.unit ? text(sc.unit) : '') || undefined;
  void doc;
  switch (sc.kind) {
    case 'number': {
      const f = inputField({ name, label: '', hint, type: 'number', value: value as number | null, step: sc.integer ? '1' : 'any', min: sc.min, max: sc.max });
      f.querySelector('label')!.prepend(label);
      return f;
    }
    case 'yes_no':
    case 'ordinal': {
      const options = sc.kind === 'yes_no'
        ? [{ value: 'true', label: t('evaluation.answer.yes') }, { value: 'false', label: t('evaluation.answer.no') }]
        : (sc.levels ?? []).map((l) => ({ value: l.code, label: text(l.label) }));
      const f = selectField({ name, label: '', hint, options, empty: t('evaluation.answer.none'), value: value === null || value === undefined ? '' : String(value) });
      f.querySelector('label')!.prepend(label);
      return f;
    }
    default: {
      const f = textareaField({ name, label: '', hint, value: (value as string | null) ?? '', rows: sc.kind === 'evidence' ? 2 : 3 });
      f.querySelector('label')!.prepend(label);
      return f;
    }
  }
}

function valueOf(sc: Scale, raw: string): unknown {
  if (raw === '') return null;
  if (sc.kind === 'number') return Number(raw);
  if (sc.kind === 'yes_no') return raw === 'true';
  return raw;
}

/**
 * The answers form of a (non-board) grid: a fieldset per section, a control per item by its
 * kind, a comment per item. Saves every change at once (all or none).
 */
export function answersForm(ctx: ViewContext, grid: Grid, a: Assessment, onSaved: (a: Assessment) => void,
  only?: (section: GridSection) => boolean): HTMLFormElement {
  const doc = grid.definition!;
  const readOnly = a.status === 'closed' || !ctx.can('evaluation.write');
  const sectionNode = (sec: GridSection, level: number): HTMLElement => {
    const items = (sec.items ?? []).map((item) => {
      const sc = scaleOf(doc, item);
      const answer = a.answer_map[item.code];
      return h('div', { class: 'mai-eval-item', 'data-item': item.code },
        control(doc, item, sc, answer?.value ?? null),
        placeholderTag(item.placeholder),
        item.core ? h('p', { class: 'fr-tag fr-tag--sm' }, t('evaluation.grid.core')) : null,
        h('details', null, h('summary', null, t('evaluation.answer.comment')),
          textareaField({ name: `c:${item.code}`, label: t('evaluation.answer.comment_label', { code: item.code }), value: answer?.comment ?? '', rows: 2 })));
    });
    return h('fieldset', { class: 'fr-fieldset', disabled: readOnly },
      h('legend', { class: `fr-fieldset__legend ${level > 1 ? 'fr-text--lg' : 'fr-h5'}` }, ...marked(sec.label), placeholderTag(sec.placeholder)),
      sec.source ? h('p', { class: 'fr-text--sm fr-mb-1w' }, t('evaluation.grid.source', { source: text(sec.source.label) })) : null,
      sec.note ? h('p', { class: 'fr-text--sm' }, text(sec.note)) : null,
      h('div', { class: 'fr-fieldset__element' }, items),
      (sec.sections ?? []).map((sub) => h('div', { class: 'fr-fieldset__element' }, sectionNode(sub, level + 1))));
  };
  const form = h('form', { novalidate: true, class: 'mai-eval-answers' },
    doc.sections.filter((sec) => !only || only(sec)).map((sec) => sectionNode(sec, 1)),
    readOnly ? null : h('button', { class: 'fr-btn', type: 'submit' }, t('evaluation.answer.save')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const answers: Array<Record<string, unknown>> = [];
    for (const { item } of doc.sections.flatMap(function walk(sec): Array<{ item: GridItem }> {
      return [...(sec.items ?? []).map((item) => ({ item })), ...(sec.sections ?? []).flatMap(walk)];
    })) {
      const v = form.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="v:${CSS.escape(item.code)}"]`);
      const c = form.querySelector<HTMLTextAreaElement>(`[name="c:${CSS.escape(item.code)}"]`);
      if (!v) continue;
      const before = a.answer_map[item.code];
      const value = valueOf(scaleOf(doc, item), v.value);
      const comment = c?.value ?? '';
      if (JSON.stringify(value) === JSON.stringify(before?.value ?? null) && comment === (before?.comment ?? '')) continue;
      answers.push({ item: item.code, value, comment });
    }
    if (!answers.length) return;
    try {
      const saved = await ctx.api.put<Assessment>(`${base(ctx)}/assessments/${a.id}/answers`, { answers });
      onSaved(saved);
    } catch (err) {
      showFormError(form, err);
    }
  });
  return form;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Evidence attached to an assessment: the list, and a form to add some (with a file or not). */
export function evidencePanel(ctx: ViewContext, grid: Grid, a: Assessment, onChanged: () => void): HTMLElement {
  const doc = grid.definition!;
  const writable = a.status === 'open' && ctx.can('evaluation.write');
  const targets = [{ value: '', label: t('evaluation.evidence.whole') },
    ...doc.sections.flatMap(function walk(sec): Array<{ value: string; label: string }> {
      return [{ value: sec.code, label: `${sec.code} — ${text(sec.label).replace(/\*/g, '')}` }, ...(sec.sections ?? []).flatMap(walk)];
    })];
  const list = a.evidence.length
    ? table<Evidence>(t('evaluation.evidence.caption'), [
      { header: t('evaluation.evidence.kind'), cell: (e) => code('evaluation_evidence_kind', e.kind) },
      { header: t('evaluation.evidence.title_field'), cell: (e) => e.url ? h('a', { href: e.url, rel: 'external noopener', target: '_blank' }, e.title) : e.title },
      { header: t('evaluation.evidence.date'), cell: (e) => formatDate(e.happened_on) },
      { header: t('evaluation.evidence.item'), cell: (e) => e.item ?? '' },
      { header: t('evaluation.evidence.file'), cell: (e) => e.file_name ? h('a', { href: `${base(ctx)}/assessments/${a.id}/evidence/${e.id}/file`, download: '' }, `${e.file_name} (${formatNumber(Math.ceil(e.file_bytes / 1024))} ko)`) : '' },
      { header: t('evaluation.evidence.actions'), cell: (e) => writable ? h('button', { class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', type: 'button', onclick: async () => {
        if (!confirm(t('evaluation.evidence.remove_confirm', { title: e.title }))) return;
        await ctx.api.del(`${base(ctx)}/assessments/${a.id}/evidence/${e.id}`);
        onChanged();
      } }, t('evaluation.evidence.remove')) : '' },
    ], a.evidence)
    : notice(t('evaluation.evidence.none'));
  if (!writable) return h('div', null, list);
  const form = h('form', { novalidate: true, class: 'fr-mt-2w' },
    h('h3', { class: 'fr-h6' }, t('evaluation.evidence.add')),
    selectField({ name: 'kind', label: t('evaluation.evidence.kind'), required: true, value: codes('evaluation_evidence_kind')[0]?.code, options: codes('evaluation_evidence_kind').map((v) => ({ value: v.code, label: text(v.label) })) }),
    inputField({ name: 'title', label: t('evaluation.evidence.title_field'), required: true }),
    selectField({ name: 'item', label: t('evaluation.evidence.item'), options: targets }),
    inputField({ name: 'happened_on', label: t('evaluation.evidence.date'), type: 'date' }),
    inputField({ name: 'url', label: t('evaluation.evidence.url'), type: 'url' }),
    textareaField({ name: 'note', label: t('evaluation.evidence.note'), rows: 2 }),
    h('div', { class: 'fr-upload-group', 'data-field': 'file' },
      h('label', { class: 'fr-label', for: 'evidence-file' }, t('evaluation.evidence.file'), h('span', { class: 'fr-hint-text' }, t('evaluation.evidence.file_hint'))),
      h('input', { class: 'fr-upload', type: 'file', id: 'evidence-file', name: 'file' })),
    h('button', { class: 'fr-btn fr-btn--secondary fr-mt-2w', type: 'submit' }, t('evaluation.evidence.add_button')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const get = (n: string) => (form.querySelector(`[name=${n}]`) as HTMLInputElement).value;
    const file = (form.querySelector('[name=file]') as HTMLInputElement).files?.[0];
    const body: Record<string, unknown> = { kind: get('kind'), title: get('title') };
    for (const key of ['item', 'happened_on', 'url', 'note']) if (get(key)) body[key] = get(key);
    try {
      if (file) body.file = { name: file.name, content_type: file.type || 'application/octet-stream', base64: await readBase64(file) };
      await ctx.api.post(`${base(ctx)}/assessments/${a.id}/evidence`, body);
      onChanged();
    } catch (err) {
      showFormError(form, err);
    }
  });
  return h('div', null, list, form);
}

/** A radar chart of the grid's aggregates, this session and the previous one. */
export function radarChart(axes: Assessment['radar'], caption: string): HTMLElement | null {
  if (axes.length < 3) return null;
  const size = 300, c = size / 2, r = 100;
  const point = (i: number, f: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / axes.length;
    return [c + r * f * Math.cos(angle), c + r * f * Math.sin(angle)];
  };
  const polygon = (values: Array<number | null>, cls: string) =>
    s('polygon', { class: cls, points: values.map((v, i) => point(i, v ?? 0).join(',')).join(' ') });
  const rings = [0.25, 0.5, 0.75, 1].map((f) => s('polygon', { class: 'grid', points: axes.map((_, i) => point(i, f).join(',')).join(' ') }));
  const spokes = axes.map((_, i) => s('line', { class: 'grid', x1: c, y1: c, x2: point(i, 1)[0], y2: point(i, 1)[1] }));
  const labels = axes.map((ax, i) => {
    const [lx, ly] = point(i, 1.22);
    return s('text', { x: lx, y: ly, 'text-anchor': lx > c + 5 ? 'start' : lx < c - 5 ? 'end' : 'middle' }, ax.code);
  });
  const hasPrevious = axes.some((ax) => ax.previous !== null);
  const rows = axes.map((ax) => ({ ax }));
  return h('figure', { class: 'fr-mb-3w' },
    s('svg', { class: 'mai-radar', viewBox: `-40 -10 ${size + 80} ${size + 20}`, role: 'img', 'aria-label': caption },
      ...rings, ...spokes,
      hasPrevious ? polygon(axes.map((ax) => ax.previous), 'before') : null,
      polygon(axes.map((ax) => ax.value), 'now'), ...labels),
    h('figcaption', { class: 'fr-text--sm' }, caption),
    table(t('evaluation.radar.table'), [
      { header: t('evaluation.radar.axis'), cell: (x) => [h('strong', null, `${x.ax.code} `), text(x.ax.label).replace(/\*/g, '')] },
      { header: t('evaluation.radar.now'), numeric: true, cell: (x) => x.ax.value === null ? '—' : formatNumber(x.ax.value, undefined, 2) },
      ...(hasPrevious ? [{ header: t('evaluation.radar.before'), numeric: true, cell: (x: { ax: Assessment['radar'][number] }) => x.ax.previous === null ? '—' : formatNumber(x.ax.previous, undefined, 2) }] : []),
    ], rows));
}

/** A small box plot (min, quartiles, median, max) on 0..`max`. */
function boxPlot(d: Distribution['items'][number], max: number): Child {
  if (d.min === null || d.max === null || max <= 0) return '';
  const sx = (v: number) => 2 + (v / max) * 186;
  return s('svg', { class: 'mai-eval-dist', viewBox: '0 0 190 24', 'aria-hidden': 'true' },
    s('line', { x1: sx(d.min), x2: sx(d.max), y1: 12, y2: 12 }),
    s('rect', { x: sx(d.q1 ?? d.min), width: Math.max(1, sx(d.q3 ?? d.max) - sx(d.q1 ?? d.min)), y: 5, height: 14 }),
    s('line', { x1: sx(d.median ?? d.min), x2: sx(d.median ?? d.min), y1: 3, y2: 21 }));
}

/** A distribution of items over assessments: numbers as box plots, levels as counts. */
export function distributionTable(dist: Distribution, caption: string): HTMLElement {
  const rows = dist.items.filter((d) => d.kind !== 'evidence');
  return table(caption, [
    { header: t('evaluation.dist.item'), cell: (d) => [h('strong', null, `${d.code} `), ...marked(d.label)] },
    { header: t('evaluation.dist.answered'), numeric: true, cell: (d) => `${d.answered} / ${d.assessments}` },
    { header: t('evaluation.dist.median'), numeric: true, cell: (d) => d.median === null ? '—' : `${formatNumber(d.median)} ${text(d.unit)}` },
    { header: t('evaluation.dist.range'), numeric: true, cell: (d) => d.min === null ? '—' : `${formatNumber(d.min)} – ${formatNumber(d.max)}` },
    { header: t('evaluation.dist.mean'), numeric: true, cell: (d) => d.mean === null ? '—' : formatNumber(d.mean) },
    { header: t('evaluation.dist.shape'), cell: (d) => d.kind === 'ordinal' || d.kind === 'yes_no'
      ? Object.entries(d.counts).map(([k, n]) => `${k === 'yes' ? t('evaluation.answer.yes') : k === 'no' ? t('evaluation.answer.no') : k} : ${n}`).join(' · ')
      : boxPlot(d, Math.max(d.max ?? 0, 1)) },
  ], rows);
}

/** An alert for an error, or nothing. */
export function failure(err: unknown): HTMLElement {
  return errorAlert(err);
}
