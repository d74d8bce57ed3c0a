/**
 * Fetching from a map service with its faults named: an http: service on an https: page, no answer the
 * page may read (CORS, the deployment's security policy, a server down), a timeout, 401/403 (a token),
 * other HTTP errors, an HTML page or an exception report where an image or a document was expected, an
 * empty image. Used in the page and in the reprojecting worker (no DOM here).
 */
import { refusedByPolicy } from './policy';
import { ServiceError, type ServiceProblem } from './problems';
import { isMixed } from './urls';

export const SERVICE_TIMEOUT_MS = 15_000;

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

/** fetch with a timeout and the page's protocol checked; a refusal becomes a ServiceError. */
export async function fetchService(url: string, signal?: AbortSignal, timeoutMs = SERVICE_TIMEOUT_MS): Promise<Response> {
  const page = typeof location !== 'undefined' ? location.protocol : 'https:';
  if (isMixed(url, page)) throw new ServiceError({ code: 'mixed', url });
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(url, { signal: both, credentials: 'omit' });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted) throw new ServiceError({ code: 'timeout', seconds: Math.ceil(timeoutMs / 1000) });
    // The violation event may come just after the rejection.
    await new Promise((r) => setTimeout(r, 30));
    throw new ServiceError({ code: 'unreachable', origin: originOf(url), policy: refusedByPolicy(url) });
  }
  if (res.status === 401 || res.status === 403) throw new ServiceError({ code: 'auth', status: res.status, ...(await detailOf(res)) });
  if (res.status >= 400) {
    void res.body?.cancel();
    throw new ServiceError({ code: 'http', status: res.status });
  }
  return res;
}

/** A short reason from an error body: a JSON `msg`/`message`/`error`, else the text's start. */
async function detailOf(res: Response): Promise<{ detail?: string }> {
  try {
    const text = (await res.text()).slice(0, 2000);
    try {
      const j = JSON.parse(text) as Record<string, unknown>;
      const m = j.msg ?? j.message ?? (j.error as { message?: unknown } | undefined)?.message ?? j.error;
      if (typeof m === 'string' && m.trim()) return { detail: m.trim().slice(0, 200) };
    } catch {
      // not JSON
    }
    const plain = text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return plain ? { detail: plain.slice(0, 200) } : {};
  } catch {
    return {};
  }
}

/** A tile's answer as image bytes, or the reason it is not one; null for "no tile here" (404, 204). */
export async function imageOf(res: Response): Promise<Blob | null> {
  if (res.status === 204 || res.status === 404) return null;
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  if (type.includes('html')) {
    const text = await res.text();
    throw new ServiceError({
      code: 'html',
      ...(/<title[^>]*>([^<]{0,200})/i.exec(text)?.[1] ? { title: /<title[^>]*>([^<]{0,200})/i.exec(text)?.[1]?.trim() } : {}),
    });
  }
  if (type.includes('xml') && !type.includes('svg')) {
    const text = await res.text();
    const said = /<(?:\w+:)?(?:ServiceException|ExceptionText)(?:\s[^>]*)?>([\s\S]*?)<\//.exec(text)?.[1]?.trim();
    throw new ServiceError({ code: 'exception', text: said || text.slice(0, 200) });
  }
  if (type.includes('json')) {
    const text = await res.text();
    throw new ServiceError({ code: 'exception', text: text.slice(0, 200) });
  }
  const blob = await res.blob();
  if (blob.size === 0) throw new ServiceError({ code: 'empty-image' });
  if (type && !type.startsWith('image/') && !type.includes('octet-stream')) throw new ServiceError({ code: 'not-image', type });
  return blob;
}

/** Fatal problems fail the layer at once; others (a slow or flaky server) only after several tiles. */
export const isFatal = (p: ServiceProblem) =>
  ['mixed', 'unreachable', 'auth', 'html', 'exception', 'not-image', 'no-token'].includes(p.code);
