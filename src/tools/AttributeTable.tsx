import { bbox } from '@turf/turf';
import { useMemo, useState } from 'react';
import { useApp } from '../state/store';
import type { ImportedLayer } from './toolsState';
import { useToolStrings } from './useToolStrings';

const MAX_ROWS = 200;

/** An imported layer's attributes: sort by a column, filter, click a row to fly to the feature. Values are text. */
export function AttributeTable({ layer }: { layer: ImportedLayer }) {
  const requestCamera = useApp((s) => s.requestCamera);
  const t = useToolStrings();
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const [filter, setFilter] = useState('');
  const columns = useMemo(() => {
    const keys = new Set<string>();
    for (const f of layer.fc.features.slice(0, 500)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
    return [...keys].slice(0, 12);
  }, [layer]);
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    let list = layer.fc.features.map((f, i) => ({ f, i }));
    if (q)
      list = list.filter(({ f }) =>
        Object.values(f.properties ?? {}).some((v) =>
          String(v ?? '')
            .toLowerCase()
            .includes(q),
        ),
      );
    if (sort) {
      list = [...list].sort((a, b) => {
        const x = a.f.properties?.[sort.key];
        const y = b.f.properties?.[sort.key];
        if (typeof x === 'number' && typeof y === 'number') return (x - y) * sort.dir;
        return String(x ?? '').localeCompare(String(y ?? ''), 'zh-CN', { numeric: true }) * sort.dir;
      });
    }
    return list;
  }, [layer, filter, sort]);
  return (
    <div className="attribute-table">
      <input
        type="search"
        placeholder={t.filterRows}
        aria-label={`${t.filterRows} · ${layer.name}`}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
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
                  requestCamera({ kind: 'bounds', bounds: [b[0], b[1], b[2], b[3]] });
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
      <p className="tool-hint">{t.features(rows.length)}</p>
    </div>
  );
}
