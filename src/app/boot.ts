/**
 * The page's entry: small on purpose. The prerendered first view (index.html) paints first, in its own
 * font, and only then is the app itself (React, the store, the panels: src/app/main.tsx) fetched and
 * evaluated — its evaluation would otherwise hold the first frame for ~150 ms here, and even fetching it
 * early (modulepreload) held the first frame ~100 ms: on two cores, its compilation and the first view's
 * raster compete. The import's own preloading fetches its chunks in parallel once it starts.
 *
 * Until the fonts are loaded the first view is kept out of layout (`fonts-pending`, set by the inline
 * guard, scripts/lib/shell-guard.ts): laid out with fallback fonts it costs ~300 ms on a machine without
 * a CJK font, and is laid out again when the fonts land.
 */
import { loadUiFonts } from '../fonts';
import '../generated/fonts/faces.css';
// The first view's stylesheets (each beside its feature) are in the entry, so the prerendered view paints
// styled; the others come with their features' chunks (the tools, the editor, the map).
import '../styles/tokens.css';
import '../styles/base.css';
import './app.css';
import '../controls/controls.css';
import '../panel/panel.css';
import '../ui/ui.css';
import '../ui/static-map.css';
import '../embed/embed.css';
import '../ui/text-size.css';

/**
 * When the first view is on screen (its first contentful paint presented), or at once when it is hidden
 * for this link; 1 s at most. Waiting only for a painted frame is not enough: the frame is still being
 * rastered when the app's evaluation takes the CPU.
 */
function firstViewShown(capMs = 1000): Promise<void> {
  return new Promise((resolve) => {
    const shown = document.querySelector('.shell') && !document.documentElement.classList.contains('no-shell');
    if (!shown || typeof PerformanceObserver === 'undefined') return resolve();
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      resolve();
    });
    try {
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      resolve();
    }
    setTimeout(() => {
      observer.disconnect();
      resolve();
    }, capMs);
  });
}

await loadUiFonts();
document.documentElement.classList.remove('fonts-pending');
await firstViewShown();
await import('./main');
