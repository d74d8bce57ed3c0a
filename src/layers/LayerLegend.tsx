/** The legend of the user's layers (or of one): each layer's colour, or the classes of the attribute it is styled by. */
import './layers.css';
import { useApp } from '../state/store';
import { useLayers } from './layersState';
import { legendRows } from './legend';
import { isImagery, layerName } from './model';

export function LayerLegend({ title, only }: { title: string; only?: string }) {
  const layers = useLayers((s) => s.layers);
  const lang = useApp((s) => s.lang);
  // A service or an image archive used as the basemap is listed with the basemaps, not here.
  const shown = layers.filter((l) => (only ? l.id === only : l.visible) && !(l.kind !== 'geojson' && l.role === 'basemap'));
  if (shown.length === 0) return null;
  return (
    <div className="import-legend">
      <p className="import-legend-title">{title}</p>
      {shown.map((l) => (
        <div key={l.id} className="import-legend-layer" data-legend={l.name}>
          {l.style && (
            <p className="import-legend-name">
              {layerName(l, lang)} · {l.style.field}
            </p>
          )}
          <ul>
            {isImagery(l) ? (
              <li>
                <span className="swatch raster" aria-hidden="true" />
                {layerName(l, lang)}
              </li>
            ) : null}
            {(isImagery(l) ? [] : legendRows(l, layerName(l, lang), lang)).map((e) => (
              <li key={`${e.color}${e.label}`}>
                <span className="swatch" style={{ background: e.color }} aria-hidden="true" />
                {e.label}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
