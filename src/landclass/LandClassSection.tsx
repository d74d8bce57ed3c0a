/**
 * "按地类统计面积 · Area by land class": a red line (a drawn polygon or a site's extent) over a polygon layer
 * with a class field (the 三调's DLMC/DLBM offered first) → each class's area in 亩, 公顷 and m², its share
 * and the total, computed in a worker with a progress bar; the pieces added as a layer (styled by class,
 * exportable as Shapefile or GeoPackage from its attribute table); the table as CSV or Excel.
 */
import './landClass.css';
import { bbox } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Datum } from '../basemap/config';
import { convertGeometry } from '../basemap/datum';
import { sites } from '../data/geodata';
import { formatNumber } from '../i18n/format';
import { layerById, nextColor, useLayers, useLayersOf } from '../layers/layersState';
import type { GeoJsonLayer } from '../layers/model';
import { categoryStyle, fieldsOf } from '../layers/style';
import { newId } from '../lib/ids';
import { fitBounds } from '../map/cameraApi';
import { useApp } from '../state/store';
import { download } from '../tools/exportData';
import { useTools } from '../tools/toolsState';
import { type LandClassResult, M2_PER_HA, M2_PER_MU, suggestClassField } from './landClass';
import { LAND_CLASS_STRINGS } from './landClassStrings';

type Area = Polygon | MultiPolygon;
const isArea = (g: Feature['geometry'] | null | undefined): g is Area => g?.type === 'Polygon' || g?.type === 'MultiPolygon';
const hasPolygons = (l: GeoJsonLayer) => l.fc.features.some((f) => isArea(f.geometry));
/** An area to count the land classes of, in its own datum. */
interface Target {
  key: string;
  name: string;
  geometry: Area;
  datum: Datum;
  /** A site's precision note, when its extent is schematic. */
  schematic?: string;
}

/** Polygons offered per imported layer (a parcel layer has thousands: its first ones are enough to pick a red line). */
const MAX_LAYER_TARGETS = 200;
/** A feature's name for the list: its usual name fields, else its number. */
function featureName(p: Record<string, unknown> | null, i: number): string {
  for (const k of ['name', 'Name', 'NAME', '名称', 'MC', 'XMMC', 'DLMC'])
    if (p?.[k] !== undefined && p[k] !== null && p[k] !== '') return String(p[k]);
  return `#${i + 1}`;
}

interface Job {
  progress: number;
  abort: AbortController;
}

export function LandClassSection() {
  const lang = useApp((s) => s.lang);
  const notify = useApp((s) => s.notify);
  const selectedSite = useApp((s) => s.selectedId);
  const drawings = useTools((s) => s.drawings);
  const selectedDrawing = useTools((s) => s.selectedDrawing);
  const t = LAND_CLASS_STRINGS[lang];
  const ids = { target: useId(), layer: useId(), field: useId() };

  const allLayers = useLayersOf('geojson');
  const layers = useMemo(() => allLayers.filter(hasPolygons), [allLayers]);
  // The areas to choose from, each in its datum: polygon drawings and the sites with an extent (the map's GCJ-02),
  // then the polygons of imported layers — a red line the land bureau sent as a Shapefile is one (its file's datum).
  const targets = useMemo(
    (): Target[] => [
      ...drawings
        .filter((d) => isArea(d.geometry))
        .map((d) => ({
          key: `drawing:${d.properties.id}`,
          name: d.properties.name || (lang === 'zh' ? '未命名' : 'untitled'),
          geometry: d.geometry as Area,
          datum: 'GCJ-02' as Datum,
        })),
      ...sites
        .filter((s) => isArea(s.geometry))
        .map((s) => ({
          key: `site:${s.properties.id}`,
          name: s.properties.name[lang],
          geometry: s.geometry as Area,
          datum: 'GCJ-02' as Datum,
          // A schematic extent is not a surveyed red line: the table says so beside its figures.
          ...(s.properties.precision === 'official' ? {} : { schematic: s.properties.precisionNote[lang] }),
        })),
      ...allLayers.flatMap((l) =>
        l.fc.features
          .map((f, i) => ({ f, i }))
          .filter(({ f }) => isArea(f.geometry))
          .slice(0, MAX_LAYER_TARGETS)
          .map(({ f, i }) => ({
            key: `feature:${l.id}:${i}`,
            name: `${l.name} · ${featureName(f.properties, i)}`,
            geometry: f.geometry as Area,
            datum: l.datum,
          })),
      ),
    ],
    [drawings, lang, allLayers],
  );
  const preferred = selectedDrawing ? `drawing:${selectedDrawing}` : selectedSite ? `site:${selectedSite}` : undefined;
  const [targetKey, setTargetKey] = useState<string | undefined>();
  const target = targets.find((x) => x.key === (targetKey ?? preferred)) ?? targets[0];
  const [layerId, setLayerId] = useState<string | undefined>();
  const layer = layers.find((l) => l.id === layerId) ?? layers[0];
  const fields = useMemo(() => (layer ? fieldsOf(layer.fc.features) : []), [layer]);
  const [field, setField] = useState<string | undefined>();
  const classField = field && fields.some((f) => f.name === field) ? field : suggestClassField(fields);

  const [job, setJob] = useState<Job | null>(null);
  const [result, setResult] = useState<(LandClassResult & { field: string; targetName: string; schematic?: string }) | null>(null);
  const piecesId = useRef<string | null>(null);
  // A run still going when the section closes is stopped (its worker ended), never on a progress update.
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const run = async () => {
    if (!target || !layer || !classField) return;
    const abort = new AbortController();
    running.current = abort;
    setJob({ progress: 0, abort });
    setResult(null);
    try {
      // The red line into the parcels' datum (GCJ-02 → WGS-84 by the export's iterated inversion).
      let geometry: Area = target.geometry;
      if (target.datum === 'GCJ-02' && layer.datum === 'WGS-84') {
        const [{ convertCoords }, { gcjToWgs }] = await Promise.all([import('../export/convert'), import('../export/exportCrs')]);
        geometry = convertCoords(geometry, gcjToWgs);
      } else if (target.datum !== layer.datum) geometry = convertGeometry(geometry, target.datum, layer.datum);
      const { runLandClass } = await import('./runLandClass');
      const r = await runLandClass(
        { target: geometry, parcels: layer.fc.features as Feature[], field: classField },
        (progress) => setJob({ progress, abort }),
        abort.signal,
      );
      setResult({
        ...r,
        field: classField,
        targetName: target.name,
        ...(target.schematic !== undefined ? { schematic: target.schematic } : {}),
      });
      showPieces(r, classField, target.name, layer);
      // The red line in view, clear of the panels: its pieces are drawn there (fitBounds takes the data's GCJ-02).
      const [w, s, e, n] = bbox(target.datum === 'GCJ-02' ? target.geometry : convertGeometry(target.geometry, target.datum, 'GCJ-02'));
      fitBounds([w, s, e, n]);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') notify(t.failed((error as Error).message));
    } finally {
      running.current = null;
      setJob(null);
    }
  };

  /** The pieces as one layer, replaced on each run: the map shows them, its table exports them. */
  const showPieces = (r: LandClassResult, cls: string, name: string, from: GeoJsonLayer) => {
    const fc = { type: 'FeatureCollection' as const, features: r.pieces };
    const store = useLayers.getState();
    const layerName = t.piecesLayer(name);
    const style = categoryStyle(fc.features, cls);
    const previous = piecesId.current ? layerById('geojson', piecesId.current) : undefined;
    if (previous) store.update(previous.id, { fc, name: layerName, datum: from.datum, style });
    else {
      piecesId.current = newId('layer');
      store.add({
        kind: 'geojson',
        id: piecesId.current,
        name: layerName,
        datum: from.datum,
        color: nextColor(),
        opacity: 0.85,
        visible: true,
        fc,
        style,
      });
    }
    notify(t.piecesShown(layerName));
  };

  const table = result
    ? [
        ...result.rows.map((r) => ({ cls: r.value || t.empty, m2: r.m2, share: r.share, parcels: r.parcels })),
        ...(result.areaM2 - result.classedM2 > 0.5
          ? [{ cls: t.uncovered, m2: result.areaM2 - result.classedM2, share: 1 - result.classedM2 / result.areaM2, parcels: 0 }]
          : []),
      ]
    : [];
  const exportTable = async (format: 'csv' | 'excel') => {
    if (!result) return;
    const rows = [
      ...table.map((r) => ({
        [t.cls]: r.cls,
        [t.mu]: round(r.m2 / M2_PER_MU, 3),
        [t.ha]: round(r.m2 / M2_PER_HA, 4),
        [t.m2]: round(r.m2, 2),
        [t.share]: round(r.share * 100, 2),
        [t.parcels]: r.parcels,
      })),
      {
        [t.cls]: t.total,
        [t.mu]: round(result.areaM2 / M2_PER_MU, 3),
        [t.ha]: round(result.areaM2 / M2_PER_HA, 4),
        [t.m2]: round(result.areaM2, 2),
        [t.share]: 100,
        [t.parcels]: result.rows.reduce((s, r) => s + r.parcels, 0),
      },
    ];
    const base = `${t.title}-${result.targetName}`;
    if (format === 'csv') {
      const Papa = (await import('papaparse')).default;
      download(`${base}.csv`, `\uFEFF${Papa.unparse(rows, { escapeFormulae: true })}`, 'text/csv');
      return;
    }
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.json_to_sheet(rows), t.title.slice(0, 31));
    const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    download(`${base}.xlsx`, new Blob([bytes], { type }), type);
  };

  const n = (v: number, digits: number) => formatNumber(round(v, digits), lang, digits);
  return (
    <section className="tool-section land-class" aria-labelledby="land-class-title">
      <h3 id="land-class-title">{t.title}</h3>
      <p className="tool-hint">{t.hint}</p>
      {targets.length === 0 && <p className="tool-hint">{t.noTarget}</p>}
      {layers.length === 0 && <p className="tool-hint">{t.noLayer}</p>}
      {targets.length > 0 && layers.length > 0 && (
        <div className="land-class-form">
          <label htmlFor={ids.target}>{t.target}</label>
          <select id={ids.target} value={target?.key} onChange={(e) => setTargetKey(e.target.value)}>
            {targets.map((x) => (
              <option key={x.key} value={x.key}>
                {x.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.layer}>{t.layer}</label>
          <select id={ids.layer} value={layer?.id} onChange={(e) => setLayerId(e.target.value)}>
            {layers.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.field}>{t.field}</label>
          <select id={ids.field} value={classField ?? ''} onChange={(e) => setField(e.target.value || undefined)}>
            <option value="">{t.none}</option>
            {fields.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name}
              </option>
            ))}
          </select>
          <div className="tool-buttons">
            <button type="button" onClick={() => void run()} disabled={!classField || job !== null}>
              {t.run}
            </button>
            {job && (
              <>
                <progress max={1} value={job.progress} aria-label={t.running(Math.round(job.progress * 100))} />
                <button type="button" onClick={() => job.abort.abort()}>
                  {t.cancel}
                </button>
              </>
            )}
          </div>
        </div>
      )}
      {result && (
        <div className="land-class-result" data-testid="land-class">
          <p>{t.areaOf(result.targetName, n(result.areaM2 / M2_PER_MU, 2), n(result.areaM2 / M2_PER_HA, 2))}</p>
          {result.schematic !== undefined && (
            <p className="read-as-warn" role="note">
              {t.schematic(result.targetName, result.schematic)}
            </p>
          )}
          <div className="land-class-scroll">
            <table className="land-class-table">
              <thead>
                <tr>
                  <th scope="col">{t.clsOf(result.field)}</th>
                  <th scope="col">{t.mu}</th>
                  <th scope="col">{t.ha}</th>
                  <th scope="col">{t.m2}</th>
                  <th scope="col">{t.share}</th>
                </tr>
              </thead>
              <tbody>
                {table.map((r) => (
                  <tr key={r.cls} data-class={r.cls}>
                    <th scope="row">{r.cls}</th>
                    <td>{n(r.m2 / M2_PER_MU, 2)}</td>
                    <td>{n(r.m2 / M2_PER_HA, 4)}</td>
                    <td>{n(r.m2, 1)}</td>
                    <td>{`${n(r.share * 100, 1)}%`}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t.total}</th>
                  <td>{n(result.areaM2 / M2_PER_MU, 2)}</td>
                  <td>{n(result.areaM2 / M2_PER_HA, 4)}</td>
                  <td>{n(result.areaM2, 1)}</td>
                  <td>100%</td>
                </tr>
              </tfoot>
            </table>
          </div>
          {result.skipped.length > 0 && (
            <p className="read-as-warn" role="note">
              {t.skipped(
                result.skipped.length,
                `${result.skipped
                  .slice(0, 8)
                  .map((s) => s.index + 1)
                  .join(', ')}${result.skipped.length > 8 ? ' …' : ''}`,
              )}
            </p>
          )}
          {result.notPolygons > 0 && <p className="tool-hint">{t.notPolygons(result.notPolygons)}</p>}
          <p className="tool-hint">{t.method}</p>
          <div className="tool-buttons">
            <button type="button" onClick={() => void exportTable('csv')}>
              {t.csv}
            </button>
            <button type="button" onClick={() => void exportTable('excel')}>
              {t.excel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
