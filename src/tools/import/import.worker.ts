/// <reference lib="webworker" />
/** Parses imports off the main thread, so the map stays responsive with big files. */
import { type ParseOptions, parseImport } from './parse';

self.onmessage = async (e: MessageEvent<{ fileName: string; bytes: ArrayBuffer; options?: ParseOptions }>) => {
  const { fileName, bytes, options } = e.data;
  const result = await parseImport(fileName, new Uint8Array(bytes), options ?? {});
  self.postMessage(result);
};
