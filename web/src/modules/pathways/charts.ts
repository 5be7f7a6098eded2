// Small SVG charts for the dashboard. Each is an image with a title and a description; the
// page shows the same figures in a table beside it.
import { s } from '../../app/h';
import { formatNumber } from '../../app/format';

export interface Segment {
  cls: string;
  name: string;
  value: number;
}

/** Horizontal stacked bars, one row per label. */
export function stackedBars(title: string, desc: string, rows: Array<{ label: string; segments: Segment[] }>): SVGElement {
  const left = 190;
  const width = 720;
  const row = 24;
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((n, x) => n + x.value, 0)));
  const height = rows.length * row + 10;
  const svg = s('svg', { class: 'mai-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${title}. ${desc}` });
  rows.forEach((r, i) => {
    const y = 5 + i * row;
    svg.append(s('text', { x: left - 6, y: y + 15, 'text-anchor': 'end' }, r.label));
    let x = left;
    for (const seg of r.segments) {
      const w = ((width - left - 50) * seg.value) / max;
      if (w > 0) svg.append(s('rect', { class: seg.cls, x, y: y + 3, width: w, height: row - 8 }, s('title', null, `${r.label} — ${seg.name} : ${seg.value}`)));
      x += w;
    }
    const total = r.segments.reduce((n, x2) => n + x2.value, 0);
    svg.append(s('text', { x: x + 5, y: y + 15 }, formatNumber(total)));
  });
  return svg;
}

/** Vertical grouped bars by year. */
export function groupedBars(title: string, desc: string, groups: Array<{ label: string; values: Segment[] }>): SVGElement {
  const width = 720;
  const height = 200;
  const bottom = 24;
  const max = Math.max(1, ...groups.flatMap((g) => g.values.map((v) => v.value)));
  const band = (width - 20) / Math.max(1, groups.length);
  const svg = s('svg', { class: 'mai-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${title}. ${desc}` });
  groups.forEach((g, i) => {
    const x0 = 10 + i * band;
    const bar = Math.min(18, (band - 8) / Math.max(1, g.values.length));
    g.values.forEach((v, j) => {
      const hgt = ((height - bottom - 16) * v.value) / max;
      const x = x0 + 4 + j * bar;
      svg.append(s('rect', { class: v.cls, x, y: height - bottom - hgt, width: bar - 2, height: hgt }, s('title', null, `${g.label} — ${v.name} : ${v.value}`)));
      if (v.value) svg.append(s('text', { x: x + (bar - 2) / 2, y: height - bottom - hgt - 3, 'text-anchor': 'middle' }, String(v.value)));
    });
    svg.append(s('text', { x: x0 + band / 2, y: height - 6, 'text-anchor': 'middle' }, g.label));
  });
  return svg;
}
