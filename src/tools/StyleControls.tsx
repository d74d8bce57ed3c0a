/** Colour an imported layer by an attribute (categories or graduated numbers), edit the class colours, and pick a label field. */
import { useMemo } from 'react';
import { FieldSelect } from './FieldSelect';
import { ImportLegend } from './ImportLegend';
import { categoryStyle, fieldsOf, graduatedStyle, MAX_CATEGORIES } from './layerStyle';
import { type ImportedLayer, useTools } from './toolsState';
import { useToolStrings } from './useToolStrings';

export function StyleControls({ layer }: { layer: ImportedLayer }) {
  const t = useToolStrings();
  const update = useTools((s) => s.updateImport);
  const fields = useMemo(() => fieldsOf(layer.fc.features), [layer.fc]);
  const style = layer.style;
  const numeric = fields.find((f) => f.name === style?.field)?.numeric ?? false;
  const restyle = (field: string, mode: 'category' | 'graduated') =>
    update(layer.id, {
      style:
        field === ''
          ? undefined
          : mode === 'graduated'
            ? graduatedStyle(layer.fc.features, field)
            : categoryStyle(layer.fc.features, field),
    });
  return (
    <fieldset className="style-controls" data-style-controls={layer.name}>
      <legend>{t.styleTitle}</legend>
      <FieldSelect
        label={t.styleBy}
        none={t.styleNone}
        fields={fields}
        value={style?.field}
        onChange={(name) => restyle(name ?? '', fields.find((x) => x.name === name)?.numeric ? 'graduated' : 'category')}
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
      {style && <ImportLegend title={t.legend} only={layer.id} />}
    </fieldset>
  );
}
