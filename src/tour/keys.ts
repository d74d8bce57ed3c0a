/** What a key means in the tour: what clickers send (PageDown/PageUp), arrows, space, Home/End, digits. Pure. */
export type TourAction = { kind: 'next' } | { kind: 'prev' } | { kind: 'goto'; index: number } | { kind: 'exit' } | { kind: 'fullscreen' };

/**
 * `previousDigit`: a digit pressed just before (the caller's window): with this one it makes a two-digit
 * stop number when there is such a stop (1 then 1 → stop 11), so every stop of a tour past ten is reachable.
 */
export function tourAction(key: string, shift: boolean, stopCount: number, previousDigit?: string): TourAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return { kind: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { kind: 'prev' };
    case ' ':
    case 'Spacebar':
      return shift ? { kind: 'prev' } : { kind: 'next' };
    case 'Home':
      return { kind: 'goto', index: 0 };
    case 'End':
      return { kind: 'goto', index: stopCount - 1 };
    case 'Escape':
      return { kind: 'exit' };
    case 'f':
    case 'F':
      return { kind: 'fullscreen' };
    default:
      if (/^[0-9]$/.test(key)) {
        const two = previousDigit !== undefined && previousDigit !== '0' ? Number(`${previousDigit}${key}`) : Number.NaN;
        if (two >= 10 && two <= stopCount) return { kind: 'goto', index: two - 1 };
        const n = key === '0' ? 10 : Number(key);
        return n <= stopCount ? { kind: 'goto', index: n - 1 } : null;
      }
      return null;
  }
}
