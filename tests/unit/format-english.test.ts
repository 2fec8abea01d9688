// English number formatting for the English edition, checked with real published figures
// (../shared/reference/official-figures.csv and reform-figures.csv).
import { describe, expect, it } from 'vitest';
import { formatNumberEn, formatValueEn, groupThousands, restatementFactor, shiftDecimal, unitLabelEn } from '../../src/shared/format/english.ts';
import { MINUS } from '../../src/shared/format/tick.ts';

describe('shiftDecimal', () => {
  it('moves the point without rounding, keeping the published digits', () => {
    expect(shiftDecimal('136131', 2)).toBe('1361.31');
    expect(shiftDecimal('90575.8', 1)).toBe('9057.58');
    expect(shiftDecimal('5.30', 2)).toBe('0.0530');
    expect(shiftDecimal('8.0209', -2)).toBe('802.09');
    expect(shiftDecimal('13.6', -2)).toBe('1360');
    expect(shiftDecimal('0.5', 3)).toBe('0.0005');
    expect(shiftDecimal('-12.5', 1)).toBe(`${MINUS}1.25`);
    expect(shiftDecimal('-0.00', 1)).toBe('0.000');
  });
});

describe('groupThousands and formatNumberEn', () => {
  it('groups the whole part only', () => {
    expect(groupThousands('1361.31')).toBe('1,361.31');
    expect(groupThousands('140828')).toBe('140,828');
    expect(groupThousands('999')).toBe('999');
    expect(groupThousands('1234567.12345')).toBe('1,234,567.12345');
    expect(groupThousands(`${MINUS}1234.5`)).toBe(`${MINUS}1,234.5`);
  });
  it('keeps the published decimals and a true minus sign', () => {
    expect(formatNumberEn(79.0, 1)).toBe('79.0');
    expect(formatNumberEn(-0.99, 2)).toBe(`${MINUS}0.99`);
    expect(formatNumberEn(-0, 2)).toBe('0.00');
    expect(formatNumberEn(19980.39, 2)).toBe('19,980.39');
  });
});

describe('formatValueEn', () => {
  it('restates 万 and 亿 counts exactly in millions and billions', () => {
    expect(formatValueEn(136131, 0, '万人', '10,000 persons')).toBe('1,361.31 million people'); // 2020年参保人数
    expect(formatValueEn(140828, 0, '万人', '10,000 persons')).toBe('1,408.28 million people');
    expect(formatValueEn(90575.8, 1, '亿元', '100 million yuan')).toBe('9,057.58 billion yuan'); // 2023年卫生总费用
    expect(formatValueEn(8.0209, 4, '亿人', '100 million persons')).toBe('802.09 million people');
    expect(formatValueEn(95.5, 1, '亿人次', '100 million visits')).toBe('9.55 billion visits');
  });
  it('writes rates with the catalog unit and % attached', () => {
    expect(formatValueEn(6.77, 2, '‰', 'per 1,000 population')).toBe('6.77 per 1,000 population');
    expect(formatValueEn(14.3, 1, '1/10万', 'per 100,000 live births')).toBe('14.3 per 100,000 live births');
    expect(formatValueEn(99.9, 1, '%', 'per cent')).toBe('99.9%');
    expect(formatValueEn(78.6, 1, '岁', 'years')).toBe('78.6 years');
    // exactly one takes the singular; 1.0 (a stated decimal) and other numbers keep the plural
    expect(formatValueEn(1, 0, '岁', 'years')).toBe('1 year');
    expect(formatValueEn(1, 1, '岁', 'years')).toBe('1.0 years');
    expect(formatValueEn(1, 0, '种', 'drugs')).toBe('1 drug');
    expect(formatValueEn(-0.99, 2, '‰', 'per 1,000 population')).toBe(`${MINUS}0.99 per 1,000 population`);
  });
  it('labels axes with the restated unit and scales their values by the same factor', () => {
    expect(unitLabelEn('万人', '10,000 persons')).toBe('million people');
    expect(unitLabelEn('%', 'per cent')).toBe('%');
    expect(unitLabelEn('‰', 'per 1,000 population')).toBe('per 1,000 population');
    expect(136131 * restatementFactor('万人')).toBeCloseTo(1361.31, 10);
    expect(8.0209 * restatementFactor('亿人')).toBeCloseTo(802.09, 10);
    expect(restatementFactor('‰')).toBe(1);
  });
});

describe('English words in the shape of the Chinese ones', () => {
  it('phrases a change with the movement first, in percentage points', async () => {
    const { en } = await import('../../src/shared/i18n/en.ts');
    const { formatChange } = await import('../../src/shared/format/change.ts');
    const v2024 = { year: 2024, value: 6.39, decimals: 2 };
    const v2023 = { year: 2023, value: 6.77, decimals: 2 };
    expect(formatChange(v2024, v2023, '‰', en)).toBe('down 0.38 points per 1,000 on the previous year');
    expect(formatChange({ year: 2024, value: 95.5, decimals: 1 }, { year: 2020, value: 95.0, decimals: 1 }, '%', en)).toBe(
      'up 0.5 percentage points since 2020',
    );
    expect(formatChange(v2023, { ...v2023, year: 2022 }, '‰', en)).toBe('unchanged on the previous year');
    expect(en.date(2016, 10)).toBe('October 2016');
    expect(en.date(2025, 1, 17)).toBe('17 January 2025');
  });
});
