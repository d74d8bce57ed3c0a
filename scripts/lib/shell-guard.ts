/**
 * The one inline script of the built page, allowed by its hash in the CSP: it hides the prerendered
 * first view (the Chinese overview, nothing selected) when the link asks for something else (English,
 * a site, the tour, filters), before the first paint. Inline, ahead of the stylesheet, so it runs at
 * once instead of waiting for a file and for the CSS.
 */
import { createHash } from 'node:crypto';

export const SHELL_GUARD = [
  '(function(){',
  "var shown=['view','layers','testing'];",
  'var other=false;',
  'new URLSearchParams(location.search).forEach(function(_v,k){if(shown.indexOf(k)<0)other=true;});',
  "if(other)document.documentElement.classList.add('no-shell');",
  '})();',
].join('');

export const SHELL_GUARD_HASH = `'sha256-${createHash('sha256').update(SHELL_GUARD).digest('base64')}'`;
