import './tiles.css';
import { useState } from 'react';
import { meta } from '../data/geodata';
import { formatBytes } from '../i18n/format';
import { LayerColorOpacity, LayerOpacity, LayerVisibility } from '../layers/LayerControls';
import { LayerStyleControls } from '../layers/LayerStyleControls';
import { useLayersOf } from '../layers/layersState';
import { layerName, type TiledLayer } from '../layers/model';
import { useApp } from '../state/store';
import { FileButton } from '../ui/FileButton';
import { resolveUrl, TilesError } from './archive';
import { setImageRole } from './imageArchive';
import { addTiledFile, addTiledUrl, grantAndReopen, removeTiled, replaceFile, zoomToTiled } from './manage';
import { tilesProblemText } from './tileStrings';
import { useTiles } from './tilesState';
import { useTileStrings } from './useTileStrings';

function LayerRow({ l }: { l: TiledLayer }) {
  const t = useTileStrings();
  const lang = useApp((s) => s.lang);
  // The datum the map is drawn in now: an online basemap's, else the embedded map's.
  const mapDatum = useApp((s) => s.basemaps.find((b) => b.id === s.basemapId)?.datum ?? meta.datum);
  const name = layerName(l, lang);
  const origin =
    l.origin.kind === 'file'
      ? t.fromFile(formatBytes(l.origin.size, lang))
      : l.origin.config
        ? t.fromConfig
        : `${t.fromUrl} · ${l.origin.url}`;
  const kept =
    l.kept.kind === 'saved'
      ? l.kept.how === 'handle'
        ? t.savedHandle
        : l.origin.kind === 'url' && l.origin.config
          ? null
          : t.saved
      : l.kept.kind === 'session'
        ? t.sessionOnly(l.kept.why)
        : null;
  const ready = l.status.kind === 'ready';
  const image = l.raster;
  const basemap = image && l.role === 'basemap';
  return (
    <li data-tiled={l.name} data-status={l.status.kind} data-role={image ? (l.role ?? 'overlay') : undefined}>
      <div className="import-row">
        {basemap ? <span className="import-name">{name}</span> : <LayerVisibility layer={l} name={name} disabled={!ready} />}
        <span className="count">
          {image ? `${t.imageTiles(image.format)} · ` : ''}
          {t.zooms(l.minZoom, l.maxZoom)}
        </span>
      </div>
      <p className="tool-hint tiled-origin">{origin}</p>
      {l.status.kind === 'needs-permission' && (
        <p className="read-as-warn" role="status">
          {t.needsPermission(l.origin.kind === 'file' ? l.origin.fileName : l.name)}{' '}
          <button type="button" onClick={() => void grantAndReopen(l.id)}>
            {t.reopen}
          </button>
        </p>
      )}
      {l.status.kind === 'missing' && (
        <div className="read-as-warn" role="status">
          <p>{t.missing(l.origin.kind === 'file' ? l.origin.fileName : l.name)}</p>
          <FileButton label={t.chooseAgain} accept=".pmtiles" onFile={(file) => void replaceFile(l.id, file)} />
        </div>
      )}
      {l.status.kind === 'error' && (
        <p className="read-as-warn" role="status">
          {l.status.text}
        </p>
      )}
      {kept && ready && <p className="tool-hint tiled-kept">{kept}</p>}
      {ready && basemap && <p className="tool-hint">{t.isBasemap}</p>}
      {ready && !image && l.datum !== mapDatum && <p className="read-as-warn">{t.datumNote(l.datum, mapDatum)}</p>}
      {ready && image && !basemap && l.datum !== mapDatum && <p className="tool-hint">{t.imageShifted(l.datum, mapDatum)}</p>}
      <div className="import-row">
        {image ? (
          <>
            {!basemap && <LayerOpacity layer={l} name={name} disabled={!ready} />}
            <button type="button" disabled={!ready} onClick={() => setImageRole(l.id, basemap ? 'overlay' : 'basemap')}>
              {basemap ? t.asOverlay : t.asBasemap}
            </button>
          </>
        ) : (
          <LayerColorOpacity layer={l} name={name} disabled={!ready} />
        )}
        <button type="button" disabled={!ready} onClick={() => zoomToTiled(l)}>
          {t.zoomTo}
        </button>
        <button type="button" className="danger" onClick={() => void removeTiled(l.id)}>
          {t.remove}
        </button>
      </div>
      {ready && !image && <LayerStyleControls layer={l} />}
    </li>
  );
}

/** Tiled layers in the tools panel: add by file or URL, and each layer's controls and state. */
export function TiledSection() {
  const t = useTileStrings();
  const layers = useLayersOf('tiled');
  const opening = useTiles((s) => s.opening);
  const [url, setUrl] = useState('');
  return (
    <section className="tool-section" aria-labelledby="tiled-title">
      <h3 id="tiled-title">{t.title}</h3>
      <p className="tool-hint">{t.hint}</p>
      <FileButton label={t.chooseFile} accept=".pmtiles,.mbtiles" onFile={(file) => void addTiledFile(file)} />
      <form
        className="tiled-url"
        onSubmit={(e) => {
          e.preventDefault();
          const value = url.trim();
          if (!value) return;
          try {
            void addTiledUrl(resolveUrl(value, location.href)).then((ok) => ok && setUrl(''));
          } catch (error) {
            if (!(error instanceof TilesError)) throw error;
            useApp.getState().notify(t.refused(value, tilesProblemText(error.problem, useApp.getState().lang)));
          }
        }}
      >
        <label>
          {t.urlLabel}
          <input
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={url}
            placeholder="tiles/parcels.pmtiles"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <button type="submit">{t.addUrl}</button>
      </form>
      {opening && (
        <p className="tool-hint" role="status">
          {t.opening(opening)}
        </p>
      )}
      {layers.length > 0 && (
        <>
          <h4>{t.layers}</h4>
          <ul className="import-list tiled-list">
            {layers.map((l) => (
              <LayerRow key={l.id} l={l} />
            ))}
          </ul>
        </>
      )}
      <p className="tool-hint">{t.offlineNote}</p>
    </section>
  );
}
