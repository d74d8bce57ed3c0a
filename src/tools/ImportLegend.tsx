/** The legend of the imported layers: each layer's colour, or the classes of the attribute it is styled by. */
import { useApp } from '../state/store';
import { hasOthers, type LegendEntry, legendOf } from './layerStyle';
import { type ImportedLayer, useTools } from './toolsState';

/** Whether a layer has values outside its classes: one pass over the features per style and features, not per render. */
const othersCache = new WeakMap<object, WeakMap<object, boolean>>();
function othersOf(layer: ImportedLayer & { style: NonNullable<ImportedLayer['style']> }): boolean {
  const byStyle = othersCache.get(layer.fc) ?? new WeakMap<object, boolean>();
  othersCache.set(layer.fc, byStyle);
  let v = byStyle.get(layer.style);
  if (v === undefined) {
    v = hasOthers(layer.style, layer.fc.features);
    byStyle.set(layer.style, v);
  }
  return v;
}

/** Legend rows of one imported layer, as drawn in the panel, the PNG and the print. */
export function importLegend(layer: ImportedLayer, lang: 'zh' | 'en'): LegendEntry[] {
  if (!layer.style) return [{ color: layer.color, label: layer.name }];
  return legendOf(layer.style, lang, othersOf(layer as ImportedLayer & { style: NonNullable<ImportedLayer['style']> }));
}

export function ImportLegend({ title, only }: { title: string; only?: string }) {
  const imports = useTools((s) => s.imports);
  const lang = useApp((s) => s.lang);
  const shown = imports.filter((l) => (only ? l.id === only : l.visible));
  if (shown.length === 0) return null;
  return (
    <div className="import-legend">
      <p className="import-legend-title">{title}</p>
      {shown.map((l) => (
        <div key={l.id} className="import-legend-layer" data-legend={l.name}>
          {l.style && (
            <p className="import-legend-name">
              {l.name} · {l.style.field}
            </p>
          )}
          <ul>
            {importLegend(l, lang).map((e) => (
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
