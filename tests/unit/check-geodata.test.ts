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
      withFile('sites/devzone.geojson', (fc) => {
        site(fc, 'devzone-west').geometry.coordinates[0].pop();
      }),
    );
    expect(m).toContain(
      'sites/devzone.geojson: feature "devzone-west": geometry.coordinates[0]: ring is not closed (first and last positions differ)',
    );
  });

  it('clockwise winding and self-intersection', () => {
    const cw = messages(
      withFile('sites/devzone.geojson', (fc) => {
        site(fc, 'devzone-west').geometry.coordinates[0].reverse();
      }),
    );
    expect(cw.some((x) => x.includes('outer ring is clockwise'))).toBe(true);
    const bow = messages(
      withFile('sites/devzone.geojson', (fc) => {
        const ring = site(fc, 'devzone-west').geometry.coordinates[0];
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
    expect(m).toContain('figures.json: figure "zhengao-days": scope: no site "zhengao" (use "county", a site id or a group id)');
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

  it('a period the quote does not give, unless marked inferred', () => {
    const m = messages(
      withFile('figures.json', (list) => {
        delete list.find((f: any) => f.id === 'zhengao-days').periodInferred;
        list.find((f: any) => f.id === 'graduates').period = '2021';
      }),
    );
    expect(m).toContain(
      'figures.json: figure "zhengao-days": period: "2022" is not in its quote (no 2022年, 去年): set periodInferred to say why it was inferred',
    );
    // 去年 in the quote is 2022, the year before the article: 2021 is not what it says.
    expect(m.some((x) => x.startsWith('figures.json: figure "graduates": period: "2021" is not in its quote'))).toBe(true);
  });

  it('an expectation (有望) not marked as a prospect, or shown as a key figure', () => {
    const m = messages(
      withFile('figures.json', (list) => {
        delete list.find((f: any) => f.id === 'safety-streak').kind;
      }),
    );
    expect(m.some((x) => /^figures\.json: figure "safety-streak": kind: the quote expects it \("平安建设有望实现/.test(x))).toBe(true);
    const tour = messages(
      withFile('tour.json', (stops) => {
        stops[10].figures = ['livelihood-share', 'safety-streak'];
      }),
    );
    expect(tour).toContain('tour.json: stop 11 "people": figures: "safety-streak" is a prospect, not a result: it is not a key figure');
  });

  it('a figure of a whole (a line, a zone) scoped to one of its parts', () => {
    const m = messages(
      withFile('figures.json', (list) => {
        list.find((f: any) => f.id === 'quli-line-length').scope = 'suichang-west-station';
        list.find((f: any) => f.id === 'devzone-total-area').scope = 'devzone-east';
      }),
    );
    expect(m).toContain(
      'figures.json: figure "quli-line-length": scope: "衢丽铁路衢州至松阳段长度" names "铁路": it is the figure of Quzhou–Lishui railway, Quzhou–Songyang section (the whole line), not of one of its parts; scope it to the group "quli-railway"',
    );
    expect(
      m.some((x) =>
        x.startsWith('figures.json: figure "devzone-total-area": scope: "经济开发区总面积（两个区块合计）" names "经济开发区"'),
      ),
    ).toBe(true);
  });

  it('a "described" geometry that does not say what it was placed from, or was placed from a text without geometry', () => {
    const m = messages(
      withFile('sites/devzone.geojson', (fc) => {
        site(fc, 'devzone-east').properties.precision = 'described';
        const west = site(fc, 'devzone-west').properties;
        west.precision = 'described';
        delete west.placedFrom;
      }),
    );
    expect(m).toContain(
      'sites/devzone.geojson: feature "devzone-east": properties.precision: "described", but it was placed from the published bounding roads (the project has no geometry for them), which has no geometry: only "indicative" is honest',
    );
    expect(m).toContain(
      'sites/devzone.geojson: feature "devzone-west": properties.placedFrom: a "described" geometry must say what it was placed from',
    );
    // Placed from real road lines, "described" is allowed.
    const traced = messages(
      withFile('sites/devzone.geojson', (fc) => {
        const east = site(fc, 'devzone-east').properties;
        east.precision = 'described';
        east.placedFrom.geometry = true;
      }),
    );
    expect(traced).toEqual([]);
  });

  it('an English rendering the glossary does not use, or a term left out', () => {
    const m = messages(
      withFile('tour.json', (stops) => {
        stops[3].caption.en = stops[3].caption.en.replace('firms above designated size', 'sizeable firms');
      }),
    );
    expect(m).toContain(
      'tour.json: stop 4 "chemical-park": caption.en: the Chinese says "规上": the glossary\'s English is "above designated size" (Statistical term: industrial firms with annual main-business revenue of 20 million yuan or more.)',
    );
    expect(m).toContain(
      'tour.json: stop 4 "chemical-park": caption.en: "sizeable" is not used for 规上: the glossary\'s English is "above designated size"',
    );
  });

  it('a number in the tour with no record', () => {
    const m = messages(
      withFile('tour.json', (stops) => {
        stops[5].notes.zh += '两处距县城约250公里。';
      }),
    );
    expect(m).toContain(
      'tour.json: stop 6 "enclaves": notes.zh: 250 (…公) has no record in figures.json: add it with its source, or as the dashboard\'s own measure (origin "dashboard")',
    );
  });

  it('reports every problem in one run', () => {
    const files = withFile('sites/devzone.geojson', (fc) => {
      site(fc, 'devzone-west').properties.layer = 'nope';
      site(fc, 'devzone-west').geometry.coordinates[0].pop();
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

describe('check:geodata holds precision and wording (#35)', () => {
  it('coordinates written finer than the placement knows them', () => {
    const m = messages(
      withFile('sites/devzone.geojson', (fc) => {
        site(fc, 'kan-special-materials').geometry.coordinates = [119.27512, 28.59123];
      }),
    );
    expect(m).toEqual([
      'sites/devzone.geojson: feature "kan-special-materials": geometry.coordinates: 5 decimals claim a precision the placement lacks: "indicative" allows 3 (about 100 m)',
    ]);
  });

  it('a relative date in a caption', () => {
    const m = messages(
      withFile('tour.json', (stops) => {
        stops.find((s: any) => s.id === 'devzone').caption.zh = stops
          .find((s: any) => s.id === 'devzone')
          .caption.zh.replace('2022年全县', '去年全县');
      }),
    );
    expect(m.some((x) => x.startsWith('tour.json: stop 2 "devzone": caption.zh: "去年" dates the text from when it was written'))).toBe(
      true,
    );
    const en = messages(
      withFile('sites/enclaves.geojson', (fc) => {
        site(fc, 'enclave-tongxiang').properties.description.en += ' It broke ground last year.';
      }),
    );
    expect(en).toContain(
      'sites/enclaves.geojson: feature "enclave-tongxiang": description.en: "last year" dates the text from when it was written: name the year (2022)',
    );
  });

  it('a number in one language only', () => {
    const m = messages(
      withFile('tour.json', (stops) => {
        const s = stops.find((x: any) => x.id === 'projects');
        s.caption.en = s.caption.en.replace('46.884 billion', '46.9 billion');
      }),
    );
    expect(m).toContain('tour.json: stop 5 "projects": caption.en: the Chinese states 46884000000, the English does not');
    expect(m).toContain('tour.json: stop 5 "projects": caption.zh: the English states 46900000000, the Chinese does not');
  });
});

describe('rankings are checked against the quote', () => {
  it('a ranking not in the quote, or with another place', () => {
    const m = messages(
      withFile('figures.json', (list) => {
        const gdp = list.find((f: any) => f.id === 'gdp');
        gdp.ranks[0].place = 1;
        gdp.ranks[1].written = '山区26县第一';
      }),
    );
    expect(m).toContain('figures.json: figure "gdp": ranks[0].written: "全市第二" does not say place 1 (第一)');
    expect(m).toContain('figures.json: figure "gdp": ranks[1].written: "山区26县第一" is not in the quote');
  });
});
