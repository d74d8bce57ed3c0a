import { bbox } from '@turf/turf';
import { useState } from 'react';
import { useApp } from '../state/store';
import { AttributeTable } from './AttributeTable';
import { importFile, useImportJob } from './importFile';
import { useTools } from './toolsState';
import { useToolStrings } from './useToolStrings';

function ColumnChooser({ all, lon, lat }: { all: string[]; lon: string[]; lat: string[] }) {
  const t = useToolStrings();
  const [lonCol, setLon] = useState(lon[0] ?? all[0] ?? '');
  const [latCol, setLat] = useState(lat[0] ?? all[1] ?? '');
  const resolve = useImportJob((s) => s.resolveColumns);
  return (
    <fieldset className="column-chooser">
      <legend>{t.chooseColumns}</legend>
      <label>
        {t.lonColumn}
        <select value={lonCol} onChange={(e) => setLon(e.target.value)}>
          {all.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        {t.latColumn}
        <select value={latCol} onChange={(e) => setLat(e.target.value)}>
          {all.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <div className="tool-buttons">
        <button type="button" onClick={() => resolve?.({ lon: lonCol, lat: latCol })}>
          OK
        </button>
        <button type="button" onClick={() => resolve?.(null)}>
          {t.cancel}
        </button>
      </div>
    </fieldset>
  );
}

export function ImportSection() {
  const imports = useTools((s) => s.imports);
  const job = useImportJob((s) => s.job);
  const cancel = useImportJob((s) => s.cancel);
  const datum = useImportJob((s) => s.datum);
  const setDatum = useImportJob((s) => s.setDatum);
  const requestCamera = useApp((s) => s.requestCamera);
  const t = useToolStrings();
  const [table, setTable] = useState<string | null>(null);
  const tools = useTools.getState;
  return (
    <section className="tool-section" aria-labelledby="import-title">
      <h3 id="import-title">{t.importTitle}</h3>
      <p className="tool-hint">{t.importHint}</p>
      <label className="file-button">
        {t.chooseFile}
        <input
          type="file"
          accept=".geojson,.json,.kml,.gpx,.zip,.csv,.txt"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      <label className="datum-select">
        {t.datumOfFile}
        <select value={datum} onChange={(e) => setDatum(e.target.value as 'WGS-84' | 'GCJ-02')}>
          <option value="WGS-84">{t.datumWgs}</option>
          <option value="GCJ-02">{t.datumGcj}</option>
        </select>
      </label>
      {job && (
        <div className="import-job" role="status">
          <span>{job.fileName}</span>
          <progress
            max={100}
            value={job.stage === 'reading' ? job.progress : undefined}
            aria-label={job.stage === 'reading' ? t.reading(job.progress) : t.parsing}
          />
          <span>{job.stage === 'reading' ? t.reading(job.progress) : t.parsing}</span>
          {job.columns && <ColumnChooser {...job.columns} />}
          <button type="button" onClick={() => cancel?.()}>
            {t.cancel}
          </button>
        </div>
      )}
      {imports.length > 0 && (
        <>
          <h4>{t.importLayers}</h4>
          <ul className="import-list">
            {imports.map((l) => (
              <li key={l.id} data-import={l.name}>
                <div className="import-row">
                  <label className="import-name">
                    <input type="checkbox" checked={l.visible} onChange={() => tools().updateImport(l.id, { visible: !l.visible })} />
                    <span>{l.name}</span>
                  </label>
                  <span className="count">{l.fc.features.length}</span>
                </div>
                <div className="import-row">
                  <input
                    type="color"
                    value={l.color}
                    aria-label={`${t.color} · ${l.name}`}
                    onChange={(e) => tools().updateImport(l.id, { color: e.target.value })}
                  />
                  <input
                    type="range"
                    min={10}
                    max={100}
                    value={Math.round(l.opacity * 100)}
                    aria-label={`Opacity · ${l.name}`}
                    onChange={(e) => tools().updateImport(l.id, { opacity: Number(e.target.value) / 100 })}
                  />
                  <button
                    type="button"
                    onClick={() => {
                      const b = bbox(l.fc);
                      requestCamera({ kind: 'bounds', bounds: [b[0], b[1], b[2], b[3]] });
                    }}
                  >
                    {t.zoomTo}
                  </button>
                  <button type="button" aria-expanded={table === l.id} onClick={() => setTable(table === l.id ? null : l.id)}>
                    {table === l.id ? t.hideTable : t.table}
                  </button>
                  <button type="button" className="danger" onClick={() => tools().removeImport(l.id)}>
                    {t.remove}
                  </button>
                </div>
                {table === l.id && <AttributeTable layer={l} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
