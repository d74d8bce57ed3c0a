import { useEffect, useState } from 'react';

/**
 * `value`, one frame late: it changes only after the browser painted the frame that followed the
 * change. The map owner follows the selection this way, so a click paints the side panel first and
 * redraws the map (a style diff and a WebGL frame, 100 ms and more in software rendering) after it,
 * instead of holding the panel back until both are done.
 */
export function useAfterPaint<T>(value: T): T {
  const [late, setLate] = useState(value);
  useEffect(() => {
    if (Object.is(late, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // rAF runs before the next paint; the task it queues runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLate(value), 0);
    });
    // A hidden page gets no frames: follow at once rather than never.
    const hidden = document.visibilityState === 'hidden' ? setTimeout(() => setLate(value), 0) : undefined;
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(hidden);
    };
  }, [value, late]);
  return late;
}
