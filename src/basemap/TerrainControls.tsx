/** The layer control's terrain group, shown once a terrain archive is found: hillshade, 3D terrain and its exaggeration. */
import { meta } from '../data/geodata';
import { tilt } from '../map/cameraApi';
import { useApp } from '../state/store';
import { BASEMAP_STRINGS } from './basemapStrings';
import { EXAGGERATION, useTerrain } from './terrainState';

/** The camera's tilt when 3D terrain is turned on over a flat view. */
const TILT = 55;

export function TerrainControls() {
  const lang = useApp((s) => s.lang);
  const datum = useApp((s) => s.basemaps.find((b) => b.id === s.basemapId)?.datum ?? meta.datum);
  const { found, hillshade, threeD, exaggeration, setHillshade, setThreeD, setExaggeration } = useTerrain();
  if (!found) return null;
  const t = BASEMAP_STRINGS[lang];
  const usable = datum === 'WGS-84';
  return (
    <fieldset className="filter-group terrain-group">
      <legend>{t.terrain}</legend>
      {!usable && <p className="filter-note">{t.datumNote}</p>}
      <label className="chip-check">
        <input type="checkbox" disabled={!usable} checked={hillshade} onChange={(e) => setHillshade(e.target.checked)} />
        {t.hillshade}
      </label>
      <label className="chip-check">
        <input
          type="checkbox"
          disabled={!usable}
          checked={threeD}
          onChange={(e) => {
            setThreeD(e.target.checked);
            if (e.target.checked && (useApp.getState().view?.pitch ?? 0) < 10) tilt(TILT);
          }}
        />
        {t.threeD}
      </label>
      {threeD && usable && (
        <label className="opacity-row">
          {t.exaggeration}
          <input
            type="range"
            min={EXAGGERATION.min}
            max={EXAGGERATION.max}
            step={EXAGGERATION.step}
            value={exaggeration}
            onChange={(e) => setExaggeration(Number(e.target.value))}
          />
          <output>×{exaggeration}</output>
        </label>
      )}
    </fieldset>
  );
}
