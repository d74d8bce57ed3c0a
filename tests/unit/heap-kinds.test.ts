import { describe, expect, it } from 'vitest';
import { heapKinds } from '../../bench/heapKinds';

/** A snapshot in V8's layout: a flat node array, `node_fields` per node, types by index. */
const snapshot = (nodes: [string, number][], fields = ['type', 'name', 'id', 'self_size', 'edge_count']) => {
  const types = ['hidden', 'array', 'string', 'object', 'code', 'closure', 'native', 'synthetic', 'object shape'];
  return {
    snapshot: { meta: { node_fields: fields, node_types: [types, 'string'] } },
    nodes: nodes.flatMap(([type, size], i) =>
      fields.map((f) => (f === 'type' ? types.indexOf(type) : f === 'self_size' ? size : f === 'id' ? i + 1 : 0)),
    ),
  };
};

describe('heap snapshot by kind (bench)', () => {
  it('puts code apart from the rest of V8 and leaves Blink out', () => {
    const kinds = heapKinds(
      snapshot([
        ['code', 1000],
        ['object', 300],
        ['closure', 40],
        ['code', 24],
        ['native', 5000],
        ['synthetic', 0],
        ['string', 64],
        ['object shape', 80],
      ]),
    );
    expect(kinds).toEqual({ code: 1024, objects: 484 });
  });

  it('reads the fields wherever V8 puts them', () => {
    const fields = ['self_size', 'edge_count', 'type', 'name', 'id', 'trace_node_id', 'detachedness'];
    const nodes: [string, number][] = [
      ['code', 10],
      ['array', 7],
    ];
    expect(heapKinds(snapshot(nodes, fields))).toEqual({ code: 10, objects: 7 });
  });

  it('names what is missing in a snapshot it cannot read', () => {
    const bad = snapshot([['code', 10]]);
    bad.snapshot.meta.node_fields = ['type', 'name'];
    expect(() => heapKinds(bad)).toThrow(/self_size/);
  });
});
