import { bbox } from '@turf/turf';
import { useEffect, useMemo, useRef, useState } from 'react';
import { LayerColorOpacity, LayerVisibility } from '../layers/LayerControls';
import { LayerStyleControls } from '../layers/LayerStyleControls';
import { useLayers, useLayersOf } from '../layers/layersState';
import type { GeoJsonLayer } from '../layers/model';
import { openFiles } from '../layers/openers';
import { sandiaoFields } from '../layers/sandiao';
import { fieldsOf } from '../layers/style';
import { fitBounds } from '../map/cameraApi';
import { FileButton } from '../ui/FileButton';
import { AttributeTable } from './AttributeTable';
import { crsByEpsg, OFFERED_EPSG } from './import/crsDefs';
import type { GdalLayerInfo } from './import/parse';
import { CHOOSABLE_ENCODINGS, type TextEncodingName } from './import/text';
import { canReread, type FileDatum, rereadLayer, useImportJob, warmImportWorker } from './importFile';
import { useToolStrings } from './useToolStrings';

const crsName = (epsg: number) => `${crsByEpsg(epsg)?.name ?? 'EPSG'} (EPSG:${epsg})`;

/** OK and cancel under an import's question. */
function ChooserButtons({ onOk, onCancel }: { onOk: () => void; onCancel: () => void }) {
  const t = useToolStrings();
  return (
    <div className="tool-buttons">
      <button type="button" onClick={onOk}>
        OK
      </button>
      <button type="button" onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}

function ColumnChooser({ all, lon, lat }: { all: string[]; lon: string[]; lat: string[] }) {
  const t = useToolStrings();
  const [lonCol, setLon] = useState(lon[0] ?? all[0] ?? '');
  const [latCol, setLat] = useState(lat[0] ?? all[1] ?? '');
  const answer = useImportJob((s) => s.answer);
  const resolve = (c: { lon: string; lat: string } | null) => answer?.(c ? { columns: c } : null);
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
      <ChooserButtons onOk={() => resolve({ lon: lonCol, lat: latCol })} onCancel={() => resolve(null)} />
    </fieldset>
  );
}

/** Projected coordinates with no system: the systems that fit the numbers, best first, and any other. */
function CrsChooser({ candidates, sample }: { candidates: number[]; sample: number[] }) {
  const t = useToolStrings();
  const answer = useImportJob((s) => s.answer);
  const all = [...candidates, ...OFFERED_EPSG.filter((c) => !candidates.includes(c) && crsByEpsg(c)?.geographic === false)];
  const [epsg, setEpsg] = useState(all[0] ?? 4549);
  return (
    <fieldset className="column-chooser crs-chooser">
      <legend>{t.chooseCrs}</legend>
      <p className="tool-hint">{t.crsWhy(sample.map((v) => Math.round(v)).join(', '))}</p>
      <label>
        {t.crsLabel}
        <select value={epsg} onChange={(e) => setEpsg(Number(e.target.value))}>
          {all.map((c, i) => (
            <option key={c} value={c}>
              {i < candidates.length ? `${crsName(c)} · ${t.crsLikely}` : crsName(c)}
            </option>
          ))}
        </select>
      </label>
      <ChooserButtons onOk={() => answer?.({ crs: epsg })} onCancel={() => answer?.(null)} />
    </fieldset>
  );
}

function SheetChooser({ sheets }: { sheets: string[] }) {
  const t = useToolStrings();
  const answer = useImportJob((s) => s.answer);
  const [sheet, setSheet] = useState(sheets[0] ?? '');
  return (
    <fieldset className="column-chooser">
      <legend>{t.chooseSheet}</legend>
      <label>
        {t.sheetLabel}
        <select value={sheet} onChange={(e) => setSheet(e.target.value)}>
          {sheets.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </label>
      <ChooserButtons onOk={() => answer?.({ sheet })} onCancel={() => answer?.(null)} />
    </fieldset>
  );
}

/** A GeoPackage or geodatabase of several layers: each checked one becomes a layer (all checked first). */
function LayerChooser({ layers }: { layers: GdalLayerInfo[] }) {
  const t = useToolStrings();
  const answer = useImportJob((s) => s.answer);
  const [chosen, setChosen] = useState<string[]>(layers.map((l) => l.name));
  const toggle = (name: string, on: boolean) =>
    setChosen((c) => (on ? layers.map((l) => l.name).filter((n) => n === name || c.includes(n)) : c.filter((n) => n !== name)));
  return (
    <fieldset className="column-chooser layer-chooser">
      <legend>{t.chooseLayers}</legend>
      {layers.map((l) => (
        <label key={l.name} className="check">
          <input type="checkbox" checked={chosen.includes(l.name)} onChange={(e) => toggle(l.name, e.target.checked)} />
          <span>{l.name}</span>
          <span className="tool-hint">{t.layerSummary(l.features, l.geometry, l.crs)}</span>
        </label>
      ))}
      <ChooserButtons onOk={() => answer?.(chosen.length > 0 ? { layers: chosen } : null)} onCancel={() => answer?.(null)} />
    </fieldset>
  );
}

/** A 三调 parcel layer is said to be one, with the fields that show it and where its land classes are counted. */
function SandiaoNote({ layer }: { layer: GeoJsonLayer }) {
  const t = useToolStrings();
  const fields = useMemo(() => sandiaoFields(fieldsOf(layer.fc.features).map((f) => f.name)), [layer.fc]);
  return fields.length > 0 ? <p>{t.sandiao(fields.join('、'))}</p> : null;
}

/** How a layer was read: encoding (and a re-read with another), coordinate system, sheet, datum conversion. */
function ReadAsDetails({ layer }: { layer: GeoJsonLayer }) {
  const t = useToolStrings();
  const r = layer.readAs;
  if (!r) return null;
  const others = r.encoding ? CHOOSABLE_ENCODINGS.filter((e) => e !== r.encoding?.name) : [];
  return (
    <div className="read-as" data-read-as={layer.name}>
      {r.encoding && (
        <p>
          {t.readEncoding(t.encodingName(r.encoding.name), t.encodingBasis[r.encoding.basis] ?? r.encoding.basis)}
          {canReread(layer.id) &&
            others.map((e) => (
              <button key={e} type="button" className="link-button" onClick={() => void rereadLayer(layer.id, e)}>
                {t.rereadAs(t.encodingName(e))}
              </button>
            ))}
        </p>
      )}
      {r.crs && (
        <p>
          {t.readCrs(r.crs.epsg ? crsName(r.crs.epsg) : r.crs.name, r.crs.basis === 'chosen')}
          {r.crs.approximate && <span className="read-as-warn"> {t.crsApproximate}</span>}
        </p>
      )}
      {r.sheet && <p>{t.readSheet(r.sheet)}</p>}
      {r.layer && <p>{t.readLayer(r.layer)}</p>}
      <SandiaoNote layer={layer} />
      {r.fromBd09 && <p>{t.readBd09}</p>}
    </div>
  );
}

export function ImportSection() {
  // The parser's worker starts while the planner looks for the file.
  useEffect(warmImportWorker, []);
  const imports = useLayersOf('geojson');
  const job = useImportJob((s) => s.job);
  const cancel = useImportJob((s) => s.cancel);
  const datum = useImportJob((s) => s.datum);
  const setDatum = useImportJob((s) => s.setDatum);
  const encoding = useImportJob((s) => s.encoding);
  const setEncoding = useImportJob((s) => s.setEncoding);
  const crs = useImportJob((s) => s.crs);
  const setCrs = useImportJob((s) => s.setCrs);
  const t = useToolStrings();
  const [table, setTable] = useState<string | null>(null);
  // A question (columns, system, sheet, layers) is brought into view: the panel may be scrolled elsewhere.
  const jobRef = useRef<HTMLDivElement>(null);
  const question = job?.question?.kind;
  useEffect(() => {
    if (question) jobRef.current?.scrollIntoView({ block: 'nearest' });
  }, [question]);
  return (
    <section className="tool-section" aria-labelledby="import-title">
      <h3 id="import-title">{t.importTitle}</h3>
      <p className="tool-hint">{t.importHint}</p>
      <FileButton
        label={t.chooseFile}
        accept=".geojson,.json,.kml,.kmz,.gpx,.zip,.gpkg,.dxf,.csv,.txt,.xlsx,.xls,.pmtiles"
        // Each kind of layer opens the files it knows (a .pmtiles archive is a tiled layer, not a file to parse).
        onFile={(file) => void openFiles([file])}
      />
      <label className="datum-select">
        {t.datumOfFile}
        <select value={datum} onChange={(e) => setDatum(e.target.value as FileDatum)}>
          <option value="WGS-84">{t.datumWgs}</option>
          <option value="GCJ-02">{t.datumGcj}</option>
          <option value="BD-09">{t.datumBd}</option>
        </select>
      </label>
      <label className="datum-select">
        {t.crsOfFile}
        <select value={String(crs)} onChange={(e) => setCrs(e.target.value === 'auto' ? 'auto' : Number(e.target.value))}>
          <option value="auto">{t.crsAuto}</option>
          {OFFERED_EPSG.map((c) => (
            <option key={c} value={c}>
              {crsName(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="datum-select">
        {t.encodingOfFile}
        <select value={encoding} onChange={(e) => setEncoding(e.target.value as 'auto' | TextEncodingName)}>
          <option value="auto">{t.encodingAuto}</option>
          {CHOOSABLE_ENCODINGS.map((e) => (
            <option key={e} value={e}>
              {t.encodingName(e)}
            </option>
          ))}
        </select>
      </label>
      {job && (
        <div className="import-job" role="status" ref={jobRef}>
          <span>{job.fileName}</span>
          <progress
            max={100}
            value={job.stage === 'reading' ? job.progress : undefined}
            aria-label={job.stage === 'reading' ? t.reading(job.progress) : job.stage === 'engine' ? t.loadingGdal : t.parsing}
          />
          <span>{job.stage === 'reading' ? t.reading(job.progress) : job.stage === 'engine' ? t.loadingGdal : t.parsing}</span>
          {job.question?.kind === 'columns' && <ColumnChooser {...job.question} />}
          {job.question?.kind === 'crs' && <CrsChooser {...job.question} />}
          {job.question?.kind === 'sheet' && <SheetChooser sheets={job.question.sheets} />}
          {job.question?.kind === 'layers' && <LayerChooser layers={job.question.layers} />}
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
                  <LayerVisibility layer={l} name={l.name} />
                  <span className="count">{l.fc.features.length}</span>
                </div>
                <div className="import-row">
                  <LayerColorOpacity layer={l} name={l.name} />
                  <button
                    type="button"
                    onClick={() => {
                      const b = bbox(l.fc);
                      fitBounds([b[0], b[1], b[2], b[3]]);
                    }}
                  >
                    {t.zoomTo}
                  </button>
                  <button type="button" aria-expanded={table === l.id} onClick={() => setTable(table === l.id ? null : l.id)}>
                    {table === l.id ? t.hideTable : t.table}
                  </button>
                  <button type="button" className="danger" onClick={() => useLayers.getState().remove(l.id)}>
                    {t.remove}
                  </button>
                </div>
                <ReadAsDetails layer={l} />
                <LayerStyleControls layer={l} />
                {table === l.id && <AttributeTable layer={l} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
