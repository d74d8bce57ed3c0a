import './tiles.css';
import { useLayers } from '../layers/layersState';
import { layerName } from '../layers/model';
import { useApp } from '../state/store';
import { useTiles } from './tilesState';
import { useTileStrings } from './useTileStrings';

/** The attributes of the tiled feature last clicked, as text (never HTML), over the map's corner. */
export function TiledFeatureCard() {
  const picked = useTiles((s) => s.picked);
  const layer = useLayers((s) => (picked ? s.layers.find((l) => l.id === picked.layerId) : undefined));
  const pick = useTiles((s) => s.pick);
  const lang = useApp((s) => s.lang);
  const t = useTileStrings();
  if (!picked || !layer) return null;
  const entries = Object.entries(picked.properties);
  return (
    // Keyed by the feature: a new pick is a new card (its paint is what the bench's click row times).
    <section
      key={`${picked.layerId}|${picked.sourceLayer}|${JSON.stringify(picked.properties)}`}
      className="tiled-card"
      aria-labelledby="tiled-card-title"
    >
      <header>
        <h3 id="tiled-card-title">{t.featureTitle}</h3>
        <button type="button" className="panel-close-small" aria-label={t.close} onClick={() => pick(null)}>
          ×
        </button>
      </header>
      <p className="tool-hint" {...{ elementtiming: 'tiled-attributes' }}>
        {t.layerOf(picked.sourceLayer, layerName(layer, lang))}
      </p>
      {entries.length === 0 ? (
        <p>{t.noAttributes}</p>
      ) : (
        <table>
          <tbody>
            {entries.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{String(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
