/// <reference lib="webworker" />
/**
 * Parses imports off the main thread, so the map stays responsive with big files. The features go
 * back as GeoJSON text (importFile.ts parses it: quicker than a structured clone of the features).
 */
import { type ParseOptions, parseImport } from './parse';

self.onmessage = async (e: MessageEvent<{ fileName: string; bytes: ArrayBuffer; options?: ParseOptions }>) => {
  const { fileName, bytes, options } = e.data;
  const result = await parseImport(fileName, new Uint8Array(bytes), options ?? {});
  if (!result.ok) return self.postMessage(result);
  const { fc, ...rest } = result;
  self.postMessage({ ...rest, fcJson: JSON.stringify(fc) });
};
