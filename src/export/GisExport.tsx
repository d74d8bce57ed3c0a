/**
 * "导出到 GIS · Export for GIS": what to export (my drawings, the sites, or an imported layer — the features
 * that pass its attribute table's filter), in which system (CGCS2000 Gauss-Kruger, the data's zone first)
 * and as what: a zipped Shapefile with GBK or UTF-8 text, a GeoPackage (GDAL, loaded on first use), KMZ,
 * or GeoJSON in WGS-84 (RFC 7946). Writers load on first use; what was renamed or could not be encoded is
 * told in a notice.
 */
import type { Feature } from 'geojson';
import { useId, useState } from 'react';
import { sites } from '../data/geodata';
import { useLayersOf } from '../layers/layersState';
import { matches } from '../layers/style';
import { useApp } from '../state/store';
import { download } from '../tools/exportData';
import { useTools } from '../tools/toolsState';
import { exportCrsFor } from './exportCrs';
import { EXPORT_STRINGS } from './exportStrings';
import type { DbfEncoding } from './gbk';

/** Suichang's longitude: the zone offered first. */
const COUNTY_LON = 119.3;

/** The sites with flat attributes, as a GIS table holds them. */
function siteFeatures(): Feature[] {
  return sites.map((s) => ({
    type: 'Feature',
    geometry: s.geometry,
    properties: {
      id: s.properties.id,
      name_zh: s.properties.name.zh,
      name_en: s.properties.name.en,
      layer: s.properties.layer,
      status: s.properties.status,
      precision: s.properties.precision,
      note_zh: s.properties.precisionNote.zh,
    },
  }));
}

/** One thing to export: its features, their datum, and names for the files. */
interface Source {
  key: string;
  label: string;
  features: Feature[];
  from: 'GCJ-02' | 'WGS-84';
  /** Layer and Shapefile base name inside the file. */
  layerName: string;
  /** The downloaded file's name without extension. */
  fileStem: string;
}

const safe = (name: string) => name.replace(/[^\p{L}\p{N}_-]+/gu, '_');

export function GisExport() {
  const lang = useApp((s) => s.lang);
  const notify = useApp((s) => s.notify);
  const drawings = useTools((s) => s.drawings);
  const layers = useLayersOf('geojson');
  const t = EXPORT_STRINGS[lang];
  const options = exportCrsFor(COUNTY_LON);
  const [epsg, setEpsg] = useState(options[0]?.epsg ?? 4549);
  const [encoding, setEncoding] = useState<DbfEncoding>('GBK');
  const [key, setKey] = useState('drawings');
  const ids = { what: useId(), crs: useId(), enc: useId() };

  const sources: Source[] = [
    {
      key: 'drawings',
      label: t.whatDrawings(drawings.length),
      features: [...drawings],
      from: 'GCJ-02',
      layerName: 'suichang_drawings',
      fileStem: 'suichang-drawings',
    },
    {
      key: 'sites',
      label: t.whatSites(sites.length),
      features: siteFeatures(),
      from: 'GCJ-02',
      layerName: 'suichang_sites',
      fileStem: 'suichang-sites',
    },
    ...layers.map((l) => {
      const passing = l.fc.features.filter((f) => matches(f.properties, l.filter));
      return {
        key: `layer:${l.id}`,
        label: t.whatLayer(l.name, passing.length, l.fc.features.length),
        features: passing as Feature[],
        from: l.datum,
        layerName: safe(l.name),
        fileStem: l.name,
      };
    }),
  ];
  const source = sources.find((s) => s.key === key) ?? (sources[0] as Source);
  const empty = source.features.length === 0;

  const shapefile = async () => {
    const { exportShapefile } = await import('./exportShapefile');
    const r = exportShapefile(source.layerName, source.features, epsg, encoding, source.from);
    download(`${source.fileStem}-EPSG${epsg}.zip`, new Blob([r.zip as BlobPart], { type: 'application/zip' }), 'application/zip');
    notify(t.done(r.counts, epsg, encoding));
    if (r.renamed.length > 0) notify(t.renamed(r.renamed.map((x) => `${x.from} → ${x.to}`).join('，')));
    if (r.unmappable.length > 0) notify(t.unmappable(r.unmappable.join(' ')));
    if (r.skipped > 0) notify(t.skipped(r.skipped));
  };

  const geoPackage = async () => {
    const { saveGeoPackage } = await import('./exportGeoPackage');
    await saveGeoPackage(`${source.fileStem}-EPSG${epsg}.gpkg`, source.layerName, source.features, epsg, source.from);
  };

  const kmz = async () => {
    const { toKmz } = await import('./kml');
    const type = 'application/vnd.google-earth.kmz';
    download(
      `${source.fileStem}.kmz`,
      new Blob([toKmz(`遂昌发展地图 · ${source.label}`, source.features, source.from) as BlobPart], { type }),
      type,
    );
  };

  const geojsonWgs = async () => {
    const [{ gcjToWgs }, { convertCoords }] = await Promise.all([import('./exportCrs'), import('./convert')]);
    const features =
      source.from === 'GCJ-02'
        ? source.features.map((f) => ({ ...f, geometry: f.geometry && convertCoords(f.geometry, gcjToWgs) }))
        : source.features;
    download(`${source.fileStem}-wgs84.geojson`, JSON.stringify({ type: 'FeatureCollection', features }), 'application/geo+json');
  };

  const run = (f: () => Promise<unknown>) => () => {
    if (empty) return notify(t.nothing);
    void f();
  };

  return (
    <fieldset className="gis-export">
      <legend>{t.title}</legend>
      <label htmlFor={ids.what}>{t.what}</label>
      <select id={ids.what} value={source.key} onChange={(e) => setKey(e.target.value)}>
        {sources.map((s) => (
          <option key={s.key} value={s.key}>
            {s.label}
          </option>
        ))}
      </select>
      <label htmlFor={ids.crs}>{t.crs}</label>
      <select id={ids.crs} value={epsg} onChange={(e) => setEpsg(Number(e.target.value))}>
        {options.map((o) => (
          <option key={o.epsg} value={o.epsg}>
            {`${o.label[lang]} · EPSG:${o.epsg}`}
          </option>
        ))}
      </select>
      <label htmlFor={ids.enc}>{t.encoding}</label>
      <select id={ids.enc} value={encoding} onChange={(e) => setEncoding(e.target.value === 'UTF-8' ? 'UTF-8' : 'GBK')}>
        <option value="GBK">{t.gbk}</option>
        <option value="UTF-8">UTF-8</option>
      </select>
      <div className="tool-buttons wrap">
        <button type="button" onClick={run(shapefile)} disabled={empty}>
          {t.shapefile}
        </button>
        <button type="button" onClick={run(geoPackage)} disabled={empty}>
          {t.geoPackage}
        </button>
        <button type="button" onClick={run(kmz)} disabled={empty}>
          {t.kmz}
        </button>
        <button type="button" onClick={run(geojsonWgs)} disabled={empty}>
          {t.geojsonWgs}
        </button>
      </div>
      <p className="tool-hint">{source.from === 'GCJ-02' ? t.datumNote : t.datumNoteWgs}</p>
    </fieldset>
  );
}
