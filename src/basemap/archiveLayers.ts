/**
 * The county basemap's layers, from whoever registered their builder: countyStyle.ts (with
 * @protomaps/basemaps, ~7 kB gzipped) is loaded only where an archive basemap is found or configured,
 * not with every map. The pure style builder (src/map/style.ts) asks here; the builder is registered
 * before an archive basemap is offered, so a chosen one always has its layers.
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/strings';

type Builder = (source: string, lang: Lang, fontFamily: string) => LayerSpecification[];
let builder: Builder | null = null;

export function registerArchiveLayers(b: Builder): void {
  builder = b;
}

export const archiveLayers: Builder = (source, lang, fontFamily) => builder?.(source, lang, fontFamily) ?? [];

/** Loads the county style and registers it. */
export async function loadArchiveLayers(): Promise<void> {
  registerArchiveLayers((await import('./countyStyle')).countyBasemapLayers);
}
