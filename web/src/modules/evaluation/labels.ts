// Grid texts on the page: the label in the current language (the seed's **bold** key words
// kept as <strong>), enumeration labels of the evaluation's own enumerations, scales.
import { h, type Child } from '../../app/h';
import { localized, t } from '../../app/i18n';
import { enumLabel, enumValues } from '../../app/enums';
import type { EnumerationName, EnumValue } from '../../app/types';
import type { Grid, GridDocument, GridItem, GridSection, Label, Scale } from './api';

export function text(label: Label | undefined | null, fallback = ''): string {
  return localized(label ?? undefined, fallback);
}

/** The text without its ** and * marks. */
export function plain(label: Label | undefined | null): string {
  return text(label).replace(/\*\*?/g, '');
}

/** The label as nodes, bold and italic marks rendered. */
export function marked(label: Label | string | undefined | null): Child[] {
  const s = typeof label === 'string' ? label : text(label);
  const out: Child[] = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push(s.slice(last, m.index));
    out.push(m[1] !== undefined ? h('strong', null, m[1]) : h('em', null, m[2]));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

/** The evaluation's enumerations (evaluation_mode, evaluation_stage…), typed loosely. */
export function code(enumeration: string, value: string | null | undefined): string {
  return enumLabel(enumeration as EnumerationName, value);
}
export function codes(enumeration: string): EnumValue[] {
  return enumValues(enumeration as EnumerationName);
}

/** The item's scale, named or inline. */
export function scaleOf(doc: GridDocument, item: GridItem): Scale {
  if (typeof item.scale === 'string') return doc.scales?.[item.scale] ?? { kind: 'text' };
  return item.scale;
}

/** Every item with its section, depth first. */
export function itemsOf(doc: GridDocument): Array<{ section: GridSection; item: GridItem }> {
  const out: Array<{ section: GridSection; item: GridItem }> = [];
  const walk = (sections: GridSection[]) => {
    for (const s of sections) {
      for (const item of s.items ?? []) out.push({ section: s, item });
      walk(s.sections ?? []);
    }
  };
  walk(doc.sections);
  return out;
}

/** An axis name: the server's key words for the item, or its code. */
export function shortOf(grid: Grid, code: string): string {
  return text(grid.short?.[code], code);
}

/** A value for people, signed for cursors: "+2", "−1.5", "0". */
export function signed(value: number): string {
  const n = Math.round(value * 100) / 100;
  if (n > 0) return `+${n}`.replace('.', t('evaluation.decimal'));
  if (n < 0) return `−${-n}`.replace('.', t('evaluation.decimal'));
  return '0';
}

/** A "placeholder" tag next to labels that are not known yet. */
export function placeholderTag(on: boolean | undefined): Child {
  return on ? h('p', { class: 'fr-tag fr-tag--sm mai-eval-placeholder' }, t('evaluation.grid.placeholder')) : null;
}
