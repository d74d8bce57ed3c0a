import { lazy, Suspense } from 'react';
import './fileOpeners';
import './stopServices';
import { useShallow } from 'zustand/react/shallow';
import { terrainCredits } from '../basemap/terrainCredit';
import { useTerrain } from '../basemap/terrainState';
import { Header } from '../controls/Header';
import { LayerControl } from '../controls/LayerControl';
import { PAGE_MODE } from '../embed/pageMode';
import { exportAttribution } from '../i18n/attribution';
import { useT } from '../i18n/useT';
import { useOverlayCredits } from '../layers/credits';
import { openFiles } from '../layers/openers';
import { home } from '../map/cameraApi';
import { SidePanel } from '../panel/SidePanel';
import { useApp } from '../state/store';
import { TiledFeatureCard } from '../tiles/TiledFeatureCard';
import { StorageNotice } from '../tools/StorageNotice';
import { useTools } from '../tools/toolsState';
import { useEditor } from '../tour/editor/editorState';
import { TourOverlay, useBigScreen } from '../tour/TourOverlay';
import { useTour } from '../tour/tourState';
import { CopyFallback } from '../ui/CopyFallback';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { InsecureNotice } from '../ui/InsecureNotice';
import { Notices } from '../ui/Notices';
import { StaticMap } from '../ui/StaticMap';

// The map (MapLibre and its worker) loads beside the UI: header, overview and list never wait for it.
const MapView = lazy(() => import('./AppMap'));
// The planner's tools and their parsers load when first opened (or when a file is dropped).
const ToolsPanel = lazy(() => import('./PlannerPanel'));
// The tour editor loads when first opened.
const TourEditor = lazy(() => import('../tour/editor/TourEditor').then((m) => ({ default: m.TourEditor })));

function dropFiles(e: React.DragEvent) {
  const files = [...e.dataTransfer.files];
  // The embedded map has no planner tools: a file dropped on it is the browser's to handle.
  if (files.length === 0 || PAGE_MODE.embed) return;
  e.preventDefault();
  // Chromium gives a handle to a dropped file (asked for during the drop): a large archive kept by its
  // handle can be read again after a reload.
  const handles = [...e.dataTransfer.items].map((item) =>
    item.kind === 'file' && 'getAsFileSystemHandle' in item
      ? (item as DataTransferItem & { getAsFileSystemHandle(): Promise<FileSystemHandle | null> }).getAsFileSystemHandle().catch(() => null)
      : Promise.resolve(null),
  );
  useTools.getState().setOpen(true);
  void Promise.all(handles).then((hs) =>
    openFiles(
      files,
      hs.map((h) => (h && h.kind === 'file' ? (h as FileSystemFileHandle) : undefined)),
    ),
  );
}

function PrintSheet() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const basemapId = useApp((s) => s.basemapId);
  const basemaps = useApp((s) => s.basemaps);
  const overlays = useOverlayCredits();
  const terrain = useTerrain(useShallow((s) => terrainCredits(s, basemapId, basemaps)));
  const attribution = exportAttribution(lang, basemapId, basemaps, [...overlays, ...terrain]);
  return (
    <div className="print-sheet" aria-hidden="true">
      <h1>{t.appTitle}</h1>
      <img id="print-map" alt="" />
      <p>{attribution}</p>
    </div>
  );
}

function MapStatus() {
  const status = useApp((s) => s.mapStatus);
  const error = useApp((s) => s.mapError);
  const t = useT();
  if (status === 'ready') return null;
  if (status === 'error') {
    return (
      <div className="map-status error" role="alert">
        <strong>{t.mapFailed}</strong>
        <p>{error}</p>
      </div>
    );
  }
  return (
    <div className="map-status" aria-hidden="true">
      {t.mapLoading}
    </div>
  );
}

function HomeButton() {
  const t = useT();
  return (
    <button type="button" className="map-button home-button" aria-label={t.resetView} title={t.resetView} onClick={home}>
      <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 3 2 12h3v8h6v-5h2v5h6v-8h3L12 3Z" fill="currentColor" />
      </svg>
    </button>
  );
}

export function App({ onUpdate }: { onUpdate?: () => void }) {
  const t = useT();
  const touring = useTour((s) => s.active);
  const selected = useApp((s) => s.selectedId);
  const big = useBigScreen();
  const toolsOpen = useTools((s) => s.open);
  const editing = useEditor((s) => s.open);
  const mapFailed = useApp((s) => s.mapStatus === 'error');
  return (
    <>
      <div className={`app${touring ? ' touring' : ''}${touring && !selected ? ' panel-hidden' : ''}${big ? ' theme-big' : ''}`}>
        <a className="skip-link" href="#site-list">
          {t.skipToList}
        </a>
        <Header />
        <main className="app-main">
          <section
            className="map-area"
            aria-label={t.mapLabel}
            onDragOver={(e) => {
              if (!PAGE_MODE.embed && e.dataTransfer.types.includes('Files')) e.preventDefault();
            }}
            onDrop={dropFiles}
          >
            <ErrorBoundary label={t.mapFailed}>
              <Suspense fallback={null}>
                <MapView />
              </Suspense>
            </ErrorBoundary>
            <StaticMap />
            <MapStatus />
            {!touring && !mapFailed && <LayerControl />}
            <HomeButton />
            <ErrorBoundary label={t.tourRegion}>
              <TourOverlay />
            </ErrorBoundary>
            <ErrorBoundary label="tiled layers">
              <TiledFeatureCard />
            </ErrorBoundary>
            {toolsOpen && !touring && !PAGE_MODE.embed && (
              <ErrorBoundary label="tools">
                <Suspense fallback={null}>
                  <ToolsPanel />
                </Suspense>
              </ErrorBoundary>
            )}
          </section>
          {editing ? (
            <ErrorBoundary label="tour editor">
              <Suspense fallback={null}>
                <TourEditor />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <SidePanel />
          )}
        </main>
        <Notices onUpdate={onUpdate}>
          <InsecureNotice />
          <CopyFallback />
          <StorageNotice />
        </Notices>
      </div>
      {/* Beside the app, not in it: printing hides the app and shows only this sheet. */}
      <PrintSheet />
    </>
  );
}
