/** Reading a service's XML by local names (namespaces vary between servers): xmldom, the same in the page and in tests. */
import { DOMParser } from '@xmldom/xmldom';
import { ServiceError } from './problems';

export type El = Element;

/** The document, or a ServiceError saying what came instead: an HTML page, an exception report, not XML. */
export function parseXml(text: string): Document {
  const head = text.slice(0, 1000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<html[\s>]/.test(head)) {
    const title = /<title[^>]*>([^<]{0,200})<\/title>/i.exec(text)?.[1]?.trim();
    throw new ServiceError({ code: 'html', ...(title ? { title } : {}) });
  }
  if (!head.startsWith('<')) throw new ServiceError({ code: 'not-xml', detail: text.slice(0, 80) });
  let doc: Document;
  try {
    doc = new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    throw new ServiceError({ code: 'not-xml', detail: String((e as Error).message).slice(0, 200) });
  }
  const root = doc.documentElement;
  if (!root) throw new ServiceError({ code: 'not-xml', detail: 'no root element' });
  const name = root.localName ?? root.nodeName;
  if (/ExceptionReport$/i.test(name) || name === 'ServiceExceptionReport') {
    const text = all(root, 'ExceptionText')
      .concat(all(root, 'ServiceException'))
      .map((e) => textOf(e))
      .filter(Boolean)
      .join(' ');
    throw new ServiceError({ code: 'exception', text: text || name });
  }
  return doc;
}

/** Child elements with a local name. */
export const kids = (e: El | null | undefined, name: string): El[] =>
  e ? (Array.from(e.childNodes) as Node[]).filter((n): n is El => n.nodeType === 1 && (n as El).localName === name) : [];
export const kid = (e: El | null | undefined, name: string): El | null => kids(e, name)[0] ?? null;
/** Descendants with a local name. */
export const all = (e: El | Document, name: string): El[] => Array.from(e.getElementsByTagNameNS('*', name)) as El[];
export const textOf = (e: El | null | undefined): string => (e?.textContent ?? '').trim();
export const kidText = (e: El | null | undefined, name: string) => textOf(kid(e, name));
/** An xlink:href (or plain href) attribute. */
export const href = (e: El | null | undefined): string =>
  e?.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || e?.getAttribute('xlink:href') || e?.getAttribute('href') || '';
