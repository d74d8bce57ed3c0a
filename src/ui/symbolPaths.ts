import type { LayerDef } from '../data/schema';

/** The layers' marker shapes on a 16-unit square: the legend, the site list and the static first map. */
export const SYMBOL_PATHS: Record<LayerDef['symbol'], string> = {
  square: 'M3 3h10v10H3z',
  triangle: 'M8 2l6.5 11.5h-13z',
  diamond: 'M8 1.5l6.5 6.5L8 14.5 1.5 8z',
  star: 'M8 1.2l1.9 4.3 4.7.4-3.6 3.1 1.1 4.6L8 11.2l-4.1 2.4 1.1-4.6-3.6-3.1 4.7-.4z',
  circle: 'M8 2a6 6 0 1 1 0 12A6 6 0 0 1 8 2z',
  hexagon: 'M8 1.5l5.6 3.25v6.5L8 14.5l-5.6-3.25v-6.5z',
};
