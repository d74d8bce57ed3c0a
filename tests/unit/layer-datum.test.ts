import { describe, expect, it } from 'vitest';
import { layerDatum } from '../../src/tools/import/layerDatum';

describe('the datum of an imported layer', () => {
  it('is what the user chose for plain longitude/latitude', () => {
    expect(layerDatum({}, 'WGS-84')).toBe('WGS-84');
    expect(layerDatum({}, 'GCJ-02')).toBe('GCJ-02');
  });
  it('is GCJ-02 for BD-09, which the reading converts', () => {
    expect(layerDatum({}, 'BD-09')).toBe('GCJ-02');
    expect(layerDatum({ fromBd09: true }, 'WGS-84')).toBe('GCJ-02');
  });
  it('is never GCJ-02 for a national grid, whatever was chosen', () => {
    const crs = { name: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E', epsg: 4549, approximate: false, basis: 'file' as const };
    expect(layerDatum({ crs }, 'GCJ-02')).toBe('WGS-84');
  });
});
