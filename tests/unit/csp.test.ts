import { describe, expect, it } from 'vitest';
import { basemapOrigins, contentSecurityPolicy, serviceOrigins } from '../../scripts/lib/csp';

describe('content security policy', () => {
  it('scripts only from the app, no inline script; images and data from https: map services', () => {
    const p = contentSecurityPolicy([]);
    expect(p).toContain("script-src 'self'");
    expect(p).not.toMatch(/script-src[^;]*https?:/);
    expect(p).not.toMatch(/http:/);
    expect(p).toContain("img-src 'self' data: blob: https:;");
    expect(p).toContain("connect-src 'self' data: blob: https:;");
    expect(p).not.toContain('unsafe-eval');
    expect(p).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('adds the origins of configured online basemaps', () => {
    const origins = basemapOrigins(
      JSON.stringify([{ tiles: ['https://a.tile.example/{z}/{x}/{y}.png'], style: 'https://styles.example/s.json' }]),
      '/nonexistent',
    );
    expect(origins).toEqual(['https://a.tile.example', 'https://styles.example']);
    expect(contentSecurityPolicy(origins)).toContain("img-src 'self' data: blob: https: https://a.tile.example https://styles.example");
    expect(basemapOrigins('not json', '/nonexistent')).toEqual([]);
  });

  it('adds the origin of a tiled layer published on an object store, not of one beside the app', () => {
    const layers = JSON.stringify([
      { id: 'parcels', url: 'https://bucket.oss-cn-hangzhou.aliyuncs.com/suichang/parcels.pmtiles' },
      { id: 'local', url: 'tiles/local.pmtiles' },
    ]);
    expect(basemapOrigins(layers, '/nonexistent')).toEqual(['https://bucket.oss-cn-hangzhou.aliyuncs.com']);
  });
});

describe('the first view guard', () => {
  it('is allowed by its own hash only', async () => {
    const { createHash } = await import('node:crypto');
    const { SHELL_GUARD, SHELL_GUARD_HASH } = await import('../../scripts/lib/shell-guard');
    expect(SHELL_GUARD_HASH).toBe(`'sha256-${createHash('sha256').update(SHELL_GUARD).digest('base64')}'`);
    const p = contentSecurityPolicy([], [SHELL_GUARD_HASH]);
    expect(p).toContain(`script-src 'self' ${SHELL_GUARD_HASH}`);
    expect(p).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('adds the plain-http map servers of an intranet named at build time', () => {
    const services = serviceOrigins('http://10.1.2.3:8080/geoserver, http://gis.local not-a-url');
    expect(services).toEqual(['http://10.1.2.3:8080', 'http://gis.local']);
    expect(contentSecurityPolicy([], [], services)).toContain(
      "connect-src 'self' data: blob: https: http://10.1.2.3:8080 http://gis.local;",
    );
  });
});
