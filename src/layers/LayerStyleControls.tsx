/** Colour any user layer by an attribute (categories or graduated numbers), edit the class colours, pick a label field. */
import './layers.css';
import { FieldSelect } from './FieldSelect';
import { LayerLegend } from './LayerLegend';
import { useLayers } from './layersState';
import { styleFields, styleFor } from './legend';
import type { UserLayer } from './model';
import { MAX_CATEGORIES } from './style';
import { useLayerStrings } from './useLayerStrings';

export function LayerStyleControls({ layer }: { layer: UserLayer }) {
  const t = useLayerStrings();
  const update = useLayers((s) => s.update);
  const fields = styleFields(layer);
  if (fields.length === 0) return null;
  const style = layer.style;
  const numeric = fields.find((f) => f.name === style?.field)?.numeric ?? false;
  const restyle = (field: string | undefined, mode: 'category' | 'graduated') =>
    update(layer.id, { style: field ? styleFor(layer, field, mode) : undefined });
  return (
    <fieldset className="style-controls" data-style-controls={layer.name}>
      <legend>{t.styleTitle}</legend>
      <FieldSelect
        label={t.styleBy}
        none={t.styleNone}
        fields={fields}
        value={style?.field}
        onChange={(name) => restyle(name, fields.find((x) => x.name === name)?.numeric ? 'graduated' : 'category')}
      />
      {style && numeric && (
        <label>
          {t.styleMode}
          <select value={style.mode} onChange={(e) => restyle(style.field, e.target.value as 'category' | 'graduated')}>
            <option value="category">{t.styleCategory(MAX_CATEGORIES)}</option>
            <option value="graduated">{t.styleGraduated}</option>
          </select>
        </label>
      )}
      {style && (
        <ul className="style-classes">
          {style.classes.map((c, i) => (
            <li key={`${c.value ?? c.min}`}>
              <input
                type="color"
                value={c.color}
                aria-label={`${t.color} · ${style.mode === 'category' ? c.value || '—' : `${c.min}–${c.max}`}`}
                onChange={(e) =>
                  update(layer.id, {
                    style: { ...style, classes: style.classes.map((x, j) => (j === i ? { ...x, color: e.target.value } : x)) },
                  })
                }
              />
              <span>{style.mode === 'category' ? c.value || '—' : `${c.min} – ${c.max}`}</span>
            </li>
          ))}
        </ul>
      )}
      <FieldSelect
        label={t.labelField}
        none={t.styleNone}
        fields={fields}
        value={layer.labelField}
        onChange={(labelField) => update(layer.id, { labelField })}
      />
      {style && <LayerLegend title={t.legend} only={layer.id} />}
    </fieldset>
  );
}
