/** Colours and sizes of the map that are not per-layer data (those live in geodata/layers.json). */
export const PALETTE = {
  outsideZhejiang: '#c3cad3',
  zhejiang: '#dde2e8',
  lishui: '#eceff3',
  focus: '#fbfcfd',
  countyLine: '#a9b2bd',
  focusLine: '#1f2d3d',
  enclaveHost: '#CC79A7',
  label: '#1f2d3d',
  labelMuted: '#55606e',
  halo: 'rgba(255,255,255,0.92)',
  selected: '#111827',
  enclaveHostLabel: '#8e3b6b',
  /** A site of a layer the palette does not know (the data check makes it rare). */
  unknownLayer: '#777777',
  white: '#ffffff',
  /** The 15-minute walking circles and the community centres' coverage. */
  walk: '#E69F00',
  walkLine: '#B07800',
  /** The planner's proximity rings, own drawings and the drawing in progress. */
  ring: '#16324f',
  drawing: '#5E3C99',
  draft: '#D55E00',
  /** The precision legend's sample shapes (no layer's colour). */
  legendNeutral: '#4a5a6a',
} as const;

/** Layers a user adds (imports, archives), given in turn: apart from the sites' colours and from each other. */
export const USER_LAYER_COLORS = ['#7B3294', '#1b7837', '#A6611A', '#2166ac', '#D01C8B', '#404040', '#b35806', '#008837'] as const;

/** Fill opacity by precision: official geometry is filled fully, indicative faintly (docs/data.md, "Honest figures and geometry"). */
export const FILL_OPACITY = { official: 0.5, described: 0.32, indicative: 0.16 } as const;

/** A user layer styled by categories (src/layers/style.ts): Okabe–Ito and Tableau-like colours that stay apart for most colour vision. */
export const CATEGORY_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
  '#F0E442',
  '#7B3294',
  '#8C564B',
  '#17BECF',
];
/** A sequential ramp, light to dark (ColorBrewer YlOrRd, 5 classes). */
export const RAMP = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
export const OTHER_COLOR = '#9aa5b1';

/**
 * The county basemap's colours over the Protomaps light flavour (src/basemap/countyStyle.ts): muted land, water
 * and roads, paler than the flavour and greyer than the sites' Okabe–Ito colours.
 */
export const COUNTY_BASEMAP = {
  background: '#e9ecef',
  earth: '#f3f1ec',
  water: '#b9d3e4',
  park_a: '#e3ebe0',
  park_b: '#d3e2cf',
  wood_a: '#e0e9dc',
  wood_b: '#cfdfc9',
  scrub_a: '#e5ebe0',
  scrub_b: '#d8e4d3',
  industrial: '#e8e6e9',
  hospital: '#efe8e6',
  school: '#efebe4',
  highway: '#fdf3dc',
  highway_casing_early: '#d9cfb8',
  highway_casing_late: '#d9cfb8',
  major: '#ffffff',
  major_casing_early: '#d6d6d6',
  major_casing_late: '#d6d6d6',
  railway: '#9aa3ab',
  boundaries: '#b4a7b8',
  city_label: '#4d5866',
  city_label_halo: 'rgba(255,255,255,0.9)',
  subplace_label: '#7b8591',
  roads_label_major: '#7b8591',
  roads_label_minor: '#8d969f',
} as const;

/** Hillshade from the terrain archive (src/basemap/terrainFeature.ts): grey shadows that leave the sites' colours alone. */
export const HILLSHADE = { shadow: '#5b6470', highlight: '#ffffff', accent: '#7d8794' } as const;

/** The share picture (src/embed/poster.ts) and the QR codes: dark modules on white, the app's brand band. */
export const SHARE = {
  qrDark: '#000000',
  qrLight: '#ffffff',
  band: '#16324f',
  bandText: '#ffffff',
  ink: '#1f2d3d',
  ink2: '#4b5868',
  paper: '#ffffff',
  line: '#dfe4ea',
} as const;
