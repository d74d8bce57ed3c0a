/**
 * The one inline script of the built page, allowed by its hash in the CSP: it hides the prerendered
 * first view (the Chinese overview, nothing selected) when the link asks for something else (English,
 * a site, the tour, filters), marks the embedded layout (?embed=1), before the first paint, and keeps the page out of layout until the fonts
 * are loaded (src/app/boot.ts lifts it). Inline, ahead of the stylesheet, so it runs at
 * once instead of waiting for a file and for the CSS.
 */
import { createHash } from 'node:crypto';

export const SHELL_GUARD = [
  '(function(){',
  "var shown=['view','layers','testing','embed','text'];",
  'var other=false;',
  'var p=new URLSearchParams(location.search);',
  'p.forEach(function(_v,k){if(shown.indexOf(k)<0)other=true;});',
  'var c=document.documentElement.classList;',
  "if(other)c.add('no-shell');",
  // The embedded layout (src/embed/pageMode.ts) from the first paint: the first view is laid out for the frame.
  "var e=p.get('embed');if(e!==null&&e!=='0')c.add('embed');",
  // The large-text mode (src/ui/textSize.ts), from the link or as this browser kept it.
  "var t=p.get('text');try{if(t==='large'||(t!=='normal'&&localStorage.getItem('suichang:text-size')==='large'))c.add('text-large');}catch(x){}",
  // Out of layout until src/app/boot.ts has the fonts (or, should the scripts fail, for 1.5 s at most).
  "c.add('fonts-pending');",
  "setTimeout(function(){c.remove('fonts-pending');},1500);",
  '})();',
].join('');

export const SHELL_GUARD_HASH = `'sha256-${createHash('sha256').update(SHELL_GUARD).digest('base64')}'`;
