import { COUNTY_SEAT, countyLabels, layers, sites } from '../../src/data/geodata';
import { connectionLines, siteFeatures, siteLabelPoints, walkingCircles } from '../../src/data/selectors';
import { connectionLabelPoints, type MapData, type StyleInput } from '../../src/map/style';

/** A style input and data for the style builder's tests: every layer shown, nothing chosen, the embedded basemap. */
export const lines = connectionLines(sites, COUNTY_SEAT);
export const styleData: MapData = {
  counties: 'http://127.0.0.1/counties.geojson',
  countyLabels,
  sites: siteFeatures(sites),
  siteLabels: siteLabelPoints(sites),
  connections: lines,
  connectionLabels: connectionLabelPoints(lines),
  circles: walkingCircles(sites, layers),
};

export const styleInput = (over: Partial<StyleInput> = {}): StyleInput => ({
  lang: 'zh',
  fonts: [{ url: 'http://127.0.0.1/latin.woff2', unicodeRange: ['U+0000-00FF'] }, { url: 'http://127.0.0.1/cjk.woff2' }],
  fontFamily: 'Noto Sans SC',
  online: null,
  layers,
  linkLayers: [...new Set(lines.features.map((f) => f.properties.layer))],
  visibleLayers: layers.map((l) => l.id),
  opacity: Object.fromEntries(layers.map((l) => [l.id, 1])),
  statuses: ['built', 'building', 'planned'],
  precisions: ['official', 'described', 'indicative'],
  selectedId: null,
  highlightIds: [],
  circles: false,
  ...over,
});
