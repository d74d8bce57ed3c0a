/** Source and layer ids of the map style: the contract between the style builder, the map owner and the tests. */
export const SOURCE = {
  counties: 'counties',
  countyLabels: 'county-labels',
  sites: 'sites',
  siteLabels: 'site-labels',
  connections: 'connections',
  connectionLabels: 'connection-labels',
  walkCircles: 'walk-circles',
  onlineBasemap: 'online-basemap',
} as const;

export const LAYER = {
  background: 'background',
  onlineBasemap: 'online-basemap',
  countyFill: 'county-fill',
  countyLine: 'county-line',
  focusOutline: 'focus-outline',
  enclaveHostOutline: 'enclave-host-outline',
  siteFill: 'site-fill',
  siteOutline: 'site-outline',
  siteOutlineIndicative: 'site-outline-indicative',
  siteEdgeIndicative: 'site-edge-indicative',
  selectedOutline: 'selected-outline',
  selectedOutlineIndicative: 'selected-outline-indicative',
  walkCircleFill: 'walk-circle-fill',
  walkCircleLine: 'walk-circle-line',
  connectionLine: 'connection-line',
  connectionLabel: 'connection-label',
  siteHalo: 'site-halo',
  sitePoint: 'site-point',
  siteLabel: 'site-label',
  countyLabel: 'county-label',
  seatLabel: 'seat-label',
} as const;

/** Layers a click or hover can hit (site geometry). */
export const INTERACTIVE_LAYERS = [LAYER.sitePoint, LAYER.siteFill] as const;

/** Icon ids for site markers (site-<layer>-hollow|solid): drawn on demand (styleimagemissing). */
export const ICON_PATTERN = /^site-([a-z0-9-]+)-(hollow|solid)$/;
