/** The tour on the map: while it runs, the arrow keys are the presenter's clicker, not panning. */
import type { Contribution, MapFeature } from '../map/registry';
import { useTour } from './tourState';

const TOURING: Contribution = { keyboard: false };
const BROWSING: Contribution = { keyboard: true };

export const tourMapFeature: MapFeature = {
  id: 'tour',
  // The same object while nothing changed: the map owner re-merges on every new contribution.
  useContribution: () => (useTour((s) => s.active) ? TOURING : BROWSING),
};
