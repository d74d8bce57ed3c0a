import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadBasemaps } from './basemap/loadBasemaps';
import { loadUiFonts } from './fonts';
import { applyUpdate, startServiceWorker } from './pwa';
import { useApp } from './state/store';
import { startUrlSync } from './state/urlSync';
import { restoreTools } from './tools/persist';
import { SpeakerView } from './tour/SpeakerView';
import './generated/fonts/faces.css';
import './styles.css';

const fontsReady = loadUiFonts();
const params = new URLSearchParams(location.search);
const speaker = params.get('speaker') === '1';
if (speaker) {
  // The speaker view follows the presenter's map window; it keeps no URL state of its own.
  if (params.get('lang') === 'en') useApp.getState().setLang('en');
  document.documentElement.lang = useApp.getState().lang === 'zh' ? 'zh-CN' : 'en';
} else {
  startUrlSync();
  void loadBasemaps();
  void restoreTools();
  if (import.meta.env.MODE !== 'single') startServiceWorker();
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
/** After the next frame was painted: the prerendered first view shows before the app replaces it. */
const afterPaint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

// The first render waits for the fonts (400 ms at most: laid out once, in the right font) and one
// painted frame (the first view in index.html is on screen meanwhile).
void Promise.all([fontsReady, afterPaint()]).then(() =>
  createRoot(root).render(
    <StrictMode>
      {speaker ? <SpeakerView initial={Number(params.get('tour') ?? '1') - 1 || 0} /> : <App onUpdate={applyUpdate} />}
    </StrictMode>,
  ),
);
