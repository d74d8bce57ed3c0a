/**
 * The tour on the map: while it runs, the arrow keys are the presenter's clicker, not panning; while
 * a tour is edited, a click on a site highlights it in the stop being edited (or no longer).
 */
import { SITE_IDS } from '../data/geodata';
import type { Contribution, MapFeature } from '../map/registry';
import { siteAt } from '../map/sitesFeature';
import { change, EDIT_MODE, useEditor } from './editor/editorState';
import { toggleIn, updateStop } from './editor/stopOps';
import { isBigScreen, tourCover } from './padding';
import { useTour } from './tourState';

const TOURING: Contribution = { keyboard: false };
const BROWSING: Contribution = { keyboard: true };

export const tourMapFeature: MapFeature = {
  id: 'tour',
  // The same object while nothing changed: the map owner re-merges on every new contribution.
  useContribution: () => (useTour((s) => s.active) ? TOURING : BROWSING),
  // The caption card, while the tour runs; the editor frames each stop as the tour will show it.
  covers: () =>
    useTour.getState().active || useEditor.getState().open ? tourCover(isBigScreen(useTour.getState().theme, innerWidth)) : null,
  modes: {
    [EDIT_MODE]: {
      click: (e, { map }) => {
        const id = siteAt(map, e.point);
        const { doc, stopIndex } = useEditor.getState();
        const stop = doc?.stops[stopIndex];
        if (!id || !stop) return false;
        change((s) => updateStop(s, stopIndex, { highlight: toggleIn(stop.highlight, id, SITE_IDS) }));
        return true;
      },
    },
  },
};
