/**
 * The static first view, rendered at build time into index.html (vite.config.ts, prerender-shell):
 * the header and the overview's key figures paint as soon as the HTML and fonts are in, before any
 * script ran. It is inert until the app replaces it with the live page.
 */
import { renderToString } from 'react-dom/server';
import { FirstView } from '../ui/firstView';
import { App } from './App';

export function renderShell(): string {
  return renderToString(
    <FirstView.Provider value={true}>
      <App />
    </FirstView.Provider>,
  );
}
