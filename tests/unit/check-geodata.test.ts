import { describe, expect, it } from 'vitest';
import { checkGeodata, formatProblem, jsonErrorPlace, normaliseArticle } from '../../scripts/lib/check-geodata';
import { readGeodata } from './helpers';

const committed = readGeodata();

/** The committed data with one file changed. */
function withFile(path: string, edit: (json: any) => unknown): Record<string, string> {
  const json = JSON.parse(committed[path] as string);
  const out = edit(json) ?? json;
  return { ...committed, [path]: JSON.stringify(out, null, 1) };
}
const messages = (files: Record<string, string | undefined>) => checkGeodata(files).problems.map(formatProblem);
const site = (fc: any, id: string) => fc.features.find((f: any) => f.properties.id === id);

describe('check:geodata on the committed data', () => {
  it('passes and counts what it checked', () => {
    const r = checkGeodata(committed);
    expect(r.problems.map(formatProblem)).toEqual([]);
    expect(r.counts.sites).toBeGreaterThanOrEqual(18);
    expect(r.counts.articleFigures).toBeGreaterThanOrEqual(55);
  });
});

describe('check:geodata names the place of each broken fixture', () => {
  it('bad JSON: file, line and column', () => {
    const text = committed['sites/enclaves.geojson'] as string;
    const broken = text.replace('"status": "built"', '"status": "built",,');
    const m = messages({ ...committed, 'sites/enclaves.geojson': broken });
    // Figures scoped to the file's sites are reported as well; the JSON error comes first.
    expect(m[0]).toMatch(/^sites\/enclaves\.geojson: file: \(json\): not valid JSON at line \d+, column \d+/);
    const line = broken.slice(0, broken.indexOf(',,') + 1).split('\n').length;
    expect(m[0]).toContain(`line ${line},`);
  });

  it('a missing field', () => {
    const m = messages(
      withFile('sites/devzone.geojson', (fc) => {
        delete site(fc, 'kan-special-materials').properties.precision;
      }),
    );
    expect(m[0]).toMatch(/^sites\/devzone\.geojson: feature "kan-special-materials": properties\.precision: /);
    // what referred to the site is reported too
    expect(m.slice(1).every((x) => x.includes('"kan-special-materials"'))).toBe(true);
  });

  it('a wrong type', () => {
    const m = messages(
      withFile('figures.json', (list) => {
        list.find((f: any) => f.id === 'gdp').value = '172.75';
      }),
    );
    expect(m.some((x) => /^figures\.json: figure "gdp": value: /.test(x))).toBe(true);
  });

  it('an unknown layer', () => {
    const m = messages(
      withFile('sites/chempark.geojson', (fc) => {
        site(fc, 'chemical-park').properties.layer = 'refinery';
      }),
    );
    expect(m).toContain('sites/chempark.geojson: feature "chemical-park": properties.layer: unknown layer "refinery"');
  });

  it('a duplicate id', () => {
    const m = messages(
      withFile('sites/community.geojson', (fc) => {
        fc.features[1].properties.id = 'community-centre-1';
        fc.features[1].id = 'community-centre-1';
      }),
    );
    expect(m.some((x) => x.includes('"community-centre-1"') && x.includes('duplicate id'))).toBe(true);
  });

  it('an unclosed ring', () => {
    const m = messages(
      withFile('sites/chempark.geojson', (fc) => {
        site(fc, 'chemical-park').geometry.coordinates[0].pop();
      }),
    );
    expect(m).toContain(
      'sites/chempark.geojson: feature "chemical-park": geometry.coordinates[0]: ring is not closed (first and last positions differ)',
    );
  });

  it('clockwise winding and self-intersection', () => {
    const cw = messages(
      withFile('sites/chempark.geojson', (fc) => {
        site(fc, 'chemical-park').geometry.coordinates[0].reverse();
      }),
    );
    expect(cw.some((x) => x.includes('outer ring is clockwise'))).toBe(true);
    const bow = messages(
      withFile('sites/chempark.geojson', (fc) => {
        const ring = site(fc, 'chemical-park').geometry.coordinates[0];
        [ring[1], ring[2]] = [ring[2], ring[1]];
      }),
    );
    expect(bow.some((x) => x.includes('ring intersects itself'))).toBe(true);
  });

  it('swapped latitude and longitude', () => {
    const m = messages(
      withFile('sites/enclaves.geojson', (fc) => {
        const g = site(fc, 'enclave-nanhu').geometry;
        g.coordinates = [g.coordinates[1], g.coordinates[0]];
      }),
    );
    expect(m).toContain(
      'sites/enclaves.geojson: feature "enclave-nanhu": geometry.coordinates: [30.735, 120.8] is outside Zhejiang — latitude and longitude look swapped ([lon, lat] expected)',
    );
  });

  it('a site outside Zhejiang', () => {
    const m = messages(
      withFile('sites/digital.geojson', (fc) => {
        site(fc, 'tiangong-digital-valley').geometry.coordinates = [116.4, 39.9];
      }),
    );
    expect(m).toContain(
      'sites/digital.geojson: feature "tiangong-digital-valley": geometry.coordinates: [116.4, 39.9] is outside Zhejiang',
    );
  });

  it('a site outside its county, and an enclave outside its district', () => {
    const m = messages(
      withFile('sites/enclaves.geojson', (fc) => {
        site(fc, 'enclave-tongxiang').geometry.coordinates = [120.8, 30.735]; // in 南湖区, not 桐乡市
      }),
    );
    expect(m).toContain('sites/enclaves.geojson: feature "enclave-tongxiang": geometry: [120.8, 30.735] is not inside 桐乡市');
    const m2 = messages(
      withFile('sites/community.geojson', (fc) => {
        fc.features[0].geometry.coordinates = [119.6, 28.45]; // 松阳县
      }),
    );
    expect(m2).toContain('sites/community.geojson: feature "community-centre-1": geometry: [119.6, 28.45] is not inside 遂昌县');
  });

  it('a polygon whose area is off the published figure', () => {
    const m = messages(
      withFile('sites/devzone.geojson', (fc) => {
        site(fc, 'devzone-east').properties.areaKm2 = 20;
      }),
    );
    expect(m.some((x) => /devzone-east": geometry: measures 13\.\d\d km², more than 10 % from the published 20 km²/.test(x))).toBe(true);
  });

  it('a figure whose quote lacks its value, or is not in the article', () => {
    const m = messages(
      withFile('figures.json', (list) => {
        list.find((f: any) => f.id === 'industrial-land').written = '1632';
        list.find((f: any) => f.id === 'graduates').quote = '去年一年，遂昌招引高校毕业生5782名。';
      }),
    );
    expect(m).toContain('figures.json: figure "industrial-land": quote: does not contain the value as written, "1632"');
    expect(m).toContain('figures.json: figure "graduates": quote: does not contain the value as written, "5781名"');
    expect(m).toContain('figures.json: figure "graduates": quote: is not a sentence of the article (source/article.txt)');
  });

  it('a figure scoped to a site that does not exist', () => {
    const m = messages(
      withFile('figures.json', (list) => {
        list.find((f: any) => f.id === 'zhengao-days').scope = 'zhengao';
      }),
    );
    expect(m).toContain('figures.json: figure "zhengao-days": scope: no site "zhengao" (use "county" or a site id)');
  });

  it('a tour stop pointing at a missing site or figure', () => {
    const m = messages(
      withFile('tour.json', (stops) => {
        stops[4].highlight = ['zhengao'];
        stops[5].figures = ['enclave-returns', 'nope'];
      }),
    );
    expect(m).toContain('tour.json: stop 5 "projects": highlight: no site "zhengao"');
    expect(m).toContain('tour.json: stop 6 "enclaves": figures: no figure "nope"');
  });

  it('reports every problem in one run', () => {
    const files = withFile('sites/chempark.geojson', (fc) => {
      site(fc, 'chemical-park').properties.layer = 'nope';
      site(fc, 'chemical-park').geometry.coordinates[0].pop();
    });
    files['figures.json'] = (files['figures.json'] as string).replace('"scope": "zhengao-auto"', '"scope": "nowhere"');
    expect(messages(files).length).toBeGreaterThanOrEqual(3);
  });
});

describe('helpers', () => {
  it('jsonErrorPlace turns a position into line and column', () => {
    const text = '{\n  "a": 1,\n  "b": }';
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorPlace(text)).toBe('line 3, column 8: ValueExpected');
  });

  it('normaliseArticle rejoins the sentence split by a section heading', () => {
    const article = committed['source/article.txt'] as string;
    expect(article.replace(/\s+/g, '')).not.toContain('累计完成投资6.91亿元');
    expect(normaliseArticle(article)).toContain('累计完成投资6.91亿元');
  });
});

describe('hostile geodata (fuzzed)', () => {
  it('never throws: every broken file becomes a list of problems', async () => {
    const fcheck = (await import('fast-check')).default;
    const paths = Object.keys(committed).filter((p) => p !== 'source/article.txt' && !p.startsWith('basemap/'));
    fcheck.assert(
      fcheck.property(fcheck.constantFrom(...paths), fcheck.jsonValue(), fcheck.nat(), (path, junk, at) => {
        // Replace one value somewhere in the file with random JSON.
        const json = JSON.parse(committed[path] as string);
        const stack: unknown[] = [json];
        const holders: [Record<string, unknown>, string][] = [];
        while (stack.length) {
          const v = stack.pop();
          if (v && typeof v === 'object') {
            for (const [k, x] of Object.entries(v)) {
              holders.push([v as Record<string, unknown>, k]);
              stack.push(x);
            }
          }
        }
        const [holder, key] = holders[at % holders.length] as [Record<string, unknown>, string];
        holder[key] = junk;
        const r = checkGeodata({ ...committed, [path]: JSON.stringify(json) });
        expect(Array.isArray(r.problems)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
