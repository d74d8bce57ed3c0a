import { useState } from 'react';
import { TerrainControls } from '../basemap/TerrainControls';
import { PRECISIONS, STATUSES } from '../data/enums';
import { layers, sites } from '../data/geodata';
import { passesAttributeFilter } from '../data/selectors';
import { useT } from '../i18n/useT';
import { LayerLegend } from '../layers/LayerLegend';
import { PALETTE } from '../map/palette';
import { useApp } from '../state/store';
import { useTools } from '../tools/toolsState';
import { AreaSwatch, SymbolIcon } from '../ui/SymbolIcon';

/** Opens the planner panel at its map services (the panel is loaded on first open). */
function openServices(): void {
  useTools.getState().setOpen(true);
  let tries = 0;
  const find = () => {
    const section = document.getElementById('services');
    if (section) {
      section.scrollIntoView({ block: 'start' });
      section.querySelector<HTMLElement>('select, input')?.focus();
    } else if (tries++ < 50) setTimeout(find, 100);
  };
  find();
}

/** Layers on and off with their legend and counts, opacity, and filters by status and precision. */
export function LayerControl() {
  const lang = useApp((s) => s.lang);
  const visible = useApp((s) => s.visibleLayers);
  const opacity = useApp((s) => s.opacity);
  const statuses = useApp((s) => s.statuses);
  const precisions = useApp((s) => s.precisions);
  const toggleLayer = useApp((s) => s.toggleLayer);
  const setOpacity = useApp((s) => s.setOpacity);
  const toggleStatus = useApp((s) => s.toggleStatus);
  const togglePrecision = useApp((s) => s.togglePrecision);
  const basemaps = useApp((s) => s.basemaps);
  const basemapId = useApp((s) => s.basemapId);
  const setBasemap = useApp((s) => s.setBasemap);
  const t = useT();
  const [open, setOpen] = useState(() => typeof innerWidth === 'number' && innerWidth >= 900);
  return (
    <section className={`layer-control${open ? ' open' : ''}`} aria-labelledby="layer-control-title">
      <h2 className="visually-hidden" id="layer-control-title">
        {t.layerControl}
      </h2>
      <button
        type="button"
        className="layer-control-toggle"
        aria-expanded={open}
        aria-controls="layer-control-body"
        onClick={() => setOpen(!open)}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d="M12 3 2 8l10 5 10-5-10-5Zm-7.5 8.2L2 12.5l10 5 10-5-2.5-1.3L12 15 4.5 11.2Zm0 4.5L2 17l10 5 10-5-2.5-1.3L12 19.5l-7.5-3.8Z"
            fill="currentColor"
          />
        </svg>
        {t.layers}
      </button>
      <div id="layer-control-body" className="layer-control-body" hidden={!open}>
        <ul className="layer-rows">
          {layers.map((l) => {
            const n = sites.filter((s) => s.properties.layer === l.id && passesAttributeFilter(s, { statuses, precisions })).length;
            const on = visible.includes(l.id);
            return (
              <li key={l.id} className="layer-row" data-layer={l.id}>
                <label className="layer-toggle">
                  <input type="checkbox" checked={on} onChange={() => toggleLayer(l.id)} aria-label={t.layerCountLabel(l.name[lang], n)} />
                  <SymbolIcon symbol={l.symbol} color={l.color} />
                  <span className="layer-name">{l.name[lang]}</span>
                  <span className="count" aria-hidden="true">
                    {n}
                  </span>
                </label>
                <input
                  type="range"
                  className="opacity"
                  min={0}
                  max={100}
                  step={5}
                  value={Math.round((opacity[l.id] ?? 1) * 100)}
                  disabled={!on}
                  aria-label={`${t.opacity} · ${l.name[lang]}`}
                  aria-valuetext={`${Math.round((opacity[l.id] ?? 1) * 100)}%`}
                  onChange={(e) => setOpacity(l.id, Number(e.target.value) / 100)}
                />
              </li>
            );
          })}
        </ul>
        <LayerLegend title={t.importedLayers} />
        <button type="button" className="add-service" onClick={openServices}>
          {t.addService}
        </button>
        <fieldset className="filter-group">
          <legend>{t.status}</legend>
          {STATUSES.map((s) => (
            <label key={s} className="chip-check">
              <input type="checkbox" checked={statuses.includes(s)} onChange={() => toggleStatus(s)} />
              {t[`status_${s}`]}
            </label>
          ))}
        </fieldset>
        <fieldset className="filter-group">
          <legend>{t.precision}</legend>
          {PRECISIONS.map((p) => (
            <label key={p} className="chip-check precision-legend" title={t[`precisionExplain_${p}`]}>
              <input type="checkbox" checked={precisions.includes(p)} onChange={() => togglePrecision(p)} />
              <AreaSwatch color={PALETTE.legendNeutral} precision={p} />
              {p !== 'official' && <SymbolIcon symbol="circle" color={PALETTE.legendNeutral} hollow={p === 'indicative'} size={13} />}
              {t[`precision_${p}`]}
            </label>
          ))}
        </fieldset>
        {basemaps.length > 0 && (
          <fieldset className="filter-group basemap-group">
            <legend>{t.basemap}</legend>
            {[{ id: 'embedded', label: t.basemapEmbedded }, ...basemaps.map((b) => ({ id: b.id, label: b.name[lang] }))].map((b) => (
              <label key={b.id} className="chip-check">
                <input type="radio" name="basemap" value={b.id} checked={basemapId === b.id} onChange={() => setBasemap(b.id)} />
                {b.label}
              </label>
            ))}
          </fieldset>
        )}
        <TerrainControls />
      </div>
    </section>
  );
}
