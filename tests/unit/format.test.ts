import { describe, expect, it } from 'vitest';
import { formatChange, formatDistance, formatNumber, formatPeriod, formatValue } from '../../src/i18n/format';

const fig = (value: number | [number, number], zh: string, en: string) => ({ value, unit: { zh, en } });

describe('number and unit formatting', () => {
  it('writes Chinese figures as the article does', () => {
    expect(formatValue(fig(172.75, '亿元', '100 million yuan'), 'zh')).toEqual({ value: '172.75', unit: '亿元' });
    expect(formatValue(fig(6789.38, '万元', '10,000 yuan'), 'zh')).toEqual({ value: '6789.38', unit: '万元' });
    expect(formatValue(fig(194385, '人', 'people'), 'zh').value).toBe('194,385');
    expect(formatValue(fig([1, 2], '万人', '10,000 people'), 'zh')).toEqual({ value: '1–2', unit: '万人' });
  });

  it('renders Chinese units in English terms', () => {
    expect(formatValue(fig(172.75, '亿元', '100 million yuan'), 'en')).toEqual({ value: '17.275', unit: 'billion yuan' });
    expect(formatValue(fig(4, '亿元', '100 million yuan'), 'en')).toEqual({ value: '400', unit: 'million yuan' });
    expect(formatValue(fig(1200, '万元', '10,000 yuan'), 'en')).toEqual({ value: '12', unit: 'million yuan' });
    expect(formatValue(fig(28, '万平方米', '10,000 m²'), 'en')).toEqual({ value: '280,000', unit: 'm²' });
    expect(formatValue(fig(1.72, '万人', '10,000 people'), 'en')).toEqual({ value: '17,200', unit: 'people' });
    expect(formatValue(fig([1, 2], '万人', '10,000 people'), 'en')).toEqual({ value: '10,000–20,000', unit: 'people' });
    expect(formatValue(fig(12, '万吨', '10,000 tonnes'), 'en')).toEqual({ value: '120,000', unit: 'tonnes' });
    expect(formatValue(fig(1631, '亩', 'mu'), 'en')).toEqual({ value: '1,631', unit: 'mu', aside: '≈ 108.7 ha' });
    // One style per language: English groups every thousand, as its prose does; Chinese from five digits.
    expect(formatNumber(5781, 'en')).toBe('5,781');
    expect(formatNumber(5781, 'zh')).toBe('5781');
    expect(formatValue(fig(19, '家', 'firms'), 'en')).toEqual({ value: '19', unit: 'firms' });
  });

  it('shows change with arrow and sign, coloured by each language’s convention', () => {
    expect(formatChange({ value: 5.9, unit: '%', written: '增长5.9%' }, 'zh')).toMatchObject({
      text: '▲ +5.9%',
      direction: 'up',
      tone: 'good-red',
    });
    expect(formatChange({ value: 5.9, unit: '%', written: '增长5.9%' }, 'en')).toMatchObject({
      text: '▲ +5.9%',
      tone: 'good-green',
      label: 'up 5.9%',
    });
    expect(formatChange({ value: -2, unit: '%', written: '下降2%' }, 'zh')).toMatchObject({
      text: '▼ −2%',
      direction: 'down',
      tone: 'bad-green',
    });
    expect(formatChange({ value: -2, unit: '%', written: '下降2%' }, 'en')).toMatchObject({ tone: 'bad-red' });
  });

  it('formats distances and periods', () => {
    expect(formatDistance(0.85, 'zh')).toBe('850 米');
    expect(formatDistance(3.24, 'en')).toBe('3.2 km');
    expect(formatDistance(256.4, 'zh')).toBe('256 公里');
    expect(formatPeriod('2022', 'zh')).toBe('2022年');
    expect(formatPeriod('2022', 'en')).toBe('2022');
    expect(formatPeriod('2023-02-04', 'zh')).toBe('2023年2月4日');
    expect(formatPeriod('2023-02-04', 'en')).toBe('4 Feb 2023');
    expect(formatPeriod('2022年底', 'en')).toBe('end of 2022');
    expect(formatPeriod('2022年7月', 'en')).toBe('Jul 2022');
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.891');
  });
});

describe('rankings', () => {
  it('read as the article writes them, and in English ordinals', async () => {
    const { formatRanks } = await import('../../src/i18n/format');
    const { figures } = await import('../../src/data/geodata');
    const gdp = figures.find((f) => f.id === 'gdp');
    expect(formatRanks(gdp?.ranks ?? [], 'zh')).toBe('增速全市第二、山区26县第四');
    expect(formatRanks(gdp?.ranks ?? [], 'en')).toBe("Growth: 2nd in Lishui, 4th among Zhejiang's 26 mountain counties");
    const low = figures.find((f) => f.ranks?.some((r) => r.of === 'value'));
    expect(formatRanks(low?.ranks ?? [], 'en')).toBe("3rd among Zhejiang's 26 mountain counties, 1st in Lishui");
    // Every figure's rankings are in its own quote.
    for (const f of figures) for (const r of f.ranks ?? []) expect(f.origin === 'article' && f.quote.includes(r.written), f.id).toBe(true);
  });
});
