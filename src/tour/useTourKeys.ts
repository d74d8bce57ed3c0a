import { useLayoutEffect } from 'react';
import { isTyping } from '../ui/typing';
import { exitTour } from './controller';
import { toggleFullscreen } from './fullscreen';
import { tourAction } from './keys';
import { useTour } from './tourState';

/** A second digit within this long after the first makes a two-digit stop number (1, 1 → stop 11). */
const DIGIT_WINDOW_MS = 800;

/**
 * The presenter's keys, while the tour runs. One listener, removed when the tour ends. A layout
 * effect, so the listener is on before the browser handles the next event: a clicker press right
 * after "start" is not lost (a passive effect ran a frame later and missed it).
 */
export function useTourKeys(active: boolean): void {
  useLayoutEffect(() => {
    if (!active) return;
    let pending: { digit: string; at: number } | null = null;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      // Buttons take Space and Enter themselves.
      if ((e.key === ' ' || e.key === 'Enter') && (e.target as HTMLElement)?.tagName === 'BUTTON') return;
      const previous = pending && e.timeStamp - pending.at < DIGIT_WINDOW_MS ? pending.digit : undefined;
      const action = tourAction(e.key, e.shiftKey, useTour.getState().tour.stops.length, previous);
      pending = /^[0-9]$/.test(e.key) ? { digit: e.key, at: e.timeStamp } : null;
      if (!action) return;
      e.preventDefault();
      const tour = useTour.getState();
      if (action.kind === 'next') tour.next();
      else if (action.kind === 'prev') tour.prev();
      else if (action.kind === 'goto') tour.goTo(action.index);
      else if (action.kind === 'exit') exitTour();
      else toggleFullscreen();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
