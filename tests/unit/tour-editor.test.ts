import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FigureDef, TourStopDef } from '../../src/data/schema';
import { checkTour, MAX_STOPS } from '../../src/data/tourCheck';
import { OverLimit, pipeBytes } from '../../src/lib/streamBytes';
import {
  addStop,
  boundsAround,
  cameraFromView,
  deleteStop,
  duplicateStop,
  freshStopId,
  MAX_FIGURES,
  moveStop,
  toggleFigure,
  toggleIn,
} from '../../src/tour/editor/stopOps';
import { pickText } from '../../src/tour/TourText';
import { decodeTourLink, encodeTourLink, MAX_LINK_CHARS, tourLink } from '../../src/tour/tourLink';

const read = <T>(f: string) => JSON.parse(readFileSync(new URL(`../../geodata/${f}`, import.meta.url), 'utf8')) as T;
const builtIn = read<TourStopDef[]>('tour.json');
const figures = read<FigureDef[]>('figures.json');
const refs = {
  sites: new Set(builtIn.flatMap((s) => s.highlight)),
  layers: new Set(builtIn.flatMap((s) => s.layers)),
  figures,
  sections: new Set(builtIn.map((s) => s.section)),
};
const view = { center: [119.276103, 28.592148] as [number, number], zoom: 12.3456, bearing: 190, pitch: 30.04 };

describe('tour editor: stop operations', () => {
  const three = addStop(addStop(builtIn.slice(0, 1), 0, view, ['devzone'], 'gdp'), 1, view, [], 'gdp');

  it('adds a stop after the current one with the view as its camera and a fresh id', () => {
    expect(three.map((s) => s.id)).toEqual([builtIn[0]!.id, 'stop-1', 'stop-2']);
    expect(three[1]!.camera).toEqual({ center: [119.2761, 28.59215], zoom: 12.35, bearing: -170, pitch: 30 });
    expect(three[1]!.layers).toEqual(['devzone']);
    expect(three[1]!.section).toBe(builtIn[0]!.section);
    expect(addStop(three, -1, view, [], 'gdp')[0]!.id).toBe('stop-3');
  });

  it('duplicates, deletes (never the last) and moves', () => {
    const dup = duplicateStop(three, 1);
    expect(dup.map((s) => s.id)).toEqual([builtIn[0]!.id, 'stop-1', 'stop-3', 'stop-2']);
    expect(dup[2]!.camera).toEqual(dup[1]!.camera);
    expect(dup[2]!.camera).not.toBe(dup[1]!.camera);
    expect(deleteStop(three, 0).map((s) => s.id)).toEqual(['stop-1', 'stop-2']);
    expect(deleteStop(three.slice(0, 1), 0)).toHaveLength(1);
    expect(moveStop(three, 0, 2).map((s) => s.id)).toEqual(['stop-1', 'stop-2', builtIn[0]!.id]);
    expect(moveStop(three, 2, 0).map((s) => s.id)).toEqual(['stop-2', builtIn[0]!.id, 'stop-1']);
    expect(moveStop(three, 0, 5)).toEqual(three);
  });

  it('toggles in the given order, figures within one to four', () => {
    expect(toggleIn(['b'], 'a', ['a', 'b', 'c'])).toEqual(['a', 'b']);
    expect(toggleIn(['a', 'b'], 'a', ['a', 'b', 'c'])).toEqual(['b']);
    let f = ['gdp'];
    for (const id of ['a', 'b', 'c', 'd', 'e']) f = toggleFigure(f, id);
    expect(f).toHaveLength(MAX_FIGURES);
    expect(toggleFigure(['gdp'], 'gdp')).toEqual(['gdp']);
    expect(toggleFigure(['gdp', 'a'], 'gdp')).toEqual(['a']);
  });

  it('frames points with a margin, and ids are fresh', () => {
    expect(boundsAround([])).toBeNull();
    const b = boundsAround([
      [119, 28],
      [119.1, 28.2],
    ])!;
    expect(b[0]).toBeLessThan(119);
    expect(b[3]).toBeGreaterThan(28.2);
    expect(freshStopId([{ id: 'stop-1' } as TourStopDef])).toBe('stop-2');
    expect(cameraFromView({ ...view, bearing: -181 }).bearing).toBe(179);
  });
});

describe('tour check (the data check and the import share it)', () => {
  it('passes the built-in tour and a tour made in the editor', () => {
    expect(checkTour(builtIn, refs).problems).toEqual([]);
    const mine = addStop(builtIn.slice(0, 1), 0, view, ['devzone'], 'gdp');
    mine[1]!.title = { zh: '开发区', en: '' };
    mine[1]!.caption = { zh: '', en: 'The zone' };
    expect(checkTour(mine, refs).problems).toEqual([]);
  });

  it('names the stop and the field of each problem', () => {
    const bad = structuredClone(builtIn.slice(0, 3)) as unknown as Record<string, unknown>[];
    (bad[0] as { highlight: string[] }).highlight = ['nowhere'];
    (bad[1] as { figures: string[] }).figures = ['no-such-figure'];
    (bad[2] as { camera: { zoom: number } }).camera.zoom = 40;
    (bad[2] as { title: { zh: string; en: string } }).title = { zh: '', en: ' ' };
    const { problems } = checkTour(bad, refs);
    expect(problems).toContainEqual({ where: `stop 1 "${builtIn[0]!.id}"`, field: 'highlight', message: 'no site "nowhere"' });
    expect(problems).toContainEqual({ where: `stop 2 "${builtIn[1]!.id}"`, field: 'figures', message: 'no figure "no-such-figure"' });
    expect(problems.find((p) => p.field === 'camera.zoom')?.where).toBe(`stop 3 "${builtIn[2]!.id}"`);
    expect(problems.find((p) => p.field === 'title')?.message).toBe('needs Chinese or English');
  });

  it('refuses what is not a tour, duplicates, prospects and too many stops', () => {
    expect(checkTour({ stops: [] }, refs).problems[0]?.message).toBe('a tour is a list of stops');
    expect(checkTour([], refs).problems[0]?.message).toBe('the tour has no stops');
    const twice = [builtIn[0], builtIn[0]];
    expect(checkTour(twice, refs).problems.map((p) => p.field)).toContain('id');
    const prospect = figures.find((f) => f.kind === 'prospect');
    if (prospect) {
      const p = [{ ...builtIn[0], figures: [prospect.id] }];
      expect(checkTour(p, refs).problems[0]?.message).toContain('prospect');
    }
    const long = Array.from({ length: MAX_STOPS + 1 }, (_, i) => ({ ...builtIn[0], id: `s-${i}` }));
    expect(checkTour(long, refs).problems[0]?.message).toBe(`${MAX_STOPS + 1} stops, at most ${MAX_STOPS}`);
  });
});

describe('tour link', () => {
  it('round-trips a tour, and refuses a truncated or tampered one', async () => {
    const value = await encodeTourLink(builtIn.slice(0, 3));
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeTourLink(value)).toEqual(builtIn.slice(0, 3));
    await expect(decodeTourLink(value.slice(0, value.length / 2))).rejects.toThrow();
    await expect(decodeTourLink(`${value.slice(0, 10)}!${value.slice(11)}`)).rejects.toThrow();
    await expect(decodeTourLink('AAAA')).rejects.toThrow();
  });

  it('refuses a link that inflates past 512 kB (a deflate bomb in an address)', async () => {
    const json = new TextEncoder().encode(JSON.stringify([{ id: 'x', notes: 'a'.repeat(600 * 1024) }]));
    const value = Buffer.from(await pipeBytes(json, new CompressionStream('deflate-raw'))).toString('base64url');
    expect(value.length).toBeLessThan(MAX_LINK_CHARS);
    await expect(decodeTourLink(value)).rejects.toBeInstanceOf(OverLimit);
  });

  it('offers a link for a short tour, refuses one over the limit with its length', async () => {
    const short = await tourLink(builtIn.slice(0, 3), 'http://localhost:4173/?site=x#y');
    expect('url' in short && new URL(short.url).searchParams.get('tour')).toBe('1');
    expect('url' in short && short.url.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    // The built-in tour (11 stops, bilingual captions and notes) fits; with as many stops again of new text it does not.
    expect('url' in (await tourLink(builtIn, 'http://localhost:4173/'))).toBe(true);
    const rev = (t: string) => [...t].reverse().join('');
    const more = builtIn.map((s) => ({
      ...s,
      id: `${s.id}-2`,
      notes: { zh: rev(s.notes.zh), en: rev(s.notes.en) },
      caption: { zh: rev(s.caption.zh), en: rev(s.caption.en) },
    }));
    const all = await tourLink([...builtIn, ...more], 'http://localhost:4173/');
    expect('tooLong' in all && all.tooLong).toBeGreaterThan(MAX_LINK_CHARS);
  });
});

describe('tour text in one language', () => {
  it('shows the other language, marked, where one is empty', () => {
    expect(pickText({ zh: '开发区', en: '' }, 'en')).toEqual({ text: '开发区', lang: 'zh', fallback: true });
    expect(pickText({ zh: '开发区', en: 'Zone' }, 'en')).toEqual({ text: 'Zone', lang: 'en', fallback: false });
    expect(pickText({ zh: '', en: '' }, 'zh').fallback).toBe(false);
  });
});
