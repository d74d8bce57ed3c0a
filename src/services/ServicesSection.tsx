/**
 * Map services in the planner panel: the add-service form (read a URL, choose what the document
 * offers, add as an overlay or the basemap; the Tianditu presets with their key) and each service
 * added, with what it is honestly: datum, how it is drawn, source, attribution, vintage, online only.
 * Text from a service (titles, abstracts, attribution) is rendered as text.
 */
import './services.css';
import { useRef, useState } from 'react';
import type { Datum } from '../basemap/config';
import { meta } from '../data/geodata';
import { LayerOpacity, LayerVisibility } from '../layers/LayerControls';
import { useLayers, useLayersOf } from '../layers/layersState';
import type { ServiceLayer } from '../layers/model';
import { openFiles, urlOpenerFor } from '../layers/openers';
import { useApp } from '../state/store';
import { defaultWmtsChoice, type WmsChoice, type WmtsChoice, wmsService, wmtsService } from './capabilities';
import { FEATURE_LIMIT } from './featureLimit';
import type { ServiceDef } from './model';
import { problemOf } from './problems';
import type { Reading, ReadKind } from './read';
import { getSecret, setSecret } from './secrets';
import { SERVICE_STRINGS, serviceProblemText } from './serviceStrings';
import { TIANDITU_SERVER, type TiandituGrid, type TiandituKind } from './tianditu';
import { useServiceStrings } from './useServiceStrings';

type FormKind = ReadKind | 'tianditu';
const lang = () => useApp.getState().lang;
const refuse = (name: string, e: unknown) =>
  useApp.getState().notify(SERVICE_STRINGS[lang()].refused(name, serviceProblemText(problemOf(e), lang())));

function Details({ l }: { l: ServiceLayer }) {
  const t = useServiceStrings();
  const mapDatum = useApp((s) => s.basemaps.find((b) => b.id === s.basemapId)?.datum ?? meta.datum);
  const d = l.service;
  const shown = l.role === 'basemap' ? d.datum : mapDatum;
  const drawn = d.grid.kind === 'geographic' ? t.drawnGeographic(d.grid.crs) : /\{bbox-/.test(d.template) ? t.drawnBbox : t.drawnDirect;
  return (
    <details className="service-details">
      <summary>{t.details}</summary>
      <dl>
        <dt>{t.datum}</dt>
        <dd>{t.datumOf(d.datum, shown, l.role === 'basemap' && d.datum !== meta.datum)}</dd>
        <dt>{t.drawn}</dt>
        <dd>
          {drawn}
          {l.role === 'overlay' && d.datum !== mapDatum ? ` · ${t.drawnShifted(d.datum, mapDatum)}` : ''}
        </dd>
        <dt>{t.from}</dt>
        <dd className="service-from">
          {[d.from.url, d.from.layer, d.from.style, d.from.matrixSet, d.from.format, d.from.version && `v${d.from.version}`]
            .filter(Boolean)
            .join(' · ')}
        </dd>
        <dt>{t.attribution}</dt>
        <dd>{d.attribution || d.title}</dd>
        {d.vintage && (
          <>
            <dt>{t.vintage}</dt>
            <dd>{d.vintage}</dd>
          </>
        )}
      </dl>
      {d.abstract && <p className="tool-hint">{d.abstract}</p>}
      {d.rebased && <p className="tool-hint">{t.rebased}</p>}
      <p className="tool-hint">{t.onlineOnly}</p>
    </details>
  );
}

function ServiceRow({ l }: { l: ServiceLayer }) {
  const t = useServiceStrings();
  const lng = useApp((s) => s.lang);
  const failed = l.status.kind === 'error';
  return (
    <li data-service={l.name} data-layer-id={l.id} data-status={l.status.kind} data-role={l.role}>
      <div className="import-row">
        {l.role === 'overlay' ? (
          <LayerVisibility layer={l} name={l.name} disabled={failed} />
        ) : (
          <span className="import-name">{l.name}</span>
        )}
        <span className="count">{l.role === 'basemap' ? t.basemap : t.overlay}</span>
      </div>
      {l.status.kind === 'error' && (
        <p className="read-as-warn" role="status">
          {serviceProblemText(l.status.problem, lng)}{' '}
          <button type="button" onClick={() => void import('./manage').then((m) => m.retryService(l.id))}>
            {t.retry}
          </button>
        </p>
      )}
      <div className="import-row">
        {l.role === 'overlay' && <LayerOpacity layer={l} name={l.name} disabled={failed} />}
        {l.role === 'overlay' && (
          <>
            <button
              type="button"
              aria-label={`${t.moveUp} · ${l.name}`}
              title={t.moveUp}
              onClick={() => useLayers.getState().move(l.id, 1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`${t.moveDown} · ${l.name}`}
              title={t.moveDown}
              onClick={() => useLayers.getState().move(l.id, -1)}
            >
              ↓
            </button>
          </>
        )}
        <button type="button" className="danger" onClick={() => void import('./manage').then((m) => m.removeService(l.id))}>
          {t.remove}
        </button>
      </div>
      <Details l={l} />
    </li>
  );
}

function Choices({ reading, datum, role, done }: { reading: Reading; datum: Datum; role: 'overlay' | 'basemap'; done: () => void }) {
  const t = useServiceStrings();
  const [wmts, setWmts] = useState<WmtsChoice | null>(() => {
    if (reading.kind !== 'wmts') return null;
    try {
      return defaultWmtsChoice(reading.caps);
    } catch {
      return null;
    }
  });
  const [wms, setWms] = useState<WmsChoice>(() =>
    reading.kind === 'wms' ? { layers: [reading.caps.layers[0]?.name ?? ''], style: '' } : { layers: [], style: '' },
  );
  const [collection, setCollection] = useState(reading.kind === 'features' ? (reading.collections[0]?.id ?? '') : '');
  const [busy, setBusy] = useState<string | null>(null);

  const add = async (make: () => ServiceDef) => {
    let def: ServiceDef;
    try {
      def = make();
    } catch (e) {
      refuse(reading.kind === 'wmts' ? reading.caps.title : reading.kind === 'wms' ? reading.caps.title : '', e);
      return;
    }
    setBusy(t.adding);
    const m = await import('./manage');
    const ok = await m.addService(def, role);
    setBusy(null);
    if (ok) done();
  };

  if (reading.kind === 'def')
    return (
      <div className="service-choices">
        <p className="service-title">{reading.def.title}</p>
        <button type="button" disabled={busy !== null} onClick={() => void add(() => reading.def)}>
          {busy ?? t.add}
        </button>
      </div>
    );
  if (reading.kind === 'wmts') {
    const caps = reading.caps;
    if (!wmts) {
      try {
        defaultWmtsChoice(caps);
      } catch (e) {
        return <p className="read-as-warn">{serviceProblemText(problemOf(e), useApp.getState().lang)}</p>;
      }
      return null;
    }
    const layer = caps.layers.find((l) => l.id === wmts.layer);
    return (
      <div className="service-choices">
        <p className="service-title">{caps.title}</p>
        <label>
          {t.layer}
          <select value={wmts.layer} onChange={(e) => setWmts(defaultWmtsChoice(caps, e.target.value))}>
            {caps.layers.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.style}
          <select value={wmts.style} onChange={(e) => setWmts({ ...wmts, style: e.target.value })}>
            {(layer?.styles.length ? layer.styles : [{ id: wmts.style }]).map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.matrixSet}
          <select value={wmts.set} onChange={(e) => setWmts({ ...wmts, set: e.target.value })}>
            {layer?.sets.map((s) => (
              <option key={s} value={s} disabled={!caps.sets[s]?.drawable}>
                {s} ({caps.sets[s]?.crs ?? '?'})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.format}
          <select value={wmts.format} onChange={(e) => setWmts({ ...wmts, format: e.target.value })}>
            {(layer?.formats.length ? layer.formats : [wmts.format]).map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy !== null} onClick={() => void add(() => wmtsService(caps, wmts, datum))}>
          {busy ?? t.add}
        </button>
      </div>
    );
  }
  if (reading.kind === 'wms') {
    const caps = reading.caps;
    const layer = caps.layers.find((l) => l.name === wms.layers[0]);
    return (
      <div className="service-choices">
        <p className="service-title">{caps.title}</p>
        <label>
          {t.layer}
          <select value={wms.layers[0]} onChange={(e) => setWms({ layers: [e.target.value], style: '' })}>
            {caps.layers.map((l) => (
              <option key={l.name} value={l.name}>
                {l.title}
              </option>
            ))}
          </select>
        </label>
        {layer && layer.styles.length > 0 && (
          <label>
            {t.style}
            <select value={wms.style} onChange={(e) => setWms({ ...wms, style: e.target.value })}>
              <option value="">default</option>
              {layer.styles.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.title || s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" disabled={busy !== null} onClick={() => void add(() => wmsService(caps, wms, datum))}>
          {busy ?? t.add}
        </button>
      </div>
    );
  }
  const c = reading.collections.find((x) => x.id === collection);
  return (
    <div className="service-choices">
      <label>
        {t.features.collection}
        <select value={collection} onChange={(e) => setCollection(e.target.value)}>
          {reading.collections.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={!c || busy !== null}
        onClick={() => {
          if (!c) return;
          setBusy(t.features.loading(0));
          void import('./features')
            .then(async (f) => {
              const fc = await f.readFeatures(c, (n) => setBusy(SERVICE_STRINGS[lang()].features.loading(n)));
              await openFiles([new File([JSON.stringify(fc)], `${c.title}.geojson`, { type: 'application/geo+json' })]);
              done();
            })
            .catch((e) => refuse(c.title, e))
            .finally(() => setBusy(null));
        }}
      >
        {busy ?? t.features.load}
      </button>
      <p className="tool-hint">{t.features.limit(FEATURE_LIMIT)}</p>
    </div>
  );
}

function TiandituForm({ role, done }: { role: 'overlay' | 'basemap'; done: () => void }) {
  const t = useServiceStrings();
  const [kind, setKind] = useState<TiandituKind>('img');
  const [grid, setGrid] = useState<TiandituGrid>('w');
  const [labels, setLabels] = useState(true);
  const [server, setServer] = useState(TIANDITU_SERVER ?? '');
  const [token, setToken] = useState(() => getSecret('tianditu') ?? '');
  const [busy, setBusy] = useState(false);
  // No key: the server (the site's proxy) adds its own.
  const usesKey = token.trim() !== '';
  return (
    <form
      className="service-choices"
      onSubmit={(e) => {
        e.preventDefault();
        setSecret('tianditu', token.trim() || null);
        setBusy(true);
        void (async () => {
          const { tiandituServices } = await import('./tianditu');
          const m = await import('./manage');
          const [main, label] = tiandituServices(kind, grid, labels, server.trim(), usesKey);
          if (main && (await m.addService(main, role)) && (!label || (await m.addService(label, 'overlay')))) done();
          setBusy(false);
        })();
      }}
    >
      <label>
        {t.tiandituKind}
        <select value={kind} onChange={(e) => setKind(e.target.value as TiandituKind)}>
          {(['vec', 'img', 'ter'] as const).map((k) => (
            <option key={k} value={k}>
              {t.tianditu[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="chip-check">
        <input type="checkbox" checked={labels} onChange={() => setLabels(!labels)} />
        {t.labels}
      </label>
      <label>
        {t.grid}
        <select value={grid} onChange={(e) => setGrid(e.target.value as TiandituGrid)}>
          <option value="w">{t.gridW}</option>
          <option value="c">{t.gridC}</option>
        </select>
      </label>
      <label>
        {t.token}
        <input type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} />
      </label>
      <p className="tool-hint">{t.tokenHint}</p>
      <label>
        {t.tiandituServer}
        <input type="text" inputMode="url" spellCheck={false} value={server} onChange={(e) => setServer(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || server.trim() === ''}>
        {busy ? t.adding : t.add}
      </button>
    </form>
  );
}

/** The add-service form and the services added. */
export function ServicesSection() {
  const t = useServiceStrings();
  const layers = useLayersOf('service');
  const [kind, setKind] = useState<FormKind>('auto');
  const [url, setUrl] = useState('');
  const [datum, setDatum] = useState<Datum>('WGS-84');
  const [role, setRole] = useState<'overlay' | 'basemap'>('overlay');
  const [reading, setReading] = useState<Reading | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const done = () => {
    setReading(null);
    setUrl('');
  };
  return (
    <section className="tool-section services" aria-labelledby="services-title" id="services">
      <h3 id="services-title">{t.title}</h3>
      <p className="tool-hint">{t.hint}</p>
      <div className="service-form">
        <label>
          {t.kind}
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as FormKind);
              setReading(null);
            }}
          >
            {(['auto', 'wmts', 'wms', 'xyz', 'arcgis', 'features', 'tianditu'] as const).map((k) => (
              <option key={k} value={k}>
                {t.kinds[k]}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'features' && (
          <fieldset className="service-role">
            <legend>{t.role}</legend>
            {(['overlay', 'basemap'] as const).map((r) => (
              <label key={r} className="chip-check">
                <input type="radio" name="service-role" checked={role === r} onChange={() => setRole(r)} />
                {t[r]}
              </label>
            ))}
          </fieldset>
        )}
        {kind !== 'tianditu' && kind !== 'features' && (
          <label>
            {t.datum}
            <select value={datum} onChange={(e) => setDatum(e.target.value as Datum)}>
              <option value="WGS-84">{t.datumWgs}</option>
              <option value="GCJ-02">{t.datumGcj}</option>
            </select>
          </label>
        )}
      </div>
      {kind === 'tianditu' ? (
        <TiandituForm role={role} done={done} />
      ) : (
        <form
          className="service-url"
          onSubmit={(e) => {
            e.preventDefault();
            const value = url.trim();
            if (!value) return;
            abort.current?.abort();
            const a = new AbortController();
            abort.current = a;
            setBusy(true);
            setReading(null);
            // An address another kind of layer opens (a PMTiles archive): handed to it.
            const other = urlOpenerFor(value);
            if (other) {
              void other
                .open(value)
                .then((ok) => ok && setUrl(''))
                .finally(() => setBusy(false));
              return;
            }
            void import('./read')
              .then((r) => r.readService(value, kind, datum, a.signal))
              .then((r) => !a.signal.aborted && setReading(r))
              .catch((err) => !a.signal.aborted && refuse(value, err))
              .finally(() => setBusy(false));
          }}
        >
          <label>
            {t.url}
            <input
              type="text"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={url}
              placeholder={kind === 'xyz' ? '…/{z}/{x}/{y}.png' : '…?SERVICE=WMTS&REQUEST=GetCapabilities'}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? t.reading : t.read}
          </button>
        </form>
      )}
      {reading && <Choices key={JSON.stringify(reading).length} reading={reading} datum={datum} role={role} done={done} />}
      {layers.length > 0 && (
        <>
          <h4>{t.list}</h4>
          <ul className="import-list service-list">
            {/* The one drawn on top first. */}
            {[...layers].reverse().map((l) => (
              <ServiceRow key={l.id} l={l} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
