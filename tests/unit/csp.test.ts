import { describe, expect, it } from 'vitest';
import { basemapOrigins, contentSecurityPolicy } from '../../scripts/lib/csp';

describe('content security policy', () => {
  it('allows no remote origin by default and no inline script', () => {
    const p = contentSecurityPolicy([]);
    expect(p).toContain("script-src 'self'");
    expect(p).not.toMatch(/https?:/);
    expect(p).not.toContain('unsafe-eval');
    expect(p).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('adds the origins of configured online basemaps', () => {
    const origins = basemapOrigins(
      JSON.stringify([{ tiles: ['https://a.tile.example/{z}/{x}/{y}.png'], style: 'https://styles.example/s.json' }]),
      '/nonexistent',
    );
    expect(origins).toEqual(['https://a.tile.example', 'https://styles.example']);
    expect(contentSecurityPolicy(origins)).toContain("img-src 'self' data: blob: https://a.tile.example https://styles.example");
    expect(basemapOrigins('not json', '/nonexistent')).toEqual([]);
  });
});
