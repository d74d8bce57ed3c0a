/**
 * MapLibre's `pmtiles://` protocol, registered once for the whole app: imported archives and tiled
 * layers (src/tiles/open.ts) and the county basemap and terrain (src/basemap/countyArchive.ts) share it.
 */
import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

let protocol: Protocol | null = null;
export function ensureProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol({ metadata: true });
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}
