import { describe, expect, it } from 'vitest';
import { clauseWith, yearsOfQuote } from '../../scripts/lib/check-geodata';
import { isRecorded, statedNumbers } from '../../scripts/lib/check-wording';
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
