/** Exports: the sites and figures as GeoJSON and CSV, the planner's drawings as GeoJSON. Pure builders plus a download helper. */
import Papa from 'papaparse';
import { figures, layers, meta, sites } from '../data/geodata';
import type { GeoJsonLayer } from '../layers/model';
import type { Drawing } from './toolsState';

/** Spreadsheet programs run cells starting with = + - @ as formulas: Papa quotes every such cell, in every column. */
const CSV_OPTIONS = { escapeFormulae: true } as const;

export function sitesGeoJSON(): string {
  return JSON.stringify(
    {
      type: 'FeatureCollection',
      datum: meta.datum,
      source: meta.article.title,
      features: sites.map((s) => ({
        ...s,
        properties: { ...s.properties, figures: figures.filter((f) => f.scope === s.properties.id) },
      })),
      countyFigures: figures.filter((f) => f.scope === 'county'),
    },
    null,
    1,
  );
}

export function sitesCsv(): string {
  return Papa.unparse(
    sites.map((s) => {
      const layer = layers.find((l) => l.id === s.properties.layer);
      const c = s.geometry.type === 'Point' ? s.geometry.coordinates : null;
      return {
        id: s.properties.id,
        name_zh: s.properties.name.zh,
        name_en: s.properties.name.en,
        layer_zh: layer?.name.zh ?? '',
        layer_en: layer?.name.en ?? '',
        status: s.properties.status,
        precision: s.properties.precision,
        geometry: s.geometry.type,
        lon: c ? c[0] : '',
        lat: c ? c[1] : '',
        datum: meta.datum,
      };
    }),
    CSV_OPTIONS,
  );
}

export function figuresCsv(): string {
  return Papa.unparse(
    figures.map((f) => ({
      id: f.id,
      scope: f.scope,
      section: f.section,
      label_zh: f.label.zh,
      label_en: f.label.en,
      value: Array.isArray(f.value) ? f.value.join('–') : f.value,
      unit_zh: f.unit.zh,
      unit_en: f.unit.en,
      period: f.period,
      period_inferred: f.periodInferred ? f.periodInferred.en : '',
      kind: f.kind ?? '',
      change_pct: f.change?.value ?? '',
      origin: f.origin,
      source:
        f.origin === 'article'
          ? f.quote
          : f.origin === 'dashboard'
            ? f.method.zh
            : `${f.source.where}${f.source.date ? ` (${f.source.date})` : ''}`,
    })),
    CSV_OPTIONS,
  );
}

export function drawingsGeoJSON(drawings: readonly Drawing[]): string {
  return JSON.stringify({ type: 'FeatureCollection', datum: meta.datum, features: drawings }, null, 1);
}

/** An imported layer as it was read, in its own datum (said in the file). */
export function layerGeoJSON(layer: GeoJsonLayer): string {
  return JSON.stringify({ type: 'FeatureCollection', name: layer.name, datum: layer.datum, features: layer.fc.features });
}

export function download(name: string, content: string | Blob, type = 'application/json'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: `${type};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
