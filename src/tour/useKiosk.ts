import { useEffect } from 'react';
import { useTour } from './tourState';

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Kiosk mode: advance every `dwellMs`, pause on any touch, resume after `idleMs`
 * of quiet. One timer and one set of listeners at a time, all removed on exit, so
 * it can loop for hours without piling anything up.
 */
export function useKiosk(): void {
  const kiosk = useTour((s) => s.kiosk);
  const active = useTour((s) => s.active);
  const paused = useTour((s) => s.paused);
  const index = useTour((s) => s.index);

  // Advance: one timeout, re-armed on every stop change.
  useEffect(() => {
    if (!active || !kiosk || paused) return;
    const from = index;
    const timer = setTimeout(() => {
      if (useTour.getState().index === from) useTour.getState().next();
    }, kiosk.dwellMs);
    return () => clearTimeout(timer);
  }, [active, kiosk, paused, index]);

  // Pause on input, resume after quiet.
  useEffect(() => {
    if (!active || !kiosk) return;
    let resume: ReturnType<typeof setTimeout> | undefined;
    const onInput = () => {
      useTour.getState().setPaused(true);
      clearTimeout(resume);
      resume = setTimeout(() => useTour.getState().setPaused(false), kiosk.idleMs);
    };
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { passive: true, capture: true });
    return () => {
      clearTimeout(resume);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    };
  }, [active, kiosk]);
}
