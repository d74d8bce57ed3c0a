/**
 * What the specs expect, read from geodata/ (the same files the app is built from), so a change of
 * data changes the expectations rather than breaking them.
 */
import { readdirSync, readFileSync } from 'node:fs';

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../geodata/${path}`, import.meta.url), 'utf8')) as T;

export interface SiteProps {
  id: string;
  layer: string;
  name: { zh: string; en: string };
  precision: string;
  precisionNote: { zh: string; en: string };
  status: string;
}
interface SiteFeature {
  properties: SiteProps;
  geometry: { type: string; coordinates: unknown };
}

export const sites: SiteFeature[] = readdirSync(new URL('../../geodata/sites/', import.meta.url))
  .filter((f) => f.endsWith('.geojson'))
  .flatMap((f) => read<{ features: SiteFeature[] }>(`sites/${f}`).features);

/** A site's properties by id, with its names as the map's features carry them; throws for an id the data does not have (a stale spec). */
export function site(id: string): SiteProps & { name_zh: string; name_en: string } {
  const s = sites.find((x) => x.properties.id === id);
  if (!s) throw new Error(`geodata has no site "${id}"`);
  return { ...s.properties, name_zh: s.properties.name.zh, name_en: s.properties.name.en };
}

/** A site's point (a Point site's coordinates), for a test that clicks it where the map draws it. */
export function sitePoint(id: string): [number, number] {
  const s = sites.find((x) => x.properties.id === id);
  if (s?.geometry.type !== 'Point') throw new Error(`geodata has no point site "${id}"`);
  return s.geometry.coordinates as [number, number];
}

export interface Figure {
  id: string;
  label: { zh: string; en: string };
  value: number | null;
  written: string;
  unit?: { zh: string; en: string };
  change?: { value: number; unit: string };
  quote?: string;
}
const figures = read<Figure[]>('figures.json');
/** A figure by id (geodata/figures.json); throws for an id the data does not have. */
export function figure(id: string): Figure {
  const f = figures.find((x) => x.id === id);
  if (!f) throw new Error(`geodata has no figure "${id}"`);
  return f;
}

export const layers = read<{ id: string; name: { zh: string; en: string } }[]>('layers.json');

export interface Stop {
  id: string;
  camera: { center: [number, number]; zoom: number };
  title: { zh: string; en: string };
  layers: string[];
  highlight: string[];
}
export const stops = read<Stop[]>('tour.json');

const labels = read<{
  features: { properties: { kind: string; role?: string; name_zh: string }; geometry: { coordinates: [number, number] } }[];
}>('basemap/labels.geojson');
/** 遂昌县城, as in geodata/basemap/labels.geojson. */
export const COUNTY_SEAT = labels.features.find((f) => f.properties.kind === 'seat')?.geometry.coordinates as [number, number];
/** The county the map is of (遂昌县), as its label in geodata/basemap/labels.geojson names it. */
export const COUNTY_NAME = labels.features.find((f) => f.properties.role === 'focus')?.properties.name_zh as string;
