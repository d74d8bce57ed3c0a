/**
 * The map before the map: the opening view (the county fitted to the map area, as the app opens) drawn
 * at build time as SVG and HTML, for the prerendered first view (vite.config.ts, prerender-shell). It
 * paints with the page, without WebGL; MapLibre replaces it when its first full frame is drawn.
 *
 * It lands where MapLibre will draw for any viewport: MapLibre fits HOME_BOUNDS, in Web Mercator, into
 * the map area less the opening padding; here a frame with the bounds' aspect ratio is fitted, centred,
 * into the same padded box (CSS: container query units, `.static-map-frame`), and the SVG's viewBox is
 * the bounds. Lines keep their pixel width (non-scaling strokes); labels and markers are HTML placed in
 * per cent of the frame, at the pixel sizes of the map's style. Neighbours are drawn past the frame
 * (overflow visible) as far as a wide or tall screen shows them.
 */
import { simplify } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { SYMBOL_PATHS } from '../../src/ui/symbolPaths.ts';
import type { StaticCounty } from './static-county.ts';

export type Bounds = [number, number, number, number];

export interface StaticMapInput {
  bounds: Bounds;
  counties: FeatureCollection<Polygon | MultiPolygon, { role: string }>;
  labels: FeatureCollection<Point, { kind: string; name_zh: string; role: string }>;
  sites: { layer: string; precision: string; geometry: { type: string; coordinates: unknown }; name: string }[];
  layers: { id: string; color: string; symbol: string }[];
  /** Sites whose layer links them to a home site: the link drawn to the county seat. */
  links: { line: Position[]; color: string }[];
  palette: Record<string, string>;
  fillOpacity: Record<string, number>;
  /**
   * The county basemap found beside the app at build time (static-county.ts), drawn under the counties as the
   * county style draws it (its colours: `countyPalette`); every other input is then in its datum (WGS-84).
   */
  county?: StaticCounty & { countyPalette: Record<string, string> };
}

/**
 * viewBox width of the bounds, in whole units: the county is about 900 px wide at 1920×1080 and 2,000 on
 * a 4K screen, so a unit is at most a pixel there.
 */
const W = 2000;
/**
 * How far past the bounds neighbours are drawn, in bounds widths and heights: a 21:9 screen shows half a
 * width more on each side; a phone shows the height again below (under the panel's sheet).
 */
const MARGIN_X = 0.8;
const MARGIN_Y = 1.1;

const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};

export function frameOf(bounds: Bounds) {
  const [w, s, e, n] = bounds;
  const x0 = mercX(w);
  const y0 = mercY(n);
  const scale = W / (mercX(e) - x0);
  const height = (mercY(s) - y0) * scale;
  const project = (p: Position): [number, number] => [(mercX(p[0] as number) - x0) * scale, (mercY(p[1] as number) - y0) * scale];
  return { width: W, height, project, aspect: W / height };
}

/** Rounded to `digits` decimals in one division (rounding, then dividing again wrote 0.8787999999999999 into the markup). */
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const r1 = (v: number) => round(v, 1);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A ring as a path in whole units: an absolute start, then relative steps (`l` repeated implicitly). */
function ringPath(ring: Position[], project: (p: Position) => [number, number]): string {
  let d = '';
  let px = 0;
  let py = 0;
  const steps: string[] = [];
  for (const p of ring) {
    const [fx, fy] = project(p);
    const x = Math.round(fx);
    const y = Math.round(fy);
    if (!d) {
      d = `M${x} ${y}`;
    } else {
      const dx = x - px;
      const dy = y - py;
      if (dx === 0 && dy === 0) continue;
      steps.push(`${dx} ${dy}`.replace(/ -/g, '-'));
    }
    px = x;
    py = y;
  }
  return steps.length < 2 ? '' : `${d}l${steps.join(' ').replace(/ -/g, '-')}z`;
}

/** An open line as a path in whole units (as ringPath, not closed). */
function linePath(line: Position[], project: (p: Position) => [number, number]): string {
  const d = ringPath(line, project);
  return d.endsWith('z') ? d.slice(0, -1) : d;
}

function polygonsOf(f: Feature<Polygon | MultiPolygon>): Position[][][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

export function renderStaticMap(input: StaticMapInput): string {
  const { project, height, aspect } = frameOf(input.bounds);
  const [w, s, e, n] = input.bounds;
  const dx = (e - w) * MARGIN_X;
  const dy = (n - s) * MARGIN_Y;
  const near = (f: Feature<Polygon | MultiPolygon>) =>
    polygonsOf(f).some((poly) =>
      poly[0]?.some(
        (p) => (p[0] as number) > w - dx && (p[0] as number) < e + dx && (p[1] as number) > s - dy && (p[1] as number) < n + dy,
      ),
    );
  // Simplified to a unit of the viewBox (a pixel at most, on a 4K screen).
  const tolerance = (e - w) / W;
  const P = input.palette;
  const fills: Record<string, string> = { focus: P.focus as string, lishui: P.lishui as string };
  const counties = input.counties.features.filter(near).map((f) => simplify(f, { tolerance, highQuality: false }));
  const paths = (f: Feature<Polygon | MultiPolygon>) =>
    polygonsOf(f)
      .map((poly) => poly.map((r) => ringPath(r, project)).join(''))
      .join('');
  const focus = counties.filter((f) => f.properties.role === 'focus');

  const svg: string[] = [];
  svg.push(
    `<svg class="static-map-svg" viewBox="0 0 ${W} ${r1(height)}" preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">`,
  );
  const county = input.county;
  if (county) svg.push(countyBasemap(county, project, tolerance, near));
  // Over the county basemap the counties only tint Suichang (as src/map/style.ts draws them over any basemap).
  const countyFill = (role: string) =>
    county ? (role === 'focus' ? `${fills.focus}" fill-opacity="0.18` : 'none') : (fills[role] ?? P.zhejiang);
  svg.push(`<g stroke="${P.countyLine}" stroke-width="0.9" vector-effect="non-scaling-stroke" stroke-linejoin="round">`);
  for (const f of counties) svg.push(`<path d="${paths(f)}" fill="${countyFill(f.properties.role)}" vector-effect="non-scaling-stroke"/>`);
  svg.push('</g>');
  for (const f of focus)
    svg.push(
      `<path d="${paths(f)}" fill="none" stroke="${P.focusLine}" stroke-width="2.4" vector-effect="non-scaling-stroke" stroke-linejoin="round"/>`,
    );
  const layerOf = new Map(input.layers.map((l) => [l.id, l]));
  // Site areas: their layer's colour, as filled as their precision allows.
  for (const site of input.sites) {
    const g = site.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    const color = layerOf.get(site.layer)?.color ?? '#777777';
    const d = paths({ type: 'Feature', properties: {}, geometry: g as Polygon } as Feature<Polygon>);
    // An indicative area has no known edge: a soft, wide, faint stroke instead of a line (as the live map's halo).
    const edge = site.precision === 'indicative' ? 'stroke-width="7" stroke-opacity="0.3" stroke-linejoin="round"' : 'stroke-width="2"';
    svg.push(
      `<path d="${d}" fill="${color}" fill-opacity="${input.fillOpacity[site.precision] ?? 0.16}" stroke="${color}" ${edge} vector-effect="non-scaling-stroke"/>`,
    );
  }
  for (const link of input.links) {
    const d = link.line.map((p, i) => `${i ? 'L' : 'M'}${project(p).map(r1).join(' ')}`).join('');
    svg.push(
      `<path d="${d}" fill="none" stroke="${link.color}" stroke-width="2" stroke-dasharray="6 4" stroke-opacity="0.9" stroke-linecap="round" vector-effect="non-scaling-stroke"/>`,
    );
  }
  svg.push('</svg>');

  // Markers and labels: HTML at the style's pixel sizes, placed in per cent of the frame.
  const pct = (p: Position) => {
    const [x, y] = project(p);
    return `left:${round((x / W) * 100, 2)}%;top:${round((y / height) * 100, 2)}%`;
  };
  const inside = (p: Position) =>
    (p[0] as number) > w - dx && (p[0] as number) < e + dx && (p[1] as number) > s - dy && (p[1] as number) < n + dy;
  const html: string[] = [];
  for (const site of input.sites) {
    if (site.geometry.type !== 'Point') continue;
    const at = site.geometry.coordinates as Position;
    const layer = layerOf.get(site.layer);
    if (!layer || !inside(at)) continue;
    const hollow = site.precision === 'indicative';
    html.push(
      `<span class="static-marker" style="${pct(at)}"><svg width="18" height="18" viewBox="0 0 16 16"><path d="${SYMBOL_PATHS[layer.symbol as keyof typeof SYMBOL_PATHS] ?? SYMBOL_PATHS.circle}" fill="${hollow ? '#fff' : layer.color}" stroke="${layer.color}" stroke-width="${hollow ? 1.8 : 1}"${hollow ? ' stroke-dasharray="2.5 1.5"' : ''} stroke-linejoin="round"/></svg></span>`,
    );
  }
  const taken: [number, number][] = [];
  for (const l of input.labels.features) {
    const at = l.geometry.coordinates;
    if (!inside(at)) continue;
    taken.push(project(at));
    if (l.properties.kind === 'seat') {
      html.push(`<span class="static-seat" style="${pct(at)}"></span>`);
      html.push(`<span class="static-label seat" style="${pct(at)}">${esc(l.properties.name_zh)}</span>`);
      continue;
    }
    const role = l.properties.role;
    // The county's own name carries the Element Timing mark the bench reads (the static map's first paint).
    const timing = role === 'focus' ? ' elementtiming="static-map"' : '';
    html.push(
      `<span class="static-label ${role === 'focus' ? 'focus' : role === 'enclave-host' ? 'host' : ''}" style="${pct(at)}"${timing}>${esc(l.properties.name_zh)}</span>`,
    );
  }
  if (county) html.push(...countyPlaces(county, taken, pct, project, inside));
  // `data-county`: the live page keeps this picture until MapLibre has drawn the county map too (src/ui/StaticMap.tsx).
  return `<div class="static-map-frame"${county ? ' data-county=""' : ''} style="aspect-ratio:${round(aspect, 4)};--static-aspect:${round(aspect, 4)}">${svg.join('')}${html.join('')}</div>`;
}

/**
 * The county basemap under the counties: its background past the frame, water, rivers, main roads with
 * their casings — the county style's colours (src/basemap/countyStyle.ts) at the opening zoom, simplified to
 * two units of the viewBox (a pixel on a large screen).
 */
function countyBasemap(
  c: NonNullable<StaticMapInput['county']>,
  project: (p: Position) => [number, number],
  tolerance: number,
  near: (f: Feature<Polygon | MultiPolygon>) => boolean,
): string {
  const C = c.countyPalette;
  const line = (l: Position[]) =>
    linePath(
      (simplify({ type: 'LineString', coordinates: l }, { tolerance: tolerance * 2 }) as { coordinates: Position[] }).coordinates,
      project,
    );
  const out: string[] = [`<rect x="-${W * 4}" y="-${W * 4}" width="${W * 9}" height="${W * 9}" fill="${C.earth}"/>`];
  const water = c.water
    .map((rings) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } }) as Feature<Polygon>)
    .filter(near)
    .map((f) => simplify(f, { tolerance }))
    .map((f) => f.geometry.coordinates.map((r) => ringPath(r, project)).join(''))
    .filter(Boolean);
  if (water.length) out.push(`<path d="${water.join('')}" fill="${C.water}"/>`);
  const rivers = c.rivers.map(line).filter(Boolean);
  if (rivers.length)
    out.push(`<path d="${rivers.join('')}" fill="none" stroke="${C.water}" stroke-width="1.5" vector-effect="non-scaling-stroke"/>`);
  for (const [kind, width, fill, casing] of [
    ['major_road', 1.6, C.major, C.major_casing_early],
    ['highway', 2.4, C.highway, C.highway_casing_early],
  ] as const) {
    const d = c.roads
      .filter((r) => r.kind === kind)
      .map((r) => line(r.line))
      .join('');
    if (!d) continue;
    const common = 'fill="none" stroke-linecap="round" stroke-linejoin="round" vector-effect="non-scaling-stroke"';
    out.push(`<path d="${d}" stroke="${casing}" stroke-width="${width + 1.5}" ${common}/>`);
    out.push(`<path d="${d}" stroke="${fill}" stroke-width="${width}" ${common}/>`);
  }
  return out.join('');
}

/**
 * The county basemap's town names, the most important first, each kept clear of the names already placed
 * (`taken`, in units: the app's county and seat labels, then the towns before it), as MapLibre places labels
 * without overlap: about 50 px apart across, 18 px up and down, on a large screen.
 */
function countyPlaces(
  c: NonNullable<StaticMapInput['county']>,
  taken: [number, number][],
  pct: (p: Position) => string,
  project: (p: Position) => [number, number],
  inside: (p: Position) => boolean,
): string[] {
  const out: string[] = [];
  for (const p of c.places) {
    if (!inside(p.at)) continue;
    const [x, y] = project(p.at);
    if (!taken.every(([tx, ty]) => Math.abs(tx - x) > 110 || Math.abs(ty - y) > 40)) continue;
    taken.push([x, y]);
    out.push(`<span class="static-label place" style="${pct(p.at)};color:${c.countyPalette.city_label}">${esc(p.name)}</span>`);
  }
  return out;
}
