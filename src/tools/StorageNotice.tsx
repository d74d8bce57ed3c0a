/**
 * The notice for work the browser did not keep: what, why (quota, blocked, unavailable), and a button
 * to export each piece as a file instead. Derived from the storage state, so it follows the language
 * and goes away by itself once a later save of the same work succeeds.
 */
import { useT } from '../i18n/useT';
import { layerById, useLayersOf } from '../layers/layersState';
import { useStorage } from './storageState';
import { useTools } from './toolsState';

async function exportDrawings() {
  const { download, drawingsGeoJSON } = await import('./exportData');
  download('my-drawings.geojson', drawingsGeoJSON(useTools.getState().drawings), 'application/geo+json');
}

async function exportLayer(id: string) {
  const layer = layerById('geojson', id);
  if (!layer) return;
  const { download, layerGeoJSON } = await import('./exportData');
  download(`${layer.name || 'layer'}.geojson`, layerGeoJSON(layer), 'application/geo+json');
}

export function StorageNotice() {
  const t = useT();
  const status = useStorage((s) => s.status);
  const failure = useStorage((s) => s.failure);
  const dismissed = useStorage((s) => s.dismissed);
  const dismiss = useStorage((s) => s.dismiss);
  const imports = useLayersOf('geojson');
  const hasDrawings = useTools((s) => s.drawings.length > 0);
  if (!failure || dismissed) return null;
  const why = t.storageWhy[failure.kind];
  const close = (
    <button type="button" onClick={dismiss} aria-label={t.dismiss}>
      ×
    </button>
  );
  if (status === 'unavailable') {
    return (
      <div className="notice storage-notice" data-storage="session">
        <span>{t.storageSessionOnly(why)}</span>
        {close}
      </div>
    );
  }
  const layers = failure.layers.flatMap((id) => imports.filter((l) => l.id === id));
  const drawings = failure.drawings && hasDrawings;
  if (!drawings && layers.length === 0) return null;
  const parts = [...layers.map((l) => t.storageWhatLayer(l.name)), ...(drawings ? [t.storageWhatDrawings] : [])];
  const what = parts.join(t.storageAnd);
  return (
    <div className="notice storage-notice" data-storage={failure.kind}>
      <span>{t.storageNotKept(what.charAt(0).toUpperCase() + what.slice(1), why)}</span>
      <span className="notice-actions">
        {layers.map((l) => (
          <button key={l.id} type="button" className="notice-action" onClick={() => void exportLayer(l.id)}>
            {t.exportLayerFile(l.name)}
          </button>
        ))}
        {drawings && (
          <button type="button" className="notice-action" onClick={() => void exportDrawings()}>
            {t.exportDrawingsFile}
          </button>
        )}
      </span>
      {close}
    </div>
  );
}
