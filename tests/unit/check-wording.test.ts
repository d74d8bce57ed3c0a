import { describe, expect, it } from 'vitest';
import { clauseWith, yearsOfQuote } from '../../scripts/lib/check-geodata';
import { checkNumberParity, isRecorded, quantities, statedNumbers } from '../../scripts/lib/check-wording';
import { figures } from '../../src/data/geodata';

describe('wording rules of the data check', () => {
  it('reads the numbers of a Chinese text with their units, leaving out dates and names', () => {
    expect(statedNumbers('2022年地区生产总值172.75亿元，增速居山区26县第四', ['山区26县'])).toEqual([{ n: 172.75, unit: '亿' }]);
    expect(statedNumbers('2020年12月14日签约11家；距县城35至41公里')).toEqual([
      { n: 11, unit: '家' },
      { n: 35, unit: '公' },
      { n: 41, unit: '公' },
    ]);
    expect(statedNumbers('一两万人口')).toEqual([]);
  });

  it('matches a stated number to a record by value and unit, allowing the rounding of prose', () => {
    expect(isRecorded({ n: 2540, unit: '平' }, figures)).toBe(true); // county area 2539.56 km²
    expect(isRecorded({ n: 70, unit: '家' }, figures)).toBe(true); // 70 digital-economy firms
    expect(isRecorded({ n: 70, unit: '米' }, figures)).toBe(false); // not 70 metres
    expect(isRecorded({ n: 250, unit: '公' }, figures)).toBe(false); // the enclaves are 256 and 280 km away
  });

  it('finds the years a quote names and the clause that holds a value', () => {
    expect([...yearsOfQuote('去年一年，遂昌招引高校毕业生5781名', 2023)]).toEqual([2022]);
    expect([...yearsOfQuote('2022年，遂昌民生支出占…；今年2月4日', 2023)].sort()).toEqual([2022, 2023]);
    expect(clauseWith('“学在遂昌”品牌持续打响，平安建设有望实现“十八连冠”……直抵人心', '十八连冠')).toBe('平安建设有望实现“十八连冠”');
  });
});

describe('the same numbers in both languages', () => {
  it('normalises units, grouping, ordinals, dates and codes', () => {
    expect(quantities('地区生产总值172.75亿元，增速居全市第二、山区26县第四', 'zh')).toEqual([2, 4, 17275000000, 26]);
    expect(quantities('GDP of 17.275 billion yuan, growth 2nd in Lishui and 4th among the 26 mountain counties', 'en')).toEqual([
      17275000000, 2, 4, 26,
    ]);
    expect(quantities('年产12万吨，2020年9月27日开通，5G基站275个，G4012', 'zh')).toEqual([120000, 2020, 275]);
    expect(quantities('120,000 t a year, opened on 27 September 2020, 275 5G base stations, G4012, a 400-million-yuan line', 'en')).toEqual(
      [120000, 2020, 275, 400000000],
    );
    expect(quantities('每个可服务一两万人口', 'zh')).toEqual([10000, 20000]);
  });

  it('words answer for digits, never demand them', () => {
    const pair = (zh: string, en: string) => checkNumberParity([{ file: 'f', where: 'w', field: 'caption', zh, en }]).map((p) => p.message);
    expect(pair('新建5个社区中心', 'five new community centres')).toEqual([]);
    expect(pair('首夺“五水共治”大禹鼎银鼎', 'won the Five Waters silver cauldron')).toEqual([]);
    expect(pair('一般公共预算收入增速全市第一', 'budget revenue grew fastest in Lishui')).toEqual([]);
    expect(pair('新建绿道13.86公里', 'greenways')).toEqual(['the Chinese states 13.86, the English does not']);
  });
});
