/** The tour's part of the address bar: its state as URL parameters, and a link's parameters carried out. */
import { STRINGS } from '../i18n/strings';
import { useApp } from '../state/store';
import { exitTour, startTour } from './controller';
import { checkTourJson, describeProblems } from './readTour';
import { BUILT_IN_ID, stops as builtIn } from './stops';
import { decodeTourLink } from './tourLink';
import { type PlayedTour, useTour } from './tourState';
import { loadTours, tourById } from './tours';
import type { TourUrlState } from './url';

export function currentTourUrl(): TourUrlState {
  const t = useTour.getState();
  return {
    tour: t.active ? t.index + 1 : null,
    kiosk: t.active && t.kiosk ? { dwell: t.kiosk.dwellMs / 1000, idle: t.kiosk.idleMs / 1000 } : null,
    tourId: t.active && !t.tour.link && t.tour.id !== BUILT_IN_ID ? t.tour.id : null,
    link: t.active && t.tour.link ? t.tour.link : null,
  };
}

/** The tour a link names: carried in it, saved in this browser, or the built-in one; null (with a notice) when it cannot be had. */
async function linkedTour(state: TourUrlState): Promise<PlayedTour | null> {
  const notify = (text: string) => useApp.getState().notify(text);
  const t = () => STRINGS[useApp.getState().lang];
  if (state.link) {
    let json: unknown;
    try {
      json = await decodeTourLink(state.link);
    } catch {
      notify(t().tourLinkBroken);
      return null;
    }
    const read = await checkTourJson(json);
    if ('problems' in read) {
      notify(`${t().tourLinkBroken} ${describeProblems(read.problems)}`);
      return null;
    }
    return { id: 'link', stops: read.stops, link: state.link };
  }
  if (state.tourId) {
    await loadTours();
    const doc = tourById(state.tourId);
    if (doc) return { id: doc.id, stops: doc.stops };
    notify(t().tourNotHere);
  }
  return { id: BUILT_IN_ID, stops: builtIn };
}

/** `fromHistory`: back or forward, where a link without a tour ends a running one. */
export function applyTourUrl(state: TourUrlState, fromHistory: boolean): void {
  const tour = useTour.getState();
  if (state.tour !== null) {
    const index = state.tour - 1;
    const kiosk = state.kiosk ? { dwellMs: state.kiosk.dwell * 1000, idleMs: state.kiosk.idle * 1000 } : null;
    if (tour.active && !state.link && !state.tourId) tour.goTo(index);
    else if (!state.link && !state.tourId) startTour(index, kiosk, { id: BUILT_IN_ID, stops: builtIn });
    else
      void linkedTour(state).then((played) => {
        if (!played) return;
        if (useTour.getState().active && useTour.getState().tour.id === played.id) useTour.getState().goTo(index);
        else startTour(index, kiosk, played);
      });
  } else if (tour.active && fromHistory) exitTour();
}
