/**
 * The credit lines of what the map shows: the sites' sources and the datum, the county outlines'
 * source, the online basemap's own credit when one is on, the map services drawn over the map, and the
 * deployment's map review number (审图号) when it has one. The map's attribution control shows
 * `mapCredits` (the text of a service or a found archive escaped; MapLibre adds the counties' and the services' credits from their sources); exports
 * (PNG, print) show all.
 */
import type { BasemapConfig } from '../basemap/config';
import { COUNTIES_CREDIT } from '../data/credits';
import { meta } from '../data/geodata';
import { type Lang, STRINGS } from './strings';

/**
 * A deployment's map review number (审图号, e.g. "浙S(2026)000号"), set at build time with
 * VITE_MAP_REVIEW_NUMBER: a public map showing administrative units in China needs one.
 */
export const REVIEW_NUMBER: string | null = (import.meta.env?.VITE_MAP_REVIEW_NUMBER as string | undefined)?.trim() || null;

const asText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The lines for MapLibre's attribution control, which shows them as markup: a configured basemap's
 * credit as its deployer wrote it (a link may be meant), a service's own text escaped.
 */
export function mapCredits(lang: Lang, online: BasemapConfig | null, review: string | null = REVIEW_NUMBER): string[] {
  return [
    STRINGS[lang].attribution(online?.datum ?? meta.datum),
    ...(online ? [online.service || online.found ? asText(online.attribution) : online.attribution] : []),
    ...(review ? [asText(STRINGS[lang].reviewNumber(review))] : []),
  ];
}

/** One line for the PNG and the print: `overlays` are the credits of the map services drawn over the map. */
export function exportAttribution(
  lang: Lang,
  basemapId: string,
  basemaps: readonly BasemapConfig[],
  overlays: readonly string[] = [],
  review: string | null = REVIEW_NUMBER,
): string {
  const online = basemaps.find((b) => b.id === basemapId) ?? null;
  return [
    STRINGS[lang].attribution(online?.datum ?? meta.datum),
    COUNTIES_CREDIT,
    ...(online ? [online.attribution] : []),
    ...new Set(overlays),
    ...(review ? [STRINGS[lang].reviewNumber(review)] : []),
  ].join(' · ');
}
