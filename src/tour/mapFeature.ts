/** The tour on the map: while it runs, the arrow keys are the presenter's clicker, not panning. */
import type { MapFeature } from '../map/registry';
import { useTour } from './tourState';

export const tourMapFeature: MapFeature = {
  id: 'tour',
  useContribution: () => ({ keyboard: !useTour((s) => s.active) }),
};
