/**
 * The planner tools as a test drives them (`app.tools.when`, `app.tools.get`): buttons named by their
 * labels in the string table (either language), files chosen as in the pickers, the lists and tables
 * the tools show. The map's own questions stay with MapDriver.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Locator, Page } from '@playwright/test';
import { EXPORT_STRINGS } from '../../src/export/exportStrings';
import { TOOL_STRINGS } from '../../src/i18n/toolStrings';
import { LAND_CLASS_STRINGS } from '../../src/landclass/landClassStrings';
import { TILE_STRINGS } from '../../src/tiles/tileStrings';

type LngLat = [number, number];
/** Where the app runs: the page, or the frame of an embedding page. */
export type Surface = Page | Frame;
type Files = Parameters<Locator['setInputFiles']>[0];
type ToolTexts = (typeof TOOL_STRINGS)['zh'];
/** The keys of the tools' string table whose text is fixed (a label, not a sentence made of values). */
export type ToolLabel = { [K in keyof ToolTexts]: ToolTexts[K] extends string ? K : never }[keyof ToolTexts];

/** `t` as a regular expression matching it literally. */
export const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label in either language, whole (a step may run in either interface). */
export const eitherLabel = (zh: string, en: string) => new RegExp(`^(${literal(zh)}|${literal(en)})$`);
/** A tools' label in either language. */
export const toolLabel = (key: ToolLabel) => eitherLabel(TOOL_STRINGS.zh[key] as string, TOOL_STRINGS.en[key] as string);

export class ToolsGet {
  constructor(private readonly page: Surface) {}

  /** The tools panel. */
  panel(): Locator {
    return this.page.locator('.tools-panel');
  }

  /** A tools' button by its label's key in the string table. */
  button(key: ToolLabel): Locator {
    return this.page.getByRole('button', { name: toolLabel(key) });
  }

  /** The drawings' rows in the tools panel. */
  drawingRows(): Locator {
    return this.page.locator('.drawing-list li');
  }

  /** The editor of the selected drawing (name, note, keyboard moves, remove). */
  drawingEditor(): Locator {
    return this.page.locator('.drawing-edit');
  }

  /** The drawings' names, as listed. */
  drawingNames(): Locator {
    return this.page.locator('.drawing-list .drawing-head > span:first-child');
  }

  /** The imported layers' rows. */
  importRows(): Locator {
    return this.page.locator('.import-list > li');
  }

  /** One imported layer's row, by the layer's name. */
  importRow(name: string): Locator {
    return this.page.locator(`[data-import="${name}"]`);
  }

  /** The attribute table's body rows. */
  attributeRows(): Locator {
    return this.page.locator('.attribute-table tbody tr');
  }

  attributeTable(): Locator {
    return this.page.locator('.attribute-table');
  }

  /** The measure tool's running distance or area. */
  measureReadout(): Locator {
    return this.page.getByTestId('measure-readout');
  }

  /** The height the measure tool says of its last point. */
  elevation(): Locator {
    return this.page.getByTestId('measure-elevation');
  }

  /** Every tiled layer's row. */
  tiledRows(): Locator {
    return this.page.locator('[data-tiled]');
  }

  /** A tiled layer's row (an archive of vector or image tiles), by the layer's name. */
  tiledRow(name: string): Locator {
    return this.page.locator(`[data-tiled="${name}"]`);
  }

  /** The card of the archive feature last clicked on the map (its attributes). */
  tiledCard(): Locator {
    return this.page.locator('.tiled-card');
  }

  /** The attribute values of the archives' features drawn in the view now. */
  tiledValues(field: string): Promise<string[]> {
    return this.page.evaluate((f) => {
      const map = window.__map!;
      const layers = map
        .getStyle()
        .layers.filter((l) => l.id.startsWith('tiled-'))
        .map((l) => l.id);
      return layers.length ? map.queryRenderedFeatures(undefined, { layers }).map((x) => String(x.properties[f])) : [];
    }, field);
  }

  /** The keyboard move group of the selected drawing. */
  moveGroup(): Locator {
    return this.page.getByRole('group', { name: toolLabel('moveTitle') });
  }

  /** The proximity list of the selected site. */
  proximity(): Locator {
    return this.page.getByTestId('proximity');
  }

  /** The share of the selected site inside the walking circles. */
  coverage(): Locator {
    return this.page.getByTestId('coverage');
  }

  /** The question an import asks when a file does not say its coordinate system (a list of guesses, OK). */
  crsChooser(): Locator {
    return this.page.locator('.crs-chooser');
  }

  /** The question an import asks when a file holds several layers (GeoPackage, File Geodatabase): which to read. */
  layerChooser(): Locator {
    return this.page.locator('.layer-chooser');
  }

  /** The export for GIS (what, coordinate system, encoding, the formats' buttons), in either language. */
  gisExport(): Locator {
    return this.page.getByRole('group', { name: eitherLabel(EXPORT_STRINGS.zh.title, EXPORT_STRINGS.en.title) });
  }

  /** The land-class section (area by land class under a red line), in either language. */
  landClass(): Locator {
    return this.page.getByRole('region', { name: eitherLabel(LAND_CLASS_STRINGS.zh.title, LAND_CLASS_STRINGS.en.title) });
  }

  /** The attribute table's filter of a layer's rows, by the layer's name (the Chinese interface). */
  rowFilter(layer: string): Locator {
    return this.page.getByLabel(`${TOOL_STRINGS.zh.filterRows} · ${layer}`);
  }

  /** The attribute table's count of the features the filter leaves on the map. */
  filterCount(): Locator {
    return this.page.getByTestId('filter-count');
  }

  /** The tools' line on how the work is stored here (`insecure` on plain http, `session` when only this visit keeps it). */
  storageInfo(kind: 'insecure' | 'session'): Locator {
    return this.page.locator(`[data-storage-info="${kind}"]`);
  }

  /** The tools' storage section (what is kept, how much room). */
  storageSection(): Locator {
    return this.page.locator('.tools-panel .storage-section');
  }

  /** A tools' checkbox by its label's key (either language). */
  checkbox(key: ToolLabel): Locator {
    return this.page.getByRole('checkbox', { name: toolLabel(key) });
  }

  /** The names of the imported features the map draws in the view now. */
  importedNames(): Promise<string[]> {
    return this.page.evaluate(() => {
      const map = window.__map!;
      const layers = map
        .getStyle()
        .layers.filter((l) => l.id.startsWith('import-'))
        .map((l) => l.id);
      return map.queryRenderedFeatures(undefined, { layers }).map((f) => String(f.properties.name ?? f.properties.NAME ?? ''));
    });
  }
}

class ToolsWhen {
  constructor(
    private readonly page: Page,
    private readonly get: ToolsGet,
    private readonly clickMap: (at: LngLat) => Promise<void>,
  ) {}

  /** Presses a tools' button by its label's key. */
  press(key: ToolLabel): Promise<void> {
    return this.get.button(key).click();
  }

  /** Draws an area with the area button, a click at each vertex, then finishes it. */
  async drawArea(points: LngLat[]): Promise<void> {
    await this.press('drawPolygon');
    for (const p of points) await this.clickMap(p);
    await this.press('finish');
  }

  /** Measures the distance from `a` to `b` with the measure tool, and leaves it on. */
  async measureDistance(a: LngLat, b: LngLat): Promise<void> {
    await this.press('measureLine');
    await this.clickMap(a);
    await this.clickMap(b);
  }

  /** Names the selected drawing. */
  nameDrawing(name: string): Promise<void> {
    return this.get.drawingEditor().getByLabel(toolLabel('name')).fill(name);
  }

  /** Chooses files to import in the import section (a file picker's choice). */
  importFiles(files: Files): Promise<void> {
    return this.get.panel().locator('input[type=file]').first().setInputFiles(files);
  }

  /** Imports a file made of `text`, as if chosen in the picker. */
  importText(name: string, text: string, mimeType = 'application/json'): Promise<void> {
    return this.importFiles({ name, mimeType, buffer: Buffer.from(text) });
  }

  /** Imports drawings a planner exported before (the drawings section's own picker). */
  importDrawings(name: string, geojson: unknown): Promise<void> {
    return this.page
      .locator('label', { hasText: toolLabel('importDrawings') })
      .locator('input[type=file]')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(geojson)) });
  }

  /** Adds an archive by its address in the tiled-layers section. */
  async addArchiveUrl(url: string): Promise<void> {
    await this.page.getByLabel(eitherLabel(TILE_STRINGS.zh.urlLabel, TILE_STRINGS.en.urlLabel)).fill(url);
    await this.page.getByRole('button', { name: eitherLabel(TILE_STRINGS.zh.addUrl, TILE_STRINGS.en.addUrl) }).click();
  }

  /** Chooses a tile archive (or what is offered as one) in the tiled-layers section. */
  chooseArchive(file: Files): Promise<void> {
    return this.page.locator('.tools-panel input[type=file][accept*=".pmtiles"]').first().setInputFiles(file);
  }

  /** Presses an export button and reads the file it downloads. */
  async download(key: ToolLabel): Promise<Buffer> {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.press(key)]);
    return readFileSync((await file.path()) as string);
  }
}

export class ToolsDriver {
  readonly get: ToolsGet;
  readonly when: ToolsWhen;
  constructor(page: Page, clickMap: (at: LngLat) => Promise<void>) {
    this.get = new ToolsGet(page);
    this.when = new ToolsWhen(page, this.get, clickMap);
  }
}
