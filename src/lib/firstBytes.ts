/**
 * The first bytes of a file on a web server by one range request, with the server's faults named: not
 * reachable, an HTTP error, a web page where a file was asked for (a single-page host answers any path with
 * its page), a compressed transfer (byte offsets would not match) or the whole file sent for a range (no
 * byte serving; stopped before it is read). Shared by the tiled layers (src/tiles/open.ts)
 * and the county archives (src/basemap/findArchives.ts). Light: no pmtiles here.
 */
export type FirstBytesFault =
  | { code: 'unreachable'; detail: string }
  | { code: 'http'; status: number }
  | { code: 'html' }
  | { code: 'encoded'; encoding: string }
  | { code: 'no-ranges'; status: number };

export class FirstBytesError extends Error {
  constructor(readonly fault: FirstBytesFault) {
    super(fault.code);
  }
}

export interface FirstBytes {
  first: ArrayBuffer;
  /** The file's length where the server says it (cross-origin: Content-Range must be exposed). */
  size: number | null;
}

export async function firstBytes(url: string, count: number, cache: RequestCache = 'no-store'): Promise<FirstBytes> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { range: `bytes=0-${count - 1}` }, cache });
  } catch (error) {
    throw new FirstBytesError({ code: 'unreachable', detail: String((error as Error)?.message ?? error) });
  }
  const fail = (fault: FirstBytesFault): never => {
    void res.body?.cancel();
    throw new FirstBytesError(fault);
  };
  if (res.status >= 300) fail({ code: 'http', status: res.status });
  const encoding = res.headers.get('content-encoding');
  if (encoding && encoding !== 'identity') fail({ code: 'encoded', encoding });
  if ((res.headers.get('content-type') ?? '').includes('text/html')) fail({ code: 'html' });
  // A whole small file is fine; a larger answer means the server ignored the range.
  if (res.status === 200) {
    const length = Number(res.headers.get('content-length') ?? Number.NaN);
    if (!(length <= count)) fail({ code: 'no-ranges', status: 200 });
  }
  const first = await res.arrayBuffer();
  // "bytes 0-16383/123456": the size.
  const total = Number(res.headers.get('content-range')?.split('/')[1] ?? Number.NaN);
  return { first, size: Number.isFinite(total) ? total : res.status === 200 ? first.byteLength : null };
}
