/** A choice of one of a layer's attributes, or none (labelled), for styling, labels and filters. */
export function FieldSelect({
  label,
  none,
  fields,
  value,
  onChange,
}: {
  label: string;
  none: string;
  fields: readonly { name: string }[];
  value: string | undefined;
  onChange: (field: string | undefined) => void;
}) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{none}</option>
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name}
          </option>
        ))}
      </select>
    </label>
  );
}
