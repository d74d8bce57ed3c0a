/** Pure questions asked of the data: which figures belong to a site, what is near, what matches a search. */
import { bbox, centroid, circle, distance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import type { Lang } from '../i18n/strings';
import type { FigureDef, GroupDef, LayerDef, Precision, SiteDef, Status } from './schema';

export interface SiteFilter {
  visibleLayers: readonly string[];
  statuses: readonly Status[];
  precisions: readonly Precision[];
}

export const passesFilter = (site: SiteDef, f: SiteFilter) =>
  f.visibleLayers.includes(site.properties.layer) &&
  f.statuses.includes(site.properties.status) &&
  f.precisions.includes(site.properties.precision);

/** Sites that pass the status and precision filters, whatever the layer visibility (for counts). */
export const passesAttributeFilter = (site: SiteDef, f: Omit<SiteFilter, 'visibleLayers'>) =>
  f.statuses.includes(site.properties.status) && f.precisions.includes(site.properties.precision);

export function indexSites(sites: readonly SiteDef[]): Map<string, SiteDef> {
  return new Map(sites.map((s) => [s.properties.id, s]));
}

/** The site's own figures: those the source attributes to it. */
export const figuresOfSite = (figures: readonly FigureDef[], siteId: string) => figures.filter((f) => f.scope === siteId);

/** County-wide figures that concern the site without being its own. */
export const relatedCountyFigures = (figures: readonly FigureDef[], siteId: string) =>
  figures.filter((f) => f.scope === 'county' && f.related?.includes(siteId));

/** The groups a site belongs to, each with the figures of the whole (the zone's total area on each block). */
export function groupFiguresOfSite(figures: readonly FigureDef[], groups: readonly GroupDef[], siteId: string) {
  return groups
    .filter((g) => g.members.includes(siteId))
    .map((group) => ({ group, figures: figures.filter((f) => f.scope === group.id) }))
    .filter((g) => g.figures.length > 0);
}

/** A result, not an expectation (有望) nor the dashboard's own measure: what the overview lists. */
const isResult = (f: FigureDef) => f.kind !== 'prospect' && f.origin !== 'dashboard';

/** The overview's figures of a section: county-wide ones and those of a whole (the zone, a line), results only. */
export const countyFiguresBySection = (figures: readonly FigureDef[], sectionId: string, groups: readonly GroupDef[] = []) =>
  figures.filter((f) => (f.scope === 'county' || groups.some((g) => g.id === f.scope)) && f.section === sectionId && isResult(f));

/** What the article expects rather than reports (平安建设有望实现“十八连冠”): shown apart, never as a key figure. */
export const prospectFigures = (figures: readonly FigureDef[]) => figures.filter((f) => f.kind === 'prospect');

export type FigureScope = { kind: 'county' } | { kind: 'group'; group: GroupDef } | { kind: 'site'; site: SiteDef };
/** Whose figure it is, for a tag where figures stand outside a site's panel (the tour). */
export function figureScope(f: FigureDef, sites: readonly SiteDef[], groups: readonly GroupDef[]): FigureScope {
  const group = groups.find((g) => g.id === f.scope);
  if (group) return { kind: 'group', group };
  const site = sites.find((s) => s.properties.id === f.scope);
  return site ? { kind: 'site', site } : { kind: 'county' };
}

/** Growth rates the article gives: a figure's change, or a figure that is itself a rate. */
export interface GrowthRate {
  id: string;
  figure: FigureDef;
  value: number;
}
export function growthRates(figures: readonly FigureDef[]): GrowthRate[] {
  const out: GrowthRate[] = [];
  for (const f of figures) {
    if (f.origin !== 'article') continue;
    if (f.change) out.push({ id: f.id, figure: f, value: f.change.value });
    else if (f.kind === 'rate' && typeof f.value === 'number') out.push({ id: f.id, figure: f, value: f.value });
  }
  return out.sort((a, b) => b.value - a.value);
}

/** One position per site for distances, labels and camera moves. */
export function anchorOf(site: SiteDef): [number, number] {
  if (site.geometry.type === 'Point') return [site.geometry.coordinates[0], site.geometry.coordinates[1]];
  const c = centroid(site.geometry as Parameters<typeof centroid>[0]).geometry.coordinates;
  return [c[0] as number, c[1] as number];
}

export function boundsOf(site: SiteDef): [number, number, number, number] {
  const b = bbox(site.geometry as Parameters<typeof bbox>[0]);
  return [b[0], b[1], b[2], b[3]];
}

export const km = (a: Position, b: Position) => distance(a, b, { units: 'kilometers' });

export interface Nearby {
  site: SiteDef;
  km: number;
}
export function nearbySites(sites: readonly SiteDef[], siteId: string, limit = 5): Nearby[] {
  const from = sites.find((s) => s.properties.id === siteId);
  if (!from) return [];
  const a = anchorOf(from);
  return sites
    .filter((s) => s.properties.id !== siteId)
    .map((s) => ({ site: s, km: km(a, anchorOf(s)) }))
    .sort((x, y) => x.km - y.km)
    .slice(0, limit);
}

export function searchSites(sites: readonly SiteDef[], query: string, lang: Lang): SiteDef[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { site: SiteDef; score: number }[] = [];
  for (const site of sites) {
    const p = site.properties;
    const names = lang === 'zh' ? [p.name.zh, p.name.en, p.id] : [p.name.en, p.name.zh, p.id];
    let score = Number.POSITIVE_INFINITY;
    names.forEach((n, i) => {
      const t = n.toLowerCase();
      const at = t.indexOf(q);
      if (at >= 0) score = Math.min(score, i * 100 + (at === 0 ? 0 : 10) + at);
    });
    if (Number.isFinite(score)) scored.push({ site, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.site);
}

export interface MapSiteProps {
  id: string;
  layer: string;
  name_zh: string;
  name_en: string;
  precision: Precision;
  status: Status;
}

/** Flat properties for MapLibre (nested objects in GeoJSON properties become strings there). */
export function siteFeatures(sites: readonly SiteDef[]): FeatureCollection<SiteDef['geometry'], MapSiteProps> {
  return {
    type: 'FeatureCollection',
    features: sites.map((s) => ({
      type: 'Feature',
      id: s.properties.id,
      properties: {
        id: s.properties.id,
        layer: s.properties.layer,
        name_zh: s.properties.name.zh,
        name_en: s.properties.name.en,
        precision: s.properties.precision,
        status: s.properties.status,
      },
      geometry: s.geometry,
    })),
  };
}

/**
 * One label point per site (a polygon labelled per tile would repeat its name). `far`: the site is
 * away from the county and joined to it by a link (an enclave): labelled at every zoom.
 */
export function siteLabelPoints(sites: readonly SiteDef[]): FeatureCollection<import('geojson').Point, MapSiteProps & { far: boolean }> {
  const fc = siteFeatures(sites);
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f, i) => ({
      ...f,
      properties: { ...f.properties, far: (sites[i] as SiteDef).properties.connectsTo !== undefined },
      geometry: { type: 'Point', coordinates: anchorOf(sites[i] as SiteDef) },
    })),
  };
}

/**
 * The dashboard's 15-minute walk radius (步行15分钟范围, not the article's culture circles) around the community centres: at about
 * 4.5 km/h a quarter of an hour covers about 1.1 km of street, which is roughly 1 km
 * as the crow flies in a compact town; the radius is a parameter, not a claim.
 */
export const WALK_RADIUS_KM = 1;

/** The sites whose layer has walking circles (layers.json: `walkingCircles`), not a layer named in code. */
export const circleSites = (sites: readonly SiteDef[], layers: readonly LayerDef[]) =>
  sites.filter((s) => layers.some((l) => l.walkingCircles && l.id === s.properties.layer));

export function walkingCircles(
  sites: readonly SiteDef[],
  layers: readonly LayerDef[],
  radiusKm = WALK_RADIUS_KM,
): FeatureCollection<import('geojson').Polygon, { id: string }> {
  return {
    type: 'FeatureCollection',
    features: circleSites(sites, layers).map((s) => ({
      ...circle(anchorOf(s), radiusKm, { steps: 48, units: 'kilometers' }),
      properties: { id: s.properties.id },
    })),
  };
}

export interface ConnectionProps {
  id: string;
  layer: string;
  km: number;
}

/**
 * A gentle arc from the county seat to each enclave (quadratic Bézier bowed to the
 * left of the direction of travel), so a 250 km jump reads as a link, not a road.
 */
export function connectionLines(
  sites: readonly SiteDef[],
  seat: [number, number],
  steps = 48,
): FeatureCollection<LineString, ConnectionProps> {
  const features: Feature<LineString, ConnectionProps>[] = [];
  for (const s of sites) {
    if (s.properties.connectsTo !== 'county-seat') continue;
    const end = anchorOf(s);
    const [x0, y0] = seat;
    const [x1, y1] = end;
    const mx = (x0 + x1) / 2;
    const my = (y0 + y1) / 2;
    const bow = 0.18;
    const cx = mx - (y1 - y0) * bow;
    const cy = my + (x1 - x0) * bow;
    const coordinates: Position[] = [];
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      const u = 1 - t;
      coordinates.push([u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1]);
    }
    features.push({
      type: 'Feature',
      id: `link-${s.properties.id}`,
      properties: { id: s.properties.id, layer: s.properties.layer, km: Math.round(km(seat, end)) },
      geometry: { type: 'LineString', coordinates },
    });
  }
  return { type: 'FeatureCollection', features };
}
