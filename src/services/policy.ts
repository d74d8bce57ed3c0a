/**
 * Origins the page's Content-Security-Policy refused, watched from the start (a refusal is reported as an
 * event, apart from the failed fetch): fetchService.ts names such a refusal. Small on purpose: it is in the
 * page's first load, the service code is not.
 */
const refused = new Set<string>();

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

export function watchPolicy(): void {
  if (typeof document === 'undefined') return;
  document.addEventListener('securitypolicyviolation', (e) => refused.add(originOf(e.blockedURI)));
}

export const refusedByPolicy = (url: string) => refused.has(originOf(url));
