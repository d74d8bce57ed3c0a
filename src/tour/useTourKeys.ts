import { useEffect } from 'react';
import { exitTour } from './controller';
import { toggleFullscreen } from './fullscreen';
import { tourAction } from './keys';
import { stops } from './stops';
import { useTour } from './tourState';

const typing = (t: EventTarget | null) => {
  const el = t as HTMLElement | null;
  if (!el?.tagName) return false;
  return (
    el.isContentEditable ||
    (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox') ||
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT'
  );
};

/** The presenter's keys, while the tour runs. One listener, removed when the tour ends. */
export function useTourKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      // Buttons take Space and Enter themselves.
      if ((e.key === ' ' || e.key === 'Enter') && (e.target as HTMLElement)?.tagName === 'BUTTON') return;
      const action = tourAction(e.key, e.shiftKey, stops.length);
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
