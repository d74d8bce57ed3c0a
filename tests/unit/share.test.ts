/**
 * The embedded map's and the Share dialog's pure parts: the page mode's parameter, the postMessage
 * contract, the allowed origins, the links and snippet, and the QR code (decoded back with jsQR).
 */
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { fullMapHref, parsePageMode } from '../../src/embed/embedParams';
import { originAllowed, parseAllowedOrigins, parseCommand } from '../../src/embed/messages';
import { MAX_VERSION, qrPath } from '../../src/embed/qr';
import { clampSize, embedLink, iframeSnippet, qrText, shareBase } from '../../src/embed/shareLink';
import type { UrlProblem } from '../../src/state/url';

const SITES = new Set(['devzone-east', 'enclave-nanhu']);

describe('page mode', () => {
  it('reads embed=1, reports another value and still embeds', () => {
    const problems: UrlProblem[] = [];
    expect(parsePageMode(new URLSearchParams('embed=1'), problems)).toEqual({ embed: true });
    expect(parsePageMode(new URLSearchParams(''), problems)).toEqual({ embed: false });
    expect(parsePageMode(new URLSearchParams('embed=0'), problems)).toEqual({ embed: false });
    expect(problems).toEqual([]);
    expect(parsePageMode(new URLSearchParams('embed=yes'), problems)).toEqual({ embed: true });
    expect(problems).toEqual([{ kind: 'badParam', name: 'embed' }]);
  });

  it('the full map keeps everything but the embed key', () => {
    expect(fullMapHref('https://m.example/map/?site=a&embed=1&view=1,2,3&lang=en')).toBe(
      'https://m.example/map/?site=a&view=1,2,3&lang=en',
    );
  });
});

describe('postMessage contract', () => {
  it('accepts the three commands', () => {
    expect(parseCommand({ type: 'suichang:select-site', site: 'devzone-east' }, SITES)).toEqual({
      command: { type: 'suichang:select-site', site: 'devzone-east' },
    });
    expect(parseCommand({ type: 'suichang:select-site', site: null }, SITES)).toEqual({
      command: { type: 'suichang:select-site', site: null },
    });
    expect(parseCommand({ type: 'suichang:tour', action: 'stop' }, SITES)).toEqual({ command: { type: 'suichang:tour', action: 'stop' } });
    expect(parseCommand({ type: 'suichang:set-lang', lang: 'en' }, SITES)).toEqual({ command: { type: 'suichang:set-lang', lang: 'en' } });
  });

  it('leaves other scripts’ messages alone and names what is wrong with ours', () => {
    for (const other of ['hi', 42, null, [], { type: 'analytics' }, { kind: 'suichang:tour' }])
      expect(parseCommand(other, SITES)).toBeNull();
    expect(parseCommand({ type: 'suichang:select-site', site: 3 }, SITES)).toEqual({
      error: 'suichang:select-site: "site" must be a site id or null',
    });
    expect(parseCommand({ type: 'suichang:select-site', site: 'x'.repeat(500) }, SITES)).toEqual({
      error: `suichang:select-site: no site "${'x'.repeat(64)}"`,
    });
    expect(parseCommand({ type: 'suichang:tour', action: 'go' }, SITES)).toHaveProperty('error');
    expect(parseCommand({ type: 'suichang:set-lang', lang: 'fr' }, SITES)).toHaveProperty('error');
    expect(parseCommand({ type: 'suichang:teleport' }, SITES)).toEqual({ error: 'unknown message type "suichang:teleport"' });
  });

  it('allowed origins: normalised, bad entries named, no list allows any page', () => {
    const r = parseAllowedOrigins(
      ['https://www.suichang.gov.cn', 'http://127.0.0.1:4197/', 'https://a.example/path', 'nonsense', 7],
      'embed.json',
    );
    expect(r.origins).toEqual(['https://www.suichang.gov.cn', 'http://127.0.0.1:4197']);
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toContain('entry 3 ("https://a.example/path")');
    expect(parseAllowedOrigins('https://a.example, https://b.example', 'VITE_EMBED_ORIGINS').origins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(parseAllowedOrigins({ nope: 1 }, 'embed.json').problems).toEqual(['embed.json: a list of origins was expected']);
    expect(originAllowed('https://x.example', null)).toBe(true);
    expect(originAllowed('https://x.example', ['https://y.example'])).toBe(false);
    expect(originAllowed('https://y.example', [])).toBe(false);
  });
});

describe('share links', () => {
  it('the public address when the deployment gives one, else the page’s', () => {
    expect(shareBase('https://map.suichang.gov.cn', 'http://10.0.0.5/app/?x', '/app/')).toBe('https://map.suichang.gov.cn/');
    expect(shareBase(undefined, 'http://10.0.0.5/app/?x', '/app/')).toBe('http://10.0.0.5/app/');
    expect(shareBase('javascript:alert(1)', 'http://10.0.0.5/', '/')).toBe('http://10.0.0.5/');
    expect(shareBase('not a url', 'http://10.0.0.5/', '/')).toBe('http://10.0.0.5/');
  });

  it('an embed link with the options chosen', () => {
    const all = ['a', 'b', 'c'];
    const base = 'https://m.example/';
    expect(embedLink(base, { site: null, view: null, layers: null, lang: 'zh', autoplay: false }, all)).toBe('https://m.example/?embed=1');
    expect(
      embedLink(
        base,
        {
          site: 'devzone-east',
          view: { center: [119.27, 28.59], zoom: 11, bearing: 0, pitch: 0 },
          layers: ['b'],
          lang: 'en',
          autoplay: true,
        },
        all,
      ),
    ).toBe('https://m.example/?site=devzone-east&layers=b&lang=en&view=119.27,28.59,11&tour=1&kiosk=1&embed=1');
  });

  it('the snippet escapes its address and title as attribute text', () => {
    const s = iframeSnippet('https://m.example/?a=1&b="x"', { kind: 'fixed', width: 800, height: 500 }, '遂昌 <map>');
    expect(s).toContain('src="https://m.example/?a=1&amp;b=&quot;x&quot;"');
    expect(s).toContain('title="遂昌 &lt;map>"');
    expect(s).toContain('width="800" height="500"');
    expect(iframeSnippet('https://m.example/', { kind: 'responsive', height: 450 }, 't')).toContain('width:100%;height:450px');
    expect(clampSize(50, 320, 1920, 800)).toBe(320);
    expect(clampSize(Number.NaN, 320, 1920, 800)).toBe(800);
  });
});

/** The path's dark modules drawn into pixels, read back by jsQR. */
function decode(text: string): string | null {
  const qr = qrPath(text);
  if (!qr) return null;
  const scale = 4;
  const n = qr.size * scale;
  const px = new Uint8ClampedArray(n * n * 4).fill(255);
  for (const m of qr.d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let yy = y * scale; yy < (y + 1) * scale; yy++)
      for (let xx = x * scale; xx < (x + w) * scale; xx++) px.fill(0, (yy * n + xx) * 4, (yy * n + xx) * 4 + 3);
  }
  return jsQR(px, n, n)?.data ?? null;
}

describe('QR code', () => {
  it('decodes to the link it was made from', () => {
    const link = 'http://127.0.0.1:4173/?site=enclave-nanhu&lang=en&view=120.75,30.76,12.5';
    expect(decode(link)).toBe(link);
    expect(decode('https://map.example/?q=遂昌')).toBe('https://map.example/?q=遂昌');
  });

  it('too long for a scannable code: the plain view link instead, said', () => {
    const long = `https://m.example/?tourlink=${'x'.repeat(2000)}`;
    expect(qrPath(long)).toBeNull();
    const r = qrText(long, 'https://m.example/?view=1,2,3', qrPath);
    expect(r.fallback).toBe(true);
    expect(r.text).toBe('https://m.example/?view=1,2,3');
    expect(r.qr).not.toBeNull();
    expect(MAX_VERSION).toBeLessThanOrEqual(20);
  });
});

describe('share picture', () => {
  it('says whose each figure is and where it comes from; the article only when a figure quotes it', async () => {
    const { posterContent } = await import('../../src/embed/posterContent');
    const { figures } = await import('../../src/data/geodata');
    const east = posterContent('devzone-east', 'zh', 'credits', null);
    expect(east?.title).toBe('浙江遂昌经济开发区 · 城东区块');
    expect(east?.precision.label).toBe('示意位置');
    expect(east?.review).toBe('审图号：本部署未填写');
    for (const f of east?.figures ?? []) {
      const def = figures.find((d) => d.id === f.id);
      expect(f.source.startsWith(def?.origin === 'article' ? '文章原文' : def?.origin === 'external' ? '外部来源' : '本图测算')).toBe(true);
      expect(f.scope).not.toBe('');
    }
    // A site with an article figure names the article; quotes are the article's words as written.
    const withArticle = figures.find((f) => f.origin === 'article' && posterContent(f.scope, 'en', '', '浙S(2026)000号'));
    if (withArticle?.origin !== 'article') throw new Error('no site has a figure from the article');
    const en = posterContent(withArticle.scope, 'en', '', '浙S(2026)000号');
    expect(en?.article).toMatch(/^The article: “.+” \(.+, 2023, in Chinese\)$/);
    expect(en?.review).toBe('Map review number (审图号): 浙S(2026)000号');
    expect(en?.figures.find((f) => f.id === withArticle.id)?.source).toBe(`The article: “${withArticle.quote}” (Chinese)`);
    expect(posterContent('no-such-site', 'zh', '', null)).toBeNull();
  });
});

describe('link preview metadata', () => {
  it('relative without a public address; absolute URL and picture with one; a bad address fails the build', async () => {
    const { shareMetaTags } = await import('../../scripts/lib/share-meta');
    const props = (tags: { attrs: Record<string, string> }[]) => Object.fromEntries(tags.map((t) => [t.attrs.property, t.attrs.content]));
    const plain = props(shareMetaTags(undefined, true));
    expect(plain['og:title']).toBe('遂昌发展地图 · Suichang Development Map');
    expect(plain['og:url']).toBeUndefined();
    expect(plain['og:image']).toBeUndefined();
    const pub = props(shareMetaTags('https://map.suichang.gov.cn/app', true));
    expect(pub['og:url']).toBe('https://map.suichang.gov.cn/app/');
    expect(pub['og:image']).toBe('https://map.suichang.gov.cn/app/share-card.png');
    expect(props(shareMetaTags('https://map.suichang.gov.cn/', false))['og:image']).toBeUndefined();
    expect(() => shareMetaTags('map.suichang.gov.cn', true)).toThrow(/VITE_PUBLIC_URL: "map.suichang.gov.cn" is not an absolute URL/);
    expect(() => shareMetaTags('ftp://x.example/', true)).toThrow(/must be http or https/);
  });

  it('the page title and description per view', async () => {
    const { pageTitle, shortDescription } = await import('../../src/embed/pageMeta');
    expect(pageTitle('南湖飞地', '遂昌发展地图')).toBe('南湖飞地 · 遂昌发展地图');
    expect(pageTitle(null, '遂昌发展地图')).toBe('遂昌发展地图');
    expect(shortDescription('a  b\nc')).toBe('a b c');
    expect(shortDescription('x'.repeat(200))).toHaveLength(120);
  });
});

describe('large text on the map', () => {
  it('scales numbers, zoom curves at their stops, match and case outputs; leaves other layers alone', async () => {
    const { scaleSize, scaleLayerText } = await import('../../src/map/textScale');
    expect(scaleSize(12, 1.25)).toBe(15);
    expect(scaleSize(['interpolate', ['linear'], ['zoom'], 8, 11, 13, 13], 1.25)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      8,
      13.8,
      13,
      16.3,
    ]);
    expect(scaleSize(['step', ['zoom'], 10, 12, 14], 1.25)).toEqual(['step', ['zoom'], 12.5, 12, 17.5]);
    expect(scaleSize(['match', ['get', 'role'], 'focus', 18, 13], 1.25)).toEqual(['match', ['get', 'role'], 'focus', 22.5, 16.3]);
    expect(scaleSize(['case', ['has', 'x'], 10, 12], 2)).toEqual(['case', ['has', 'x'], 20, 24]);
    expect(scaleSize(['get', 'size'], 1.25)).toEqual(['*', ['get', 'size'], 1.25]);
    const layers = [
      { id: 'a', type: 'symbol', source: 's', layout: { 'text-size': 12, 'text-field': 'x' } },
      { id: 'b', type: 'fill', source: 's' },
      { id: 'c', type: 'symbol', source: 's', layout: { 'icon-image': 'i' } },
    ] as never;
    const out = scaleLayerText(layers, 1.25);
    expect(out[0]).toEqual({ id: 'a', type: 'symbol', source: 's', layout: { 'text-size': 15, 'text-field': 'x' } });
    expect(out[1]).toBe((layers as unknown[])[1]);
    expect(out[2]).toBe((layers as unknown[])[2]);
    expect(scaleLayerText(layers, 1)).toBe(layers);
  });
});
