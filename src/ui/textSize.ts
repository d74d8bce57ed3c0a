/**
 * The large-text mode (适老化): chosen in the header or with `?text=large`, kept in this browser
 * (localStorage, read by the inline guard too, so the first view is already large), and marked on the root
 * element (`text-large`) where the stylesheets scale the interface; the map scales its labels (textScale.ts).
 */
import { type TextSize, useApp } from '../state/store';

export const TEXT_SIZE_KEY = 'suichang:text-size';

function kept(): TextSize {
  try {
    return localStorage.getItem(TEXT_SIZE_KEY) === 'large' ? 'large' : 'normal';
  } catch {
    return 'normal';
  }
}

export function startTextSize(): void {
  const mark = (size: TextSize) => document.documentElement.classList.toggle('text-large', size === 'large');
  useApp.getState().setTextSize(kept());
  mark(useApp.getState().textSize);
  useApp.subscribe((s, prev) => {
    if (s.textSize === prev.textSize) return;
    mark(s.textSize);
    try {
      localStorage.setItem(TEXT_SIZE_KEY, s.textSize);
    } catch {
      // Private mode without storage: the mode holds for this visit.
    }
  });
}
