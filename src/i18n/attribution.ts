/**
 * The credit lines of what the map shows: the sites' sources and the datum, the county outlines'
 * source, and the online basemap's own credit when one is on. The map's attribution control shows
 * `mapCredits` (MapLibre adds the counties' credit from their source); exports (PNG, print) show all.
 */
import type { BasemapConfig } from '../basemap/config';
import { COUNTIES_CREDIT } from '../data/credits';
import { meta } from '../data/geodata';
import { type Lang, STRINGS } from './strings';

export function mapCredits(lang: Lang, online: BasemapConfig | null): string[] {
  return [STRINGS[lang].attribution(online?.datum ?? meta.datum), ...(online ? [online.attribution] : [])];
}

export function exportAttribution(lang: Lang, basemapId: string, basemaps: readonly BasemapConfig[]): string {
  const [sites, ...basemap] = mapCredits(lang, basemaps.find((b) => b.id === basemapId) ?? null);
  return [sites, COUNTIES_CREDIT, ...basemap].join(' · ');
}
