/**
 * Carries out the tour: each stop sets the layers, the emphasis and the camera; leaving
 * restores what was on screen before. The other window (speaker view) follows over
 * the BroadcastChannel.
 */
import { currentView, home, showStop, showView } from '../map/cameraApi';
import { useApp } from '../state/store';
import { openChannel } from './channel';
import { isBigScreen, tourPadding } from './padding';
import { stops } from './stops';
import { type Kiosk, useTour } from './tourState';

export function startTour(index: number, kiosk: Kiosk | null = null): void {
  const app = useApp.getState();
  // The subscription in startTourSync applies the stop.
  // The view on the map now: the opening view is not reported until the map first moves.
  useTour.getState().start(index, { selectedId: app.selectedId, visibleLayers: app.visibleLayers, view: currentView() ?? app.view }, kiosk);
}

export function applyStop(index: number): void {
  const stop = stops[index];
  if (!stop) return;
  const app = useApp.getState();
  if (app.selectedId) app.select(null);
  app.setLayers(stop.layers);
  app.setEmphasis({ highlight: stop.highlight, circles: Boolean(stop.circles) });
  const big = isBigScreen(useTour.getState().theme, innerWidth);
  showStop({ ...stop.camera, ...(stop.bounds ? { bounds: stop.bounds } : {}) }, tourPadding(big));
}

export function exitTour(): void {
  if (!useTour.getState().active) return;
  const saved = useTour.getState().stop();
  const app = useApp.getState();
  app.setEmphasis(null);
  if (!saved) return;
  app.setLayers(saved.visibleLayers);
  app.select(saved.selectedId);
  if (saved.view) showView(saved.view);
  else home();
}

let started = false;
/** Stop changes move the map and reach the speaker view; its messages move this window. */
export function startTourSync(): void {
  if (started) return;
  started = true;
  const channel = openChannel((m) => {
    const tour = useTour.getState();
    if (m.type === 'goto') {
      if (!tour.active) startTour(m.index);
      else tour.goTo(m.index, { remote: true });
    } else if (m.type === 'hello' && tour.active) channel.post({ type: 'goto', index: tour.index });
    else if (m.type === 'exit') exitTour();
  });
  useTour.subscribe((s, prev) => {
    if (s.active && (s.index !== prev.index || !prev.active)) {
      applyStop(s.index);
      if (!s.remote) channel.post({ type: 'goto', index: s.index });
    }
  });
}
