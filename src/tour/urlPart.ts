/** The tour's part of the address bar: its state as URL parameters, and a link's parameters carried out. */
import { exitTour, startTour } from './controller';
import { useTour } from './tourState';
import type { TourUrlState } from './url';

export function currentTourUrl(): TourUrlState {
  const t = useTour.getState();
  return {
    tour: t.active ? t.index + 1 : null,
    kiosk: t.active && t.kiosk ? { dwell: t.kiosk.dwellMs / 1000, idle: t.kiosk.idleMs / 1000 } : null,
  };
}

/** `fromHistory`: back or forward, where a link without a tour ends a running one. */
export function applyTourUrl(state: TourUrlState, fromHistory: boolean): void {
  const tour = useTour.getState();
  if (state.tour !== null) {
    const kiosk = state.kiosk ? { dwellMs: state.kiosk.dwell * 1000, idleMs: state.kiosk.idle * 1000 } : null;
    if (!tour.active) startTour(state.tour - 1, kiosk);
    else tour.goTo(state.tour - 1);
  } else if (tour.active && fromHistory) exitTour();
}
