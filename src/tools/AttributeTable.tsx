import { bbox } from '@turf/turf';
import { useMemo, useState } from 'react';
import { FieldSelect } from '../layers/FieldSelect';
import { useLayers } from '../layers/layersState';
import type { GeoJsonLayer } from '../layers/model';
import { fieldsOf, type LayerFilter, matches } from '../layers/style';
import { fitBounds } from '../map/cameraApi';
import { useToolStrings } from './useToolStrings';

const MAX_ROWS = 200;

type RowFormat = 'geojson' | 'csv' | 'shapefile' | 'gpkg';
const FORMAT_LABEL: Record<RowFormat, string> = {
  geojson: 'GeoJSON',
  csv: 'CSV',
  shapefile: 'Shapefile (EPSG:4549, GBK)',
  gpkg: 'GeoPackage (EPSG:4549)',
};

async function exportRows(layer: GeoJsonLayer, features: GeoJsonLayer['fc']['features'], format: RowFormat): Promise<void> {
  const { download, layerGeoJSON } = await import('./exportData');
  if (format === 'gpkg') {
    const { saveGeoPackage } = await import('../export/exportGeoPackage');
    return saveGeoPackage(`${layer.name}-filtered-EPSG4549.gpkg`, layer.name, features, 4549, layer.datum);
  }
  if (format === 'shapefile') {
    // The office's default: CGCS2000 3-degree Gauss-Kruger of Suichang's zone (EPSG:4549), GBK text.
    const { exportShapefile } = await import('../export/exportShapefile');
    const r = exportShapefile(layer.name.replace(/[^\p{L}\p{N}_-]+/gu, '_'), features, 4549, 'GBK', layer.datum);
    download(`${layer.name}-filtered-EPSG4549.zip`, new Blob([r.zip as BlobPart], { type: 'application/zip' }), 'application/zip');
    return;
  }
  if (format === 'geojson') {
    download(`${layer.name}-filtered.geojson`, layerGeoJSON({ ...layer, fc: { ...layer.fc, features } }), 'application/geo+json');
    return;
  }
  const Papa = (await import('papaparse')).default;
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const rows = features.map((f) => {
    const c = f.geometry.type === 'Point' ? f.geometry.coordinates : null;
    return {
      ...Object.fromEntries(keys.map((k) => [k, f.properties?.[k] ?? ''])),
      lon: c?.[0] ?? '',
      lat: c?.[1] ?? '',
      geometry: f.geometry.type,
    };
  });
  // escapeFormulae: every cell that a spreadsheet would run as a formula is quoted as text.
  download(`${layer.name}-filtered.csv`, `\uFEFF${Papa.unparse(rows, { escapeFormulae: true })}`, 'text/csv');
}

/**
 * An imported layer's attributes: sort by a column, filter by text or by a field's value or range (the
 * map shows only what passes), export what passes, click a row to fly to the feature. Values are text.
 */
export function AttributeTable({ layer }: { layer: GeoJsonLayer }) {
  const update = useLayers((s) => s.update);
  const t = useToolStrings();
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const current: LayerFilter = layer.filter ?? {};
  const setFilter = (change: Partial<LayerFilter>) => update(layer.id, { filter: { ...current, ...change } });
  const fields = useMemo(() => fieldsOf(layer.fc.features), [layer.fc]);
  const field = fields.find((f) => f.name === current.field);
  const values = useMemo(
    () =>
      field && !field.numeric
        ? [...new Set(layer.fc.features.map((f) => String(f.properties?.[field.name] ?? '')))]
            .sort((a, b) => a.localeCompare(b, 'zh-CN'))
            .slice(0, 200)
        : [],
    [layer.fc, field],
  );
  const columns = useMemo(() => {
    const keys = new Set<string>();
    for (const f of layer.fc.features.slice(0, 500)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
    return [...keys].slice(0, 12);
  }, [layer]);
  const rows = useMemo(() => {
    let list = layer.fc.features.map((f, i) => ({ f, i }));
    if (layer.filter) list = list.filter(({ f }) => matches(f.properties, layer.filter));
    if (sort) {
      list = [...list].sort((a, b) => {
        const x = a.f.properties?.[sort.key];
        const y = b.f.properties?.[sort.key];
        if (typeof x === 'number' && typeof y === 'number') return (x - y) * sort.dir;
        return String(x ?? '').localeCompare(String(y ?? ''), 'zh-CN', { numeric: true }) * sort.dir;
      });
    }
    return list;
  }, [layer, sort]);
  const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
  return (
    <div className="attribute-table">
      <input
        type="search"
        placeholder={t.filterRows}
        aria-label={`${t.filterRows} · ${layer.name}`}
        value={current.text ?? ''}
        onChange={(e) => setFilter({ text: e.target.value })}
      />
      <div className="field-filter">
        <FieldSelect
          label={t.filterField}
          none={t.filterAny}
          fields={fields}
          value={current.field}
          onChange={(name) => setFilter({ field: name, values: [], min: undefined, max: undefined })}
        />
        {field && !field.numeric && (
          <label>
            {t.filterValue}
            <select
              value={current.values?.[0] ?? ''}
              onChange={(e) => setFilter({ values: e.target.value === '' ? [] : [e.target.value] })}
            >
              <option value="">{t.filterAll}</option>
              {values.map((v) => (
                <option key={v} value={v}>
                  {v || '—'}
                </option>
              ))}
            </select>
          </label>
        )}
        {field?.numeric && (
          <>
            <label>
              {t.filterMin}
              <input type="number" value={current.min ?? ''} onChange={(e) => setFilter({ min: num(e.target.value) })} />
            </label>
            <label>
              {t.filterMax}
              <input type="number" value={current.max ?? ''} onChange={(e) => setFilter({ max: num(e.target.value) })} />
            </label>
          </>
        )}
      </div>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">
            {t.table} · {layer.name}
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {columns.map((c) => (
                <th key={c} scope="col" aria-sort={sort?.key === c ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" onClick={() => setSort((s) => ({ key: c, dir: s?.key === c && s.dir === 1 ? -1 : 1 }))}>
                    {c}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map(({ f, i }) => (
              <tr
                key={i}
                tabIndex={0}
                onClick={() => {
                  const b = bbox(f);
                  fitBounds([b[0], b[1], b[2], b[3]]);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') (e.currentTarget as HTMLElement).click();
                }}
              >
                <td>{i + 1}</td>
                {columns.map((c) => (
                  <td key={c}>{String(f.properties?.[c] ?? '')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="tool-hint" data-testid="filter-count">
        {t.filterShown(rows.length, layer.fc.features.length)}
      </p>
      <div className="tool-buttons">
        <span>{t.exportFiltered}:</span>
        {(['geojson', 'csv', 'shapefile', 'gpkg'] as const).map((format) => (
          <button
            key={format}
            type="button"
            onClick={() =>
              void exportRows(
                layer,
                rows.map((r) => r.f),
                format,
              )
            }
          >
            {FORMAT_LABEL[format]}
          </button>
        ))}
      </div>
    </div>
  );
}
