/**
 * The tour's URL parameters, its own parse/serialise pair (tests/unit/url.test.ts):
 *   ?tour=3               the tour, at stop 3 (1-based, as presenters count)
 *   ?kiosk=1&dwell=20&idle=60   looping unattended: seconds on each stop, seconds of quiet after a touch
 *   ?tourid=tour-…        a tour saved in this browser (the built-in one without it)
 *   ?tourlink=…           a short tour carried in the link itself (tourLink.ts)
 * Malformed values are reported as problems and replaced by defaults, never thrown.
 */
import type { UrlProblem } from '../state/url';

export interface KioskParams {
  /** Seconds on each stop. */
  dwell: number;
  /** Seconds of quiet after a touch before the loop resumes. */
  idle: number;
}

export interface TourUrlState {
  /** The tour's stop, 1-based; null when no tour. */
  tour: number | null;
  kiosk: KioskParams | null;
  /** A tour saved in this browser. */
  tourId: string | null;
  /** A tour carried in the link (decoded and checked when applied). */
  link: string | null;
}

const TOUR_ID = /^tour-[a-z0-9-]{1,40}$/;

export const DEFAULT_KIOSK: KioskParams = { dwell: 20, idle: 60 };

export function parseTourParams(params: URLSearchParams, tourLength: number, problems: UrlProblem[]): TourUrlState {
  const state: TourUrlState = { tour: null, kiosk: null, tourId: null, link: null };
  const id = params.get('tourid');
  if (id !== null) {
    if (TOUR_ID.test(id)) state.tourId = id;
    else problems.push({ kind: 'badParam', name: 'tourid' });
  }
  const link = params.get('tourlink');
  if (link !== null) state.link = link;
  const tour = params.get('tour');
  if (tour !== null) {
    const n = /^\d{1,3}$/.test(tour) ? Number(tour) : Number.NaN;
    // Another tour than the built-in one is checked against its own length when it is read.
    if (n >= 1 && (n <= tourLength || state.tourId || state.link)) state.tour = n;
    else {
      state.tour = 1;
      problems.push({ kind: 'badParam', name: 'tour' });
    }
  }
  if (state.link || state.tourId) state.tour ??= 1;
  if (params.has('kiosk') && params.get('kiosk') !== '0') {
    const seconds = (name: string, fallback: number, min: number) => {
      const raw = params.get(name);
      if (raw === null) return fallback;
      const v = Number(raw);
      if (raw.trim() !== '' && Number.isFinite(v) && v >= min && v <= 3600) return v;
      problems.push({ kind: 'badParam', name });
      return fallback;
    };
    state.kiosk = { dwell: seconds('dwell', DEFAULT_KIOSK.dwell, 0.5), idle: seconds('idle', DEFAULT_KIOSK.idle, 0.5) };
    state.tour ??= 1;
  }
  return state;
}

export function serialiseTourParams(state: TourUrlState, params: URLSearchParams): void {
  if (state.tour !== null) params.set('tour', String(state.tour));
  if (state.tourId) params.set('tourid', state.tourId);
  if (state.link) params.set('tourlink', state.link);
  if (state.kiosk) {
    params.set('kiosk', '1');
    if (state.kiosk.dwell !== DEFAULT_KIOSK.dwell) params.set('dwell', String(state.kiosk.dwell));
    if (state.kiosk.idle !== DEFAULT_KIOSK.idle) params.set('idle', String(state.kiosk.idle));
  }
}
