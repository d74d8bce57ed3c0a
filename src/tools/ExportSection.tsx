import { terrainCredits } from '../basemap/terrainCredit';
import { useTerrain } from '../basemap/terrainState';
import { GisExport } from '../export/GisExport';
import { exportAttribution } from '../i18n/attribution';
import { STRINGS } from '../i18n/strings';
import { TOOL_STRINGS } from '../i18n/toolStrings';
import { overlayCredits } from '../layers/credits';
import { useLayers } from '../layers/layersState';
import { legendRows } from '../layers/legend';
import { isImagery, layerName } from '../layers/model';
import { newId } from '../lib/ids';
import { currentMap } from '../map/mapHandle';
import { useApp } from '../state/store';
import { download, drawingsGeoJSON, figuresCsv, sitesCsv, sitesGeoJSON } from './exportData';
import { mapImage } from './mapImage';
import { useTools } from './toolsState';
import { useToolStrings } from './useToolStrings';

async function renderMap(lang: 'zh' | 'en'): Promise<HTMLCanvasElement | null> {
  const map = currentMap();
  if (!map) return null;
  const t = STRINGS[lang];
  const { basemapId, basemaps } = useApp.getState();
  const overlays = [...overlayCredits(useLayers.getState().layers), ...terrainCredits(useTerrain.getState(), basemapId, basemaps)];
  const attribution = exportAttribution(lang, basemapId, basemaps, overlays);
  // The user's layers on the map (imports and archives) join the legend, with the classes of those styled by an attribute.
  const imported = useLayers
    .getState()
    // A map service or an image archive is a picture, credited in the attribution line rather than given a swatch.
    .layers.filter((l) => l.visible && !isImagery(l))
    .map((l) => ({
      title: l.style ? `${layerName(l, lang)} · ${l.style.field}` : null,
      rows: legendRows(l, layerName(l, lang), lang),
    }));
  // The walk circles rest on schematic points and an assumed radius: the picture says so with them.
  const caveat = useTools.getState().showCircles ? [{ title: TOOL_STRINGS[lang].walkCaveat, rows: [] }] : [];
  return mapImage(map, `${t.appTitle} · ${new Date().toISOString().slice(0, 10)}`, lang, attribution, [...imported, ...caveat]);
}

export function ExportSection() {
  const lang = useApp((s) => s.lang);
  const notify = useApp((s) => s.notify);
  const drawings = useTools((s) => s.drawings);
  const t = useToolStrings();
  return (
    <section className="tool-section" aria-labelledby="export-title">
      <h3 id="export-title">{t.export}</h3>
      <div className="tool-buttons wrap">
        <button type="button" onClick={() => download('suichang-sites.geojson', sitesGeoJSON(), 'application/geo+json')}>
          {t.exportGeojson}
        </button>
        <button type="button" onClick={() => download('suichang-sites.csv', `\uFEFF${sitesCsv()}`, 'text/csv')}>
          {t.exportCsvSites}
        </button>
        <button type="button" onClick={() => download('suichang-figures.csv', `\uFEFF${figuresCsv()}`, 'text/csv')}>
          {t.exportCsvFigures}
        </button>
        <button
          type="button"
          onClick={() => download('my-drawings.geojson', drawingsGeoJSON(drawings), 'application/geo+json')}
          disabled={drawings.length === 0}
        >
          {t.exportDrawings}
        </button>
        <label className="file-button">
          {t.importDrawings}
          <input
            type="file"
            accept=".geojson,.json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              try {
                const json = JSON.parse(await file.text()) as { features?: unknown[] };
                const { parseBytes } = await import('./importFile');
                const r = await parseBytes('drawings.geojson', new TextEncoder().encode(JSON.stringify(json)).buffer);
                if (!r.ok || !('fc' in r)) throw new Error(file.name);
                const tools = useTools.getState();
                const added = r.fc.features
                  .filter((f) => ['Point', 'LineString', 'Polygon'].includes(f.geometry.type))
                  .map((f) => {
                    const id = newId('drawing');
                    return {
                      type: 'Feature' as const,
                      id,
                      properties: { id, name: String(f.properties.name ?? ''), note: String(f.properties.note ?? '') },
                      geometry: f.geometry as never,
                    };
                  });
                tools.pushHistory(tools.drawings);
                tools.previewDrawings([...tools.drawings, ...added]);
              } catch {
                notify(`${t.importFailed(file.name)}GeoJSON`);
              }
            }}
          />
        </label>
        <button
          type="button"
          onClick={async () => {
            const canvas = await renderMap(lang);
            canvas?.toBlob((blob) => blob && download('suichang-map.png', blob, 'image/png'), 'image/png');
          }}
        >
          {t.exportPng}
        </button>
        <button
          type="button"
          onClick={async () => {
            const canvas = await renderMap(lang);
            const img = document.getElementById('print-map') as HTMLImageElement | null;
            if (!canvas || !img) return;
            img.src = canvas.toDataURL('image/png');
            await img.decode().catch(() => {});
            window.print();
          }}
        >
          {t.print}
        </button>
      </div>
      <GisExport />
    </section>
  );
}
