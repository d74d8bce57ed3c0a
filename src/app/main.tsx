import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { keepChosenBasemap } from '../basemap/chosenBasemap';
import { findArchives } from '../basemap/findArchives';
import { loadBasemaps } from '../basemap/loadBasemaps';
import { startPageMeta } from '../embed/pageMeta';
import { framed, PAGE_MODE } from '../embed/pageMode';
import { failedUiFonts } from '../fonts';
import { STRINGS } from '../i18n/strings';
import { applyUpdate, startServiceWorker } from '../pwa';
import { startServices } from '../services/boot';
import { watchPolicy } from '../services/policy';
import { useApp } from '../state/store';
import { startTiles } from '../tiles/boot';
import { restoreTools } from '../tools/persist';
import { SpeakerView } from '../tour/SpeakerView';
import { loadTours } from '../tour/tours';
import { captureStaticMap } from '../ui/StaticMap';
import { startTextSize } from '../ui/textSize';
import { App } from './App';
import { startUrlSync } from './urlSync';

const params = new URLSearchParams(location.search);
const speaker = params.get('speaker') === '1';
startTextSize(); // before the link is read: ?text=large overrides what this browser kept
if (speaker) {
  // The speaker view follows the presenter's map window; it keeps no URL state of its own.
  if (params.get('lang') === 'en') useApp.getState().setLang('en');
  document.documentElement.lang = useApp.getState().lang === 'zh' ? 'zh-CN' : 'en';
} else {
  startUrlSync();
  startPageMeta();
  keepChosenBasemap(); // before anything changes the basemap: the user's own, chosen last, is chosen again when it is back
  void loadBasemaps();
  void findArchives(); // the county basemap and terrain a deployment extracted beside the app
  // Embedded in another page: the published map only — not this browser's drawings, imports and services.
  if (!PAGE_MODE.embed) {
    void restoreTools();
    void startServices();
  }
  void startTiles();
  // A page that embeds the map may drive it (src/embed/messages.ts); the code loads only in a frame.
  if (framed()) void import('../embed/bridge').then((m) => m.startEmbedBridge());
  watchPolicy();
  void loadTours(); // the chosen tour is known before "start" is pressed
  if (import.meta.env.MODE !== 'single') startServiceWorker();
}

// A host that refuses the app's font files (an old MIME table): said, or Chinese shows as boxes without a word.
void failedUiFonts().then((failed) => {
  if (failed.length > 0) useApp.getState().notify(STRINGS[useApp.getState().lang].fontFailed);
});

// Characters the font subset lacks (a planner's own names) are drawn from the whole font's slices, fetched on use.
void import('../fontFallback').then((m) => m.addFallbackFaces());

// The prerendered static map stays on screen until MapLibre has drawn: taken before the app replaces the first view.
captureStaticMap();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The fonts are loaded and the first view has painted (src/app/boot.ts): the app replaces it now.
createRoot(root).render(
  <StrictMode>
    {speaker ? <SpeakerView initial={Number(params.get('tour') ?? '1') - 1 || 0} /> : <App onUpdate={applyUpdate} />}
  </StrictMode>,
);
