import { describe, expect, it } from 'vitest';
import {
  CATEGORY_COLORS,
  categoryStyle,
  classOf,
  colorExpression,
  fieldsOf,
  graduatedStyle,
  hasOthers,
  isActive,
  legendOf,
  MAX_CATEGORIES,
  matches,
  OTHER_COLOR,
} from '../../src/layers/style';

const f = (properties: Record<string, string | number | null>) => ({ properties });
const landUse = ['工业用地', '工业用地', '居住用地', '商业用地', '工业用地', '居住用地'].map((v, i) => f({ 用地性质: v, 面积: i * 10 }));

describe('style by attribute', () => {
  it('reads the fields and whether they hold numbers', () => {
    expect(fieldsOf(landUse)).toEqual([
      { name: '用地性质', numeric: false },
      { name: '面积', numeric: true },
    ]);
  });

  it('categories: the most common values first, a colour each, the rest 其他', () => {
    const s = categoryStyle(landUse, '用地性质');
    expect(s.classes.map((c) => c.value)).toEqual(['工业用地', '居住用地', '商业用地']);
    expect(s.classes[0]?.color).toBe(CATEGORY_COLORS[0]);
    const many = Array.from({ length: 15 }, (_, i) => f({ k: `v${i}` }));
    const capped = categoryStyle(many, 'k');
    expect(capped.classes).toHaveLength(MAX_CATEGORIES);
    expect(hasOthers(capped, many)).toBe(true);
    expect(legendOf(capped, 'zh').at(-1)).toEqual({ color: OTHER_COLOR, label: '其他' });
    expect(legendOf(s, 'en', hasOthers(s, landUse)).map((r) => r.label)).toEqual(['工业用地', '居住用地', '商业用地']);
    expect(colorExpression(s)).toEqual([
      'match',
      ['to-string', ['coalesce', ['get', '用地性质'], '']],
      '工业用地',
      CATEGORY_COLORS[0],
      '居住用地',
      CATEGORY_COLORS[1],
      '商业用地',
      CATEGORY_COLORS[2],
      OTHER_COLOR,
    ]);
  });

  it('graduated numbers: quantile classes on the ramp, and each value in the class the map paints it in', () => {
    const nums = Array.from({ length: 100 }, (_, i) => f({ n: i }));
    const s = graduatedStyle(nums, 'n');
    expect(s.classes).toHaveLength(5);
    expect(s.classes[0]).toMatchObject({ min: 0, max: 20 });
    expect(s.classes.at(-1)).toMatchObject({ min: 80, max: 99 });
    expect(classOf(s, 0)).toBe(0);
    expect(classOf(s, 19.9)).toBe(0);
    expect(classOf(s, 20)).toBe(1);
    expect(classOf(s, 99)).toBe(4);
    expect(classOf(s, 100)).toBe(-1);
    expect(classOf(s, '12')).toBe(-1);
    const expr = colorExpression(s) as unknown[];
    expect(expr[0]).toBe('case');
    expect((expr[2] as unknown[])[0]).toBe('step');
    expect(legendOf(s, 'en', false)[0]).toEqual({ color: s.classes[0]?.color, label: '0 – 20' });
    // Two distinct values: two classes, not five empty ones.
    expect(graduatedStyle([f({ n: 1 }), f({ n: 1 }), f({ n: 5 })], 'n').classes).toHaveLength(2);
    expect(graduatedStyle([f({ n: 'x' })], 'n').classes).toEqual([]);
  });
});

describe('filter', () => {
  it('text in any attribute, a value of a field, a range', () => {
    expect(matches({ 用地性质: '工业用地', 面积: 30 }, { text: '工业' })).toBe(true);
    expect(matches({ 用地性质: '居住用地' }, { text: '工业' })).toBe(false);
    expect(matches({ 用地性质: '居住用地' }, { field: '用地性质', values: ['居住用地'] })).toBe(true);
    expect(matches({ 用地性质: '工业用地' }, { field: '用地性质', values: ['居住用地'] })).toBe(false);
    expect(matches({ 面积: 30 }, { field: '面积', min: 10, max: 30 })).toBe(true);
    expect(matches({ 面积: 31 }, { field: '面积', max: 30 })).toBe(false);
    expect(matches({ 面积: '30' }, { field: '面积', min: 0 })).toBe(false);
    expect(isActive({ field: '面积' })).toBe(false);
    expect(isActive({ text: '  ' })).toBe(false);
    expect(isActive({ field: '面积', min: 0 })).toBe(true);
  });
});
