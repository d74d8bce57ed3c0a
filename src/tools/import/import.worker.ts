/// <reference lib="webworker" />
/** Parses imports off the main thread, so the map stays responsive with big files. */
import { type CsvColumns, parseImport } from './parse';

self.onmessage = async (e: MessageEvent<{ fileName: string; bytes: ArrayBuffer; columns?: CsvColumns }>) => {
  const { fileName, bytes, columns } = e.data;
  const result = await parseImport(fileName, new Uint8Array(bytes), columns ? { columns } : {});
  self.postMessage(result);
};
