/**
 * "导出到 GIS · Export for GIS": drawings and sites as a zipped Shapefile in the office's system (CGCS2000
 * Gauss-Kruger, the data's zone first) with GBK or UTF-8 text, as a GeoPackage in the same system (GDAL), as
 * KMZ, or as GeoJSON in WGS-84 (RFC 7946). The
 * writer loads on first use; what was renamed or could not be encoded is told in a notice.
 */
import type { Feature } from 'geojson';
import { useId, useState } from 'react';
import { sites } from '../data/geodata';
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

export function GisExport() {
  const lang = useApp((s) => s.lang);
  const notify = useApp((s) => s.notify);
  const drawings = useTools((s) => s.drawings);
  const t = EXPORT_STRINGS[lang];
  const options = exportCrsFor(COUNTY_LON);
  const [epsg, setEpsg] = useState(options[0]?.epsg ?? 4549);
  const [encoding, setEncoding] = useState<DbfEncoding>('GBK');
  const ids = { crs: useId(), enc: useId() };

  const shapefile = async (what: 'drawings' | 'sites') => {
    const features: Feature[] = what === 'drawings' ? [...drawings] : siteFeatures();
    if (features.length === 0) return notify(t.nothing);
    const { exportShapefile } = await import('./exportShapefile');
    const r = exportShapefile(what === 'drawings' ? 'suichang_drawings' : 'suichang_sites', features, epsg, encoding);
    download(`suichang-${what}-EPSG${epsg}.zip`, new Blob([r.zip as BlobPart], { type: 'application/zip' }), 'application/zip');
    notify(t.done(r.counts, epsg, encoding));
    if (r.renamed.length > 0) notify(t.renamed(r.renamed.map((x) => `${x.from} → ${x.to}`).join('，')));
    if (r.unmappable.length > 0) notify(t.unmappable(r.unmappable.join(' ')));
    if (r.skipped > 0) notify(t.skipped(r.skipped));
  };

  const kmz = async (what: 'drawings' | 'sites') => {
    const features: Feature[] = what === 'drawings' ? [...drawings] : siteFeatures();
    if (features.length === 0) return notify(t.nothing);
    const { toKmz } = await import('./kml');
    download(
      `suichang-${what}.kmz`,
      new Blob([toKmz(`遂昌发展地图 · ${what}`, features) as BlobPart], { type: 'application/vnd.google-earth.kmz' }),
      'application/vnd.google-earth.kmz',
    );
  };

  const geoPackage = async (what: 'drawings' | 'sites') => {
    const features: Feature[] = what === 'drawings' ? [...drawings] : siteFeatures();
    if (features.length === 0) return notify(t.nothing);
    notify(t.gpkgWriting);
    const { exportGeoPackage } = await import('./exportGeoPackage');
    try {
      const bytes = await exportGeoPackage(what === 'drawings' ? 'suichang_drawings' : 'suichang_sites', features, epsg);
      if (!bytes) return notify(t.gpkgUnavailable);
      download(
        `suichang-${what}-EPSG${epsg}.gpkg`,
        new Blob([bytes as BlobPart], { type: 'application/geopackage+sqlite3' }),
        'application/geopackage+sqlite3',
      );
      notify(t.gpkgDone(features.length, epsg));
    } catch (error) {
      notify(t.gpkgFailed((error as Error).message));
    }
  };

  const geojsonWgs = async () => {
    if (drawings.length === 0) return notify(t.nothing);
    const { gcjToWgs } = await import('./exportCrs');
    const { convertCoords } = await import('./convert');
    const fc = { type: 'FeatureCollection', features: drawings.map((d) => ({ ...d, geometry: convertCoords(d.geometry, gcjToWgs) })) };
    download('suichang-drawings-wgs84.geojson', JSON.stringify(fc), 'application/geo+json');
  };

  return (
    <fieldset className="gis-export">
      <legend>{t.title}</legend>
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
        <button type="button" onClick={() => void shapefile('drawings')} disabled={drawings.length === 0}>
          {t.drawingsShp}
        </button>
        <button type="button" onClick={() => void shapefile('sites')}>
          {t.sitesShp}
        </button>
        <button type="button" onClick={() => void geoPackage('drawings')} disabled={drawings.length === 0}>
          {t.drawingsGpkg}
        </button>
        <button type="button" onClick={() => void geoPackage('sites')}>
          {t.sitesGpkg}
        </button>
        <button type="button" onClick={() => void kmz('drawings')} disabled={drawings.length === 0}>
          {t.drawingsKmz}
        </button>
        <button type="button" onClick={() => void kmz('sites')}>
          {t.sitesKmz}
        </button>
        <button type="button" onClick={() => void geojsonWgs()} disabled={drawings.length === 0}>
          {t.drawingsWgs}
        </button>
      </div>
      <p className="tool-hint">{t.datumNote}</p>
    </fieldset>
  );
}
