/**
 * The static first view, rendered at build time into index.html (vite.config.ts, prerender-shell):
 * the header, the overview's key figures and the site list paint as soon as the HTML and fonts are in,
 * before any script ran. It is inert until the app replaces it with the live page.
 */
import { renderToString } from 'react-dom/server';
import { App } from './App';

export function renderShell(): string {
  return renderToString(<App />);
}
