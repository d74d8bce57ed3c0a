/**
 * One way to turn bytes into text for every format the importer reads: a byte-order mark wins; then
 * what the file declares (a Shapefile's .cpg or the DBF's language-driver byte, an XML declaration);
 * then UTF-8 if the bytes are valid UTF-8; else GB18030 (a superset of GBK and GB2312, what Chinese
 * Windows and Excel write). The user can also choose. The result says which encoding and why.
 */

import type { EncodingBasis, TextEncodingName } from '../../layers/model';

export type { EncodingBasis, TextEncodingName };

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  basis: EncodingBasis;
}

/** The encodings a user can choose when the guess is wrong. */
export const CHOOSABLE_ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'gb18030', 'big5'];

export function bomEncoding(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * An encoding named by a .cpg file, an XML declaration or a user: GBK, GB2312, GB18030, 936, CP936,
 * ANSI 936, UTF-8, 65001, Big5, 950 (case and spaces ignored). Null when it is not one of those.
 */
export function namedEncoding(name: string): TextEncodingName | null {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '');
  if (/^(gbk|gb2312|gb18030|936|cp936|ansi936|windows936|euccn|x-gbk)$/.test(n)) return 'gb18030';
  if (/^(utf-?8|65001|cp65001)$/.test(n)) return 'utf-8';
  if (/^(big5|950|cp950|ansi950)$/.test(n)) return 'big5';
  return null;
}

/** A DBF's language-driver byte (offset 29): 0x4D and 0x7A are code page 936 (GBK); 0x78 and 0x4F Big5. */
export function dbfLanguageDriver(dbf: Uint8Array): TextEncodingName | null {
  const ldid = dbf[29];
  if (ldid === 0x4d || ldid === 0x7a) return 'gb18030';
  if (ldid === 0x4f || ldid === 0x78) return 'big5';
  return null;
}

/** The encoding an XML declaration names (<?xml version="1.0" encoding="GBK"?>). */
function xmlDeclared(bytes: Uint8Array): TextEncodingName | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const m = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return m ? namedEncoding(m[1] as string) : null;
}

/** The encoding of some bytes with nothing else to go on: UTF-8 where valid, else GB18030. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; basis: EncodingBasis } {
  return isUtf8(bytes) ? { encoding: 'utf-8', basis: 'detected' } : { encoding: 'gb18030', basis: 'fallback' };
}

export interface DecodeOptions {
  /** The user's choice: used as it is. */
  chosen?: TextEncodingName;
  /** What the file says of itself (a .cpg's text). */
  declared?: TextEncodingName | null;
  /** XML: read the declaration. */
  xml?: boolean;
}

/** Decodes a whole text file. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = bomEncoding(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  const as = (encoding: TextEncodingName, basis: EncodingBasis): DecodedText => ({
    text: new TextDecoder(encoding).decode(body),
    encoding,
    basis,
  });
  if (options.chosen) return as(options.chosen, 'chosen');
  if (bom) return as(bom.encoding, 'bom');
  const declared = options.declared ?? (options.xml ? xmlDeclared(bytes) : null);
  if (declared) return as(declared, 'declared');
  const d = detectEncoding(body);
  return as(d.encoding, d.basis);
}
