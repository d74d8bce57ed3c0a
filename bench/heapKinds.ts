/**
 * What a page's JS heap holds, by kind, from a V8 heap snapshot: compiled code (bytecode, baseline and
 * optimised machine code, their relocation and deoptimisation data) apart from everything else V8 keeps
 * for the page (objects, arrays, strings, closures, hidden classes). A leak grows the second; a page whose
 * functions are still being optimised grows the first, and stops when it has compiled what it runs.
 * Nodes of type "native" are left out: mostly Blink's own objects, which `performance.memory.usedJSHeapSize`
 * does not count, but also some V8 internals it does (array buffer stores, the lists of what optimised code
 * depends on), so the two kinds add up to a little less than that figure.
 */

export interface HeapKinds {
  /** Bytes of nodes of type "code". */
  code: number;
  /** Bytes of every other V8 node (not "native", not "synthetic"). */
  objects: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[] } };
  nodes: number[];
}

export function heapKinds(snapshot: Snapshot): HeapKinds {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  if (typeAt < 0 || sizeAt < 0 || !Array.isArray(types)) throw new Error('heap snapshot: no node type or self_size field');
  const out: HeapKinds = { code: 0, objects: 0 };
  const { nodes } = snapshot;
  for (let k = 0; k < nodes.length; k += fields.length) {
    const type = types[nodes[k + typeAt] as number];
    const size = nodes[k + sizeAt] as number;
    if (type === 'code') out.code += size;
    else if (type !== 'native' && type !== 'synthetic') out.objects += size;
  }
  return out;
}

/** Takes a snapshot through a CDP session (the caller collects garbage first) and sums it by kind. */
export async function snapshotKinds(cdp: {
  send(method: string, params?: object): Promise<unknown>;
  on(event: string, listener: (e: { chunk: string }) => void): unknown;
  off(event: string, listener: (e: { chunk: string }) => void): unknown;
}): Promise<HeapKinds> {
  const chunks: string[] = [];
  const take = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
  }
  return heapKinds(JSON.parse(chunks.join('')) as Snapshot);
}
