// Insertion hours committed and realised per consortium member, drawn as paired horizontal
// bars. The chart is an image with a text alternative; the page shows the same figures in the
// consortium table beside it.
import { s } from '../../app/h';
import { formatNumber } from '../../app/format';

export interface HoursRow { label: string; committed: number; realised: number }

export function hoursChart(title: string, names: { committed: string; realised: string }, rows: HoursRow[]): SVGElement {
  const left = 260;
  const width = 760;
  const band = 46;
  const legend = 26;
  const height = legend + rows.length * band + 6;
  const max = Math.max(1, ...rows.flatMap((r) => [r.committed, r.realised]));
  const scale = (v: number) => ((width - left - 90) * v) / max;
  const desc = rows.map((r) => `${r.label} : ${formatNumber(r.realised, undefined, 0)} / ${formatNumber(r.committed, undefined, 0)} h`).join(' ; ');
  const svg = s('svg', { class: 'mai-commons-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${title}. ${desc}` });
  svg.append(
    s('rect', { class: 'mai-commons-committed', x: left, y: 4, width: 14, height: 12 }),
    s('text', { x: left + 20, y: 15 }, names.committed),
    s('rect', { class: 'mai-commons-realised', x: left + 200, y: 4, width: 14, height: 12 }),
    s('text', { x: left + 220, y: 15 }, names.realised));
  rows.forEach((r, i) => {
    const y = legend + i * band;
    const name = r.label.length > 38 ? `${r.label.slice(0, 37)}…` : r.label;
    svg.append(s('text', { x: left - 8, y: y + 24, 'text-anchor': 'end' }, name, s('title', null, r.label)));
    const bars: Array<[string, number, number]> = [['mai-commons-committed', r.committed, y + 4], ['mai-commons-realised', r.realised, y + 22]];
    for (const [cls, value, top] of bars) {
      const w = scale(value);
      svg.append(s('rect', { class: cls, x: left, y: top, width: Math.max(w, value > 0 ? 1 : 0), height: 15 }));
      svg.append(s('text', { x: left + w + 6, y: top + 12 }, `${formatNumber(value, undefined, 0)} h`));
    }
  });
  return svg;
}
