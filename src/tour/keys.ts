/** What a key means in the tour: what clickers send (PageDown/PageUp), arrows, space, Home/End, digits. Pure. */
export type TourAction = { kind: 'next' } | { kind: 'prev' } | { kind: 'goto'; index: number } | { kind: 'exit' } | { kind: 'fullscreen' };

export function tourAction(key: string, shift: boolean, stopCount: number): TourAction | null {
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
        const n = key === '0' ? 10 : Number(key);
        return n <= stopCount ? { kind: 'goto', index: n - 1 } : null;
      }
      return null;
  }
}
