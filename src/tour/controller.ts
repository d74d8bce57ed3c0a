/**
 * Carries out the tour: each stop sets the layers, the emphasis and the camera; leaving
 * restores what was on screen before. The other window (speaker view) follows over
 * the BroadcastChannel, which carries the tour's stops (it may be one the presenter made).
 */

import { showStopTerrain } from '../basemap/terrainState';
import type { TourStopDef } from '../data/schema';
import { showStopServices } from '../layers/stopServices';
import { TAB_ID } from '../lib/keyed';
import { currentView, home, showStop, showView } from '../map/cameraApi';
import { useApp } from '../state/store';
import { openChannel } from './channel';
import { STOP_FRAME } from './padding';
import { type Kiosk, type PlayedTour, type Saved, useTour } from './tourState';
import { chosenTour, loadTours, useTours } from './tours';

/** What is on screen now, to come back to. */
export function onScreen(): Saved {
  const app = useApp.getState();
  // The view on the map now: the opening view is not reported until the map first moves.
  return { selectedId: app.selectedId, visibleLayers: app.visibleLayers, view: currentView() ?? app.view };
}

export function startTour(index: number, kiosk: Kiosk | null = null, tour: PlayedTour = chosenTour()): void {
  // The subscription in startTourSync applies the stop.
  useTour.getState().start(index, onScreen(), kiosk, tour);
}

/**
 * The header's "start": the chosen tour, at once when the list of tours is known (it is read at
 * boot), so a clicker pressed right after starting is not lost; only before that read has ended
 * does the start wait for it.
 */
export function startChosenTour(): void {
  if (useTours.getState().status !== 'loading') startTour(0);
  else void loadTours().then(() => startTour(0));
}

/** Puts a stop on the map: its layers, its emphasis and its camera. */
export function showTourStop(stop: TourStopDef, options: { camera?: boolean } = {}): void {
  const app = useApp.getState();
  if (app.selectedId) app.select(null);
  app.setLayers(stop.layers);
  app.setEmphasis({ highlight: stop.highlight, circles: Boolean(stop.circles) });
  showStopServices(stop.services);
  showStopTerrain(stop.terrain);
  if (options.camera === false) return;
  // The card's part of the padding comes from what the tour covers (mapFeature.ts).
  showStop({ ...stop.camera, ...(stop.bounds ? { bounds: stop.bounds } : {}) }, STOP_FRAME);
}

/** Back to what was on screen before a tour or the editor. */
export function restoreScreen(saved: Saved | null): void {
  const app = useApp.getState();
  app.setEmphasis(null);
  showStopServices(undefined);
  showStopTerrain(undefined);
  if (!saved) return;
  app.setLayers(saved.visibleLayers);
  app.select(saved.selectedId);
  if (saved.view) showView(saved.view);
  else home();
}

export function exitTour(): void {
  if (!useTour.getState().active) return;
  restoreScreen(useTour.getState().stop());
}

let started = false;
/** Stop changes move the map and reach the speaker view; its messages move this window. */
export function startTourSync(): void {
  if (started) return;
  started = true;
  const channel = openChannel((m) => {
    const tour = useTour.getState();
    // Another map window's tour is not this one's; a speaker view speaks to its own window, or (opened by
    // hand, not yet paired) to a window that is presenting.
    if (m.from !== undefined) return;
    const mine = m.to === TAB_ID || (m.to === undefined && tour.active);
    if (!mine) return;
    if (m.type === 'goto') {
      if (!tour.active) startTour(m.index);
      else tour.goTo(m.index, { remote: true });
    } else if (m.type === 'hello' && tour.active) channel.post({ type: 'goto', index: tour.index, stops: tour.tour.stops, from: TAB_ID });
    else if (m.type === 'exit') exitTour();
  });
  useTour.subscribe((s, prev) => {
    if (s.active && (s.index !== prev.index || !prev.active)) {
      const stop = s.tour.stops[s.index];
      if (stop) showTourStop(stop);
      if (!s.remote) channel.post({ type: 'goto', index: s.index, stops: s.tour.stops, from: TAB_ID });
    }
  });
}
