/** The controls every user layer has, whatever its kind: shown or not, its colour and its opacity. */
import { useLayers } from './layersState';
import type { UserLayer } from './model';
import { useLayerStrings } from './useLayerStrings';

export function LayerVisibility({ layer, name, disabled = false }: { layer: UserLayer; name: string; disabled?: boolean }) {
  const update = useLayers((s) => s.update);
  return (
    <label className="import-name">
      <input type="checkbox" checked={layer.visible} disabled={disabled} onChange={() => update(layer.id, { visible: !layer.visible })} />
      <span>{name}</span>
    </label>
  );
}

/** The layer's opacity (a map service's pictures have this control only). */
export function LayerOpacity({ layer, name, disabled = false }: { layer: UserLayer; name: string; disabled?: boolean }) {
  const t = useLayerStrings();
  const update = useLayers((s) => s.update);
  return (
    <input
      type="range"
      min={10}
      max={100}
      value={Math.round(layer.opacity * 100)}
      disabled={disabled}
      aria-label={`${t.opacity} · ${name}`}
      onChange={(e) => update(layer.id, { opacity: Number(e.target.value) / 100 })}
    />
  );
}

export function LayerColorOpacity({ layer, name, disabled = false }: { layer: UserLayer; name: string; disabled?: boolean }) {
  const t = useLayerStrings();
  const update = useLayers((s) => s.update);
  return (
    <>
      <input
        type="color"
        value={layer.color}
        disabled={disabled || Boolean(layer.style)}
        aria-label={`${t.color} · ${name}`}
        onChange={(e) => update(layer.id, { color: e.target.value })}
      />
      <LayerOpacity layer={layer} name={name} disabled={disabled} />
    </>
  );
}
