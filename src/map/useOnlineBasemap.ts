/**
 * The online basemap, when one is chosen: its style input, the overlays converted to
 * its datum, and the fallback to the embedded basemap when it fails (errors, or no
 * tile within a timeout), with a notice.
 */
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { ErrorEvent as MapErrorEvent, Map as MapLibreMap, MapSourceDataEvent, StyleSpecification } from 'maplibre-gl';
import { useEffect, useMemo, useState } from 'react';
import { type BasemapConfig, needsConversion } from '../basemap/config';
import { convertCollection, convertPoint } from '../basemap/datum';
import { COUNTY_SEAT, countiesFileUrl, countyLabels, layers, meta, sites } from '../data/geodata';
import type { SiteDef } from '../data/schema';
import { connectionLines, indexSites, siteFeatures, siteLabelPoints, walkingCircles } from '../data/selectors';
import { STRINGS } from '../i18n/strings';
import { useApp } from '../state/store';
import { SOURCE } from './ids';

export const ONLINE_TIMEOUT_MS = 10_000;

export interface Overlay {
  counties: string | FeatureCollection;
  countyLabels: FeatureCollection<Point>;
  sites: ReturnType<typeof siteFeatures>;
  siteLabels: ReturnType<typeof siteLabelPoints>;
  connections: ReturnType<typeof connectionLines>;
  circles: ReturnType<typeof walkingCircles>;
  siteIndex: Map<string, SiteDef>;
  seat: [number, number];
  toMap: (p: [number, number]) => [number, number];
}

function makeOverlay(
  counties: string | FeatureCollection,
  convert: (fc: FeatureCollection) => FeatureCollection,
  toMap: Overlay['toMap'],
): Overlay {
  const datumSites = (convert({ type: 'FeatureCollection', features: sites as never }).features as unknown as SiteDef[]) ?? sites;
  const seat = toMap(COUNTY_SEAT);
  return {
    counties,
    countyLabels: convert(countyLabels) as FeatureCollection<Point>,
    sites: siteFeatures(datumSites),
    siteLabels: siteLabelPoints(datumSites),
    connections: connectionLines(datumSites, seat),
    circles: walkingCircles(datumSites, layers),
    siteIndex: indexSites(datumSites),
    seat,
    toMap,
  };
}

const COUNTIES_URL = () => new URL(countiesFileUrl, location.href).href;
const EMBEDDED = makeOverlay(
  COUNTIES_URL(),
  (fc) => fc,
  (p) => p,
);

/** Back to the embedded basemap, with a notice (unless another basemap was chosen meanwhile). */
function fallback(c: BasemapConfig, why: string): void {
  console.warn(`online basemap "${c.id}" failed: ${why}`);
  const app = useApp.getState();
  if (app.basemapId !== c.id) return;
  app.setBasemap('embedded');
  app.notify(STRINGS[app.lang].basemapOnlineFailed(c.name[app.lang]));
}

export type Online = { config: BasemapConfig; vectorStyle?: StyleSpecification } | null;

export function useOnlineBasemap(): { online: Online; overlay: Overlay } {
  const basemapId = useApp((s) => s.basemapId);
  const basemaps = useApp((s) => s.basemaps);
  const config = basemaps.find((b) => b.id === basemapId) ?? null;
  const convert = needsConversion(meta.datum, config);
  const [counties, setCounties] = useState<FeatureCollection | null>(null);
  const [vectorStyle, setVectorStyle] = useState<{ id: string; style: StyleSpecification } | null>(null);

  // The counties in the basemap's datum (fetched once, converted on the main thread).
  useEffect(() => {
    if (!convert || counties) return;
    let live = true;
    fetch(COUNTIES_URL())
      .then((r) => r.json() as Promise<FeatureCollection>)
      .then((fc) => live && setCounties(fc))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [convert, counties]);

  // A vector basemap's style, with a timeout.
  useEffect(() => {
    if (config?.type !== 'vector' || !config.style || vectorStyle?.id === config.id) return;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), ONLINE_TIMEOUT_MS);
    fetch(config.style, { signal: abort.signal })
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json() as Promise<StyleSpecification>;
      })
      .then((style) => setVectorStyle({ id: config.id, style }))
      .catch((e: Error) => fallback(config, e.message))
      .finally(() => clearTimeout(timer));
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [config, vectorStyle]);

  const overlay = useMemo(() => {
    if (!config || !convert) return EMBEDDED;
    if (!counties) return null;
    const from = meta.datum;
    const to = config.datum;
    return makeOverlay(
      convertCollection(counties, from, to),
      (fc) => convertCollection(fc as FeatureCollection<Geometry>, from, to),
      (p) => convertPoint(p, from, to),
    );
  }, [config, convert, counties]);

  // The same object while nothing changed: the sites' style input and every feature's context depend on it,
  // and a new one each render made the map re-render without end (found with a service as the basemap).
  const style = config?.type === 'vector' && vectorStyle?.id === config.id ? vectorStyle.style : undefined;
  const online = useMemo<Online>(() => {
    if (!config || !overlay) return null;
    if (config.type === 'vector') return style ? { config, vectorStyle: style } : null;
    // Raster tiles and the county archive are sources and layers of the app's own style.
    return { config };
  }, [config, overlay, style]);
  return online && overlay ? { online, overlay } : { online: null, overlay: EMBEDDED };
}

/**
 * Tile errors, or (for a server, not an archive) no tile within ONLINE_TIMEOUT_MS of the map being created for
 * this basemap: back to the embedded basemap. `map`: the map instance drawing `online`, watched from its creation.
 */
export function useOnlineFallback(map: MapLibreMap | null, online: Online): void {
  useEffect(() => {
    if (!map || !online) return;
    const config = online.config;
    const vector = online.vectorStyle;
    const own = (id: string | undefined) =>
      id === SOURCE.onlineBasemap || (vector !== undefined && id !== undefined && id in vector.sources);
    let loaded = false;
    let errors = 0;
    const onError = (e: MapErrorEvent & { sourceId?: string }) => {
      if (!own(e.sourceId)) return;
      errors++;
      if (!loaded || errors >= 3) fallback(config, e.error?.message ?? 'tile error');
    };
    const onData = (e: MapSourceDataEvent) => {
      if (own(e.sourceId) && e.tile) loaded = true;
    };
    // A server that never answers is given up on after the timeout. Not an archive of this deployment: it was
    // read (its header) when it was found, and on a slow machine — software rendering, a tour flying into 3D at
    // 1920×1080 — its first tile can take longer than that while nothing is wrong (found by the 3D tour-stop e2e).
    const timer =
      config.type === 'archive'
        ? undefined
        : setTimeout(() => {
            if (!loaded) fallback(config, `no tile within ${ONLINE_TIMEOUT_MS / 1000} s`);
          }, ONLINE_TIMEOUT_MS);
    map.on('error', onError);
    map.on('sourcedata', onData);
    return () => {
      clearTimeout(timer);
      map.off('error', onError);
      map.off('sourcedata', onData);
    };
  }, [map, online]);
}
