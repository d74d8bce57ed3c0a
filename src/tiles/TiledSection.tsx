import { useState } from 'react';
import { meta } from '../data/geodata';
import { formatBytes } from '../i18n/format';
import { useApp } from '../state/store';
import { FieldSelect } from '../tools/FieldSelect';
import { categoryStyle, graduatedStyle, type LayerStyle, legendOf, MAX_CATEGORIES } from '../tools/layerStyle';
import { FileButton } from '../ui/FileButton';
import { resolveUrl, TilesError } from './archive';
import { addTiledFile, addTiledUrl, grantAndReopen, removeTiled, replaceFile, zoomToTiled } from './manage';
import { tilesProblemText, useTileStrings } from './tileStrings';
import { type TiledLayer, useTiles } from './tilesState';

/** The attributes a layer can be coloured by: text with a few values (categories) or numbers (classes of the sampled values). */
function styleFields(l: TiledLayer): { name: string; numeric: boolean; values: (string | number | boolean)[] }[] {
  const out = new Map<string, { name: string; numeric: boolean; values: (string | number | boolean)[] }>();
  for (const v of l.vectorLayers)
    for (const f of v.fields) {
      const numeric = f.type === 'number' || f.type === 'Number';
      if (out.has(f.name) || f.values.length < 2) continue;
      if (!numeric && f.values.length > 100) continue;
      out.set(f.name, { name: f.name, numeric, values: f.values });
    }
  return [...out.values()];
}

function styleFor(fields: ReturnType<typeof styleFields>, field: string): LayerStyle | undefined {
  const f = fields.find((x) => x.name === field);
  if (!f) return undefined;
  // The tiler samples up to 100 values of each attribute: categories from them, or number classes.
  const features = f.values.map((v) => ({ properties: { [field]: v } }));
  return f.numeric ? graduatedStyle(features, field) : categoryStyle(features, field);
}

function LayerRow({ l }: { l: TiledLayer }) {
  const t = useTileStrings();
  const lang = useApp((s) => s.lang);
  // The datum the map is drawn in now: an online basemap's, else the embedded map's.
  const mapDatum = useApp((s) => s.basemaps.find((b) => b.id === s.basemapId)?.datum ?? meta.datum);
  const update = useTiles((s) => s.update);
  const name = l.names ? l.names[lang] : l.name;
  const fields = styleFields(l);
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
  return (
    <li data-tiled={l.name} data-status={l.status.kind}>
      <div className="import-row">
        <label className="import-name">
          <input type="checkbox" checked={l.visible} disabled={!ready} onChange={() => update(l.id, { visible: !l.visible })} />
          <span>{name}</span>
        </label>
        <span className="count">{t.zooms(l.minZoom, l.maxZoom)}</span>
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
      {ready && l.datum !== mapDatum && <p className="read-as-warn">{t.datumNote(l.datum, mapDatum)}</p>}
      <div className="import-row">
        <input
          type="color"
          value={l.color}
          disabled={!ready || Boolean(l.style)}
          aria-label={`${t.color} · ${name}`}
          onChange={(e) => update(l.id, { color: e.target.value })}
        />
        <input
          type="range"
          min={10}
          max={100}
          value={Math.round(l.opacity * 100)}
          disabled={!ready}
          aria-label={`${t.opacity} · ${name}`}
          onChange={(e) => update(l.id, { opacity: Number(e.target.value) / 100 })}
        />
        <button type="button" disabled={!ready} onClick={() => zoomToTiled(l)}>
          {t.zoomTo}
        </button>
        <button type="button" className="danger" onClick={() => void removeTiled(l.id)}>
          {t.remove}
        </button>
      </div>
      {fields.length > 0 && ready && (
        <div className="tiled-style">
          <FieldSelect
            label={t.colorBy}
            none={t.oneColor}
            fields={fields}
            value={l.style?.field}
            onChange={(field) => update(l.id, { style: field ? styleFor(fields, field) : undefined })}
          />
        </div>
      )}
      {l.style && (
        <ul className="import-legend" aria-label={`${t.colorBy} · ${l.style.field}`}>
          {legendOf(
            l.style,
            lang,
            l.style.mode === 'category' && (fields.find((f) => f.name === l.style?.field)?.values.length ?? 0) > MAX_CATEGORIES,
          ).map((e) => (
            <li key={e.label}>
              <span className="swatch" style={{ background: e.color }} aria-hidden="true" />
              {e.label}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Tiled layers in the tools panel: add by file or URL, and each layer's controls and state. */
export function TiledSection() {
  const t = useTileStrings();
  const layers = useTiles((s) => s.layers);
  const opening = useTiles((s) => s.opening);
  const [url, setUrl] = useState('');
  return (
    <section className="tool-section" aria-labelledby="tiled-title">
      <h3 id="tiled-title">{t.title}</h3>
      <p className="tool-hint">{t.hint}</p>
      <FileButton label={t.chooseFile} accept=".pmtiles" onFile={(file) => void addTiledFile(file)} />
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
