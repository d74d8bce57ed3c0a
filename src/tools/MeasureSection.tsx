import { useEffect, useState } from 'react';
import { BASEMAP_STRINGS } from '../basemap/basemapStrings';
import { convertPoint } from '../basemap/datum';
import { useTerrain } from '../basemap/terrainState';
import { meta } from '../data/geodata';
import { formatNumber } from '../i18n/format';
import { useApp } from '../state/store';
import { M2_PER_MU, outlineAreaM2, pathLengthKm } from './geometry';
import { useTools } from './toolsState';
import { useToolStrings } from './useToolStrings';

/** m / km for lengths; m², km² and 亩 for areas. */
export function formatLength(km: number, lang: 'zh' | 'en'): string {
  return km < 1 ? `${formatNumber(Math.round(km * 1000), lang)} m` : `${formatNumber(km, lang, 3)} km`;
}
export function formatArea(m2: number, lang: 'zh' | 'en'): string[] {
  const mu = `${formatNumber(m2 / M2_PER_MU, lang, 1)} ${lang === 'zh' ? '亩' : 'mu'}`;
  const metric = m2 >= 1e6 ? `${formatNumber(m2 / 1e6, lang, 3)} km²` : `${formatNumber(Math.round(m2), lang)} m²`;
  return [metric, mu];
}

/** The height of the last point clicked, where a terrain archive was found ('none': no heights there). */
function useLastHeight(point: [number, number] | undefined): number | 'none' | null {
  const found = useTerrain((s) => s.found);
  const [height, setHeight] = useState<number | 'none' | null>(null);
  const [lng, lat] = point ?? [Number.NaN, Number.NaN];
  useEffect(() => {
    setHeight(null);
    if (!found || Number.isNaN(lng)) return;
    let live = true;
    void import('../basemap/elevation')
      .then((m) => m.elevationAt(convertPoint([lng, lat], meta.datum, 'WGS-84')))
      .then((h) => live && setHeight(h ?? 'none'))
      .catch(() => live && setHeight('none'));
    return () => {
      live = false;
    };
  }, [found, lng, lat]);
  return height;
}

export function MeasureSection() {
  const lang = useApp((s) => s.lang);
  const mode = useTools((s) => s.mode);
  const draft = useTools((s) => s.draft);
  const setMode = useTools((s) => s.setMode);
  const undoVertex = useTools((s) => s.undoVertex);
  const clearDraft = useTools((s) => s.clearDraft);
  const t = useToolStrings();
  const measuring = mode === 'measure-line' || mode === 'measure-area';
  const km = mode === 'measure-line' ? pathLengthKm(draft) : 0;
  const m2 = mode === 'measure-area' ? outlineAreaM2(draft) : 0;
  const height = useLastHeight(measuring ? (draft.at(-1) as [number, number] | undefined) : undefined);
  const b = BASEMAP_STRINGS[lang];
  return (
    <section className="tool-section" aria-labelledby="measure-title">
      <h3 id="measure-title">{t.measure}</h3>
      <fieldset className="tool-buttons">
        <legend className="visually-hidden">{t.measure}</legend>
        <button
          type="button"
          aria-pressed={mode === 'measure-line'}
          onClick={() => setMode(mode === 'measure-line' ? 'none' : 'measure-line')}
        >
          {t.measureLine}
        </button>
        <button
          type="button"
          aria-pressed={mode === 'measure-area'}
          onClick={() => setMode(mode === 'measure-area' ? 'none' : 'measure-area')}
        >
          {t.measureArea}
        </button>
      </fieldset>
      {measuring && (
        <>
          <p className="tool-hint">{t.measureHint}</p>
          <output className="measure-readout" aria-live="polite" data-testid="measure-readout">
            {mode === 'measure-line' ? `${t.distance}: ${formatLength(km, lang)}` : `${t.area}: ${formatArea(m2, lang).join(' · ')}`}
          </output>
          {height !== null && (
            <output className="measure-readout" aria-live="polite" data-testid="measure-elevation">
              {height === 'none' ? b.elevationNone : b.elevation(height)}
            </output>
          )}
          <div className="tool-buttons">
            <button type="button" onClick={undoVertex} disabled={draft.length === 0}>
              {t.undoPoint}
            </button>
            <button type="button" onClick={clearDraft} disabled={draft.length === 0}>
              {t.clear}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
