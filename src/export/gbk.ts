/**
 * Text to GBK bytes, for the DBF of a Shapefile Chinese GIS reads (ArcGIS 10, SuperMap, MapGIS). The
 * browser can decode GBK (TextDecoder) but not encode it: the table is the decoder run backwards over
 * every two-byte GBK code once, on first use (about 22,000 characters; no library, nothing fetched).
 */
let table: Map<string, number> | null = null;

function build(): Map<string, number> {
  const decoder = new TextDecoder('gbk');
  const map = new Map<string, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, (lead << 8) | trail);
    }
  }
  return map;
}

export interface Encoded {
  bytes: Uint8Array;
  /** Characters GBK has no code for, written as "?". */
  unmappable: string[];
}

export function encodeGbk(text: string): Encoded {
  table ??= build();
  const out: number[] = [];
  const unmappable: string[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else {
      const code = table.get(ch);
      if (code === undefined) {
        unmappable.push(ch);
        out.push(0x3f);
      } else out.push(code >> 8, code & 0xff);
    }
  }
  return { bytes: Uint8Array.from(out), unmappable };
}

const utf8 = new TextEncoder();
export type DbfEncoding = 'GBK' | 'UTF-8';

export function encodeText(text: string, encoding: DbfEncoding): Encoded {
  return encoding === 'GBK' ? encodeGbk(text) : { bytes: utf8.encode(text), unmappable: [] };
}
