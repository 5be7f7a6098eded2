// A week drawn as a grid: days in columns, hours in rows, each shift a coloured block. The same
// shifts are listed in a table under the drawing, for screen readers and for copying.
import { h, s } from '../../app/h';
import { t } from '../../app/i18n';
import { table } from '../../components/ui';
import { DAYS, dayLabel, type Day } from './model';

export interface GridBlock {
  day: Day;
  start: number;  // minutes of the day
  end: number;
  title: string;
  subtitle: string;
  colour: number;  // index into the palette
}

// Light fills with dark text: contrast above 4.5:1 whatever the fill.
const PALETTE = ['#dee5fd', '#fddede', '#c3fad5', '#fee9e5', '#e8edff', '#fef3fd', '#fceeac', '#ddd'];
const STROKE = ['#3558a2', '#a94645', '#18753c', '#b34000', '#000091', '#6e445a', '#716043', '#3a3a3a'];

function clock(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function weekGrid(caption: string, blocks: GridBlock[]): HTMLElement {
  const first = Math.min(7 * 60, ...blocks.map((b) => Math.floor(b.start / 60) * 60));
  const last = Math.max(19 * 60, ...blocks.map((b) => Math.ceil(b.end / 60) * 60));
  const hourHeight = 34, left = 48, top = 28, column = 108;
  const width = left + column * 7, height = top + ((last - first) / 60) * hourHeight + 4;
  const y = (m: number) => top + ((m - first) / 60) * hourHeight;
  const grid: SVGElement[] = [];
  DAYS.forEach((d, i) => {
    grid.push(s('text', { x: left + i * column + column / 2, y: 18, 'text-anchor': 'middle', class: 'mai-sj-day' }, dayLabel(d)));
    grid.push(s('line', { x1: left + i * column, y1: top, x2: left + i * column, y2: height - 4, stroke: '#ccc' }));
  });
  for (let m = first; m <= last; m += 60) {
    grid.push(s('line', { x1: left, y1: y(m), x2: width, y2: y(m), stroke: '#e5e5e5' }));
    grid.push(s('text', { x: left - 6, y: y(m) + 4, 'text-anchor': 'end', class: 'mai-sj-hour' }, clock(m)));
  }
  const shapes = blocks.map((b) => {
    const x = left + DAYS.indexOf(b.day) * column + 3;
    const top_ = y(b.start), bottom = y(b.end);
    const c = b.colour % PALETTE.length;
    return s('g', null,
      s('rect', { x, y: top_ + 1, width: column - 6, height: Math.max(12, bottom - top_ - 2), rx: 4, fill: PALETTE[c], stroke: STROKE[c] }),
      s('text', { x: x + 5, y: top_ + 14, class: 'mai-sj-block', fill: '#161616' }, b.title.slice(0, 16)),
      bottom - top_ > 30 ? s('text', { x: x + 5, y: top_ + 27, class: 'mai-sj-block-sub', fill: '#3a3a3a' }, `${clock(b.start)}–${clock(b.end)}`) : null);
  });
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': caption,
    class: 'mai-sj-week', style: 'max-width: 820px; font-family: inherit; font-size: 12px',
  }, ...grid, ...shapes);
  const sorted = [...blocks].sort((a, b) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || a.start - b.start);
  return h('figure', { class: 'fr-mb-4w mai-sj-figure' },
    svg,
    h('figcaption', { class: 'fr-sr-only' }, caption),
    table(t('sharedjobs.timetables.table_caption', { what: caption }), [
      { header: t('sharedjobs.col.day'), cell: (b: GridBlock) => dayLabel(b.day) },
      { header: t('sharedjobs.col.time'), cell: (b: GridBlock) => `${clock(b.start)}–${clock(b.end)}` },
      { header: t('sharedjobs.col.what'), cell: (b: GridBlock) => b.title },
      { header: t('sharedjobs.col.details'), cell: (b: GridBlock) => b.subtitle },
    ], sorted));
}
