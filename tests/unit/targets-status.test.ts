// The status rule (src/shared/targets/status.ts): each comparator, and the edge cases the scorecard page
// explains: met at baseline, 左右, a series break, a target year with no actual yet, baseline missing, bounds.
import { describe, expect, it } from 'vitest';
import { impliedLevel, targetStatus, type StatusTarget, type Actual } from '../../src/shared/targets/status.ts';

const base: StatusTarget = {
  comparator: '>=',
  value: 95,
  baseline: { year: 2015, value: 90 },
  targetYear: 2020,
  issuedYear: 2016,
  drawable: true,
  hasSeries: true,
};
const t = (over: Partial<StatusTarget>): StatusTarget => ({ ...base, ...over });
const a = (year: number, value: number, comparator?: string): Actual => ({ year, value, ...(comparator ? { comparator } : {}) });

describe('target status', () => {
  it('>=: met or not met on the actual of the target year, whatever came later', () => {
    expect(targetStatus(base, [a(2020, 95), a(2021, 90)], [], 2026).status).toBe('met');
    expect(targetStatus(base, [a(2020, 94.9), a(2021, 99)], [], 2026)).toMatchObject({ status: 'not-met', judgedOn: { year: 2020, value: 94.9 } });
  });

  it('> and < are strict; <= is not', () => {
    expect(targetStatus(t({ comparator: '>' }), [a(2020, 95)], [], 2026).status).toBe('not-met');
    expect(targetStatus(t({ comparator: '<', value: 25, baseline: { year: 2015, value: 27.7 } }), [a(2020, 25)], [], 2026).status).toBe('not-met');
    expect(targetStatus(t({ comparator: '<=', value: 25, baseline: { year: 2015, value: 27.7 } }), [a(2020, 25)], [], 2026).status).toBe('met');
  });

  it('before the target year: on or off the straight path from baseline to target at the latest year', () => {
    const target = t({ targetYear: 2030, value: 30, baseline: { year: 2020, value: 20 } });
    // Path at 2025 = 25.
    expect(targetStatus(target, [a(2025, 25)], [], 2026)).toMatchObject({ status: 'on-track', pathValue: 25 });
    expect(targetStatus(target, [a(2025, 24.9)], [], 2026)).toMatchObject({ status: 'off-track', pathValue: 25 });
  });

  it('<= before the target year: at or below the path is on track', () => {
    const target = t({ comparator: '<=', targetYear: 2030, value: 12, baseline: { year: 2015, value: 20.1 } });
    const at2024 = 20.1 + ((12 - 20.1) * 9) / 15;
    expect(targetStatus(target, [a(2024, 14.3)], [], 2026)).toMatchObject({ status: 'on-track' });
    expect(targetStatus(target, [a(2024, at2024 + 0.1)], [], 2026).status).toBe('off-track');
  });

  it('= is reach-or-pass in the direction from baseline to target', () => {
    const up = t({ comparator: '=', direction: 'up', value: 77.3, baseline: { year: 2015, value: 76.34 } });
    expect(targetStatus(up, [a(2020, 77.93)], [], 2026).status).toBe('met');
    const down = t({ comparator: '=', direction: 'down', value: 7.5, baseline: { year: 2015, value: 8.1 } });
    expect(targetStatus(down, [a(2020, 5.4)], [], 2026).status).toBe('met');
    expect(targetStatus(down, [a(2020, 7.6)], [], 2026).status).toBe('not-met');
  });

  it('左右: within the tolerance, by default 5% of the target value, or the tolerance recorded', () => {
    const about = t({ comparator: '~', value: 28, baseline: { year: 2015, value: 29.3 } });
    expect(targetStatus(about, [a(2020, 29.4)], [], 2026)).toMatchObject({ status: 'met', tolerance: 1.4 });
    expect(targetStatus(about, [a(2020, 26.5)], [], 2026).status).toBe('not-met');
    expect(targetStatus({ ...about, tolerance: 0.5 }, [a(2020, 29.4)], [], 2026).status).toBe('not-met');
  });

  it('met at baseline: a target already reached stays on track even below the path', () => {
    // Baseline 96 already above 95; the path falls from 96 to 95, and 95.2 is below it at 2018 (95.4).
    const target = t({ baseline: { year: 2015, value: 96 } });
    expect(targetStatus(target, [a(2018, 95.2)], [], 2019)).toMatchObject({ status: 'on-track' });
  });

  it('a series break after the baseline gives series-break instead of a status', () => {
    expect(targetStatus(base, [a(2020, 96)], [2019], 2026)).toMatchObject({ status: 'series-break', breakYear: 2019 });
    // A break at or before the baseline year does not matter.
    expect(targetStatus(base, [a(2020, 96)], [2015], 2026).status).toBe('met');
    // Without a baseline the plan's year of issue is the reference.
    expect(targetStatus(t({ baseline: undefined }), [a(2020, 96)], [2017], 2026).status).toBe('series-break');
  });

  it('a target year that has passed with no actual yet is no-data, never judged on another year', () => {
    expect(targetStatus(t({ targetYear: 2025 }), [a(2024, 99)], [], 2026)).toMatchObject({ status: 'no-data', reason: 'target-year-missing' });
    // A gap: values before and after the target year, none for it.
    expect(targetStatus(base, [a(2019, 99), a(2021, 99)], [], 2026).status).toBe('no-data');
    expect(targetStatus(base, [], [], 2026)).toMatchObject({ status: 'no-data', reason: 'no-actual' });
  });

  it('baseline missing: no path, so reached = on track, otherwise not assessed', () => {
    const target = t({ baseline: undefined, targetYear: 2030, value: 30 });
    expect(targetStatus(target, [a(2025, 33.7)], [], 2026)).toMatchObject({ status: 'on-track', reason: 'no-baseline-reached' });
    expect(targetStatus(target, [a(2025, 25)], [], 2026)).toMatchObject({ status: 'not-assessed', reason: 'no-baseline-not-reached' });
  });

  it('no actual since the baseline year is no-data', () => {
    expect(targetStatus(t({ targetYear: 2030 }), [a(2015, 90)], [], 2026)).toMatchObject({ status: 'no-data', reason: 'nothing-since-baseline' });
  });

  it('actuals published as bounds: judged only when the whole range is on one side', () => {
    // "95%以上" against >= 95: every value in [95, ∞) passes.
    expect(targetStatus(base, [a(2020, 95, '>=')], [], 2026).status).toBe('met');
    // "95%以上" against >= 97: part of the range passes, part fails.
    expect(targetStatus(t({ value: 97 }), [a(2020, 95, '>=')], [], 2026)).toMatchObject({ status: 'not-assessed', reason: 'bound-undecided' });
    // "10%以下" against <= 12: all of (-∞, 10] passes.
    expect(targetStatus(t({ comparator: '<=', value: 12, baseline: undefined }), [a(2020, 10, '<=')], [], 2026).status).toBe('met');
    // An approximate value ("约95%") is taken at its value.
    expect(targetStatus(base, [a(2020, 95, '~')], [], 2026).status).toBe('met');
  });

  // hostile25: the ends were tested as values, so a strict bound equal to the level was 'not-assessed' both ways.
  it('a strict bound at the level: its open end decides', () => {
    const at = (comparator: StatusTarget['comparator'], actual: string, over: Partial<StatusTarget> = {}) =>
      targetStatus(t({ comparator, baseline: undefined, ...over }), [a(2020, 95, actual)], [], 2026).status;
    // 超过95% against 超过95%: every value in (95, ∞) passes; against 不低于95% too.
    expect(at('>', '>')).toBe('met');
    expect(at('>=', '>')).toBe('met');
    expect(at('=', '>', { direction: 'up' })).toBe('met');
    // 低于95% against 不低于95% or 超过95%: every value in (-∞, 95) fails.
    expect(at('>=', '<')).toBe('not-met');
    expect(at('>', '<')).toBe('not-met');
    expect(at('>', '<=')).toBe('not-met');
    // 低于95 against 低于95 passes; 超过95 against 不高于95 fails.
    expect(at('<', '<')).toBe('met');
    expect(at('<=', '>')).toBe('not-met');
    expect(at('=', '>', { direction: 'down' })).toBe('not-met');
    // closed ends that straddle stay undecided: 95以下 against 不低于95 may be 95.
    expect(at('>=', '<=')).toBe('not-assessed');
    expect(at('<=', '>=')).toBe('not-assessed');
    // 左右: "超过 105" lies wholly outside 100 ± 5.
    expect(targetStatus(t({ comparator: '~', value: 100, tolerance: 5, baseline: undefined }), [a(2020, 105, '>')], [], 2026).status).toBe('not-met');
    expect(targetStatus(t({ comparator: '~', value: 100, tolerance: 5, baseline: undefined }), [a(2020, 105, '>=')], [], 2026).status).toBe(
      'not-assessed',
    );
  });

  it('qualitative, relative, not drawable and no series are not assessed', () => {
    expect(targetStatus(t({ comparator: 'qualitative', value: undefined }), [a(2020, 1)], [], 2026).reason).toBe('qualitative');
    expect(targetStatus(t({ comparator: 'relative', value: undefined }), [a(2020, 1)], [], 2026).reason).toBe('relative');
    expect(targetStatus(t({ drawable: false }), [a(2020, 99)], [], 2026)).toMatchObject({ status: 'not-assessed', reason: 'not-drawable' });
    expect(targetStatus(t({ hasSeries: false }), [], [], 2026)).toMatchObject({ status: 'not-assessed', reason: 'no-series' });
  });

  describe('relative targets (rule 1a): the level implied by the published baseline value', () => {
    // 比2015年降低10%: 18.5 -> 16.65; 提高3个百分点: 90 -> 93; the baseline value always comes from the actuals.
    const pct = t({
      comparator: 'relative',
      value: undefined,
      baseline: undefined,
      baselineYear: 2015,
      change: { by: 'percent', amount: 10, direction: 'down' },
    });
    const pts = t({
      comparator: 'relative',
      value: undefined,
      baseline: undefined,
      baselineYear: 2015,
      change: { by: 'units', amount: 3, direction: 'up' },
    });

    it('implied level: percent of the baseline value or units of the series, rounded only against float noise', () => {
      expect(impliedLevel(18.5, { by: 'percent', amount: 10, direction: 'down' })).toBe(16.65);
      expect(impliedLevel(18.5, { by: 'percent', amount: 30, direction: 'down' })).toBe(12.95);
      expect(impliedLevel(76.34, { by: 'units', amount: 1, direction: 'up' })).toBe(77.34);
      expect(impliedLevel(40, { by: 'percent', amount: 15, direction: 'up' })).toBe(46);
    });

    it('met and not met on the target year, against the implied level', () => {
      expect(targetStatus(pct, [a(2015, 18.5), a(2020, 16.65)], [], 2026)).toMatchObject({ status: 'met', impliedValue: 16.65, baselineValue: 18.5 });
      expect(targetStatus(pct, [a(2015, 18.5), a(2020, 16.7)], [], 2026)).toMatchObject({ status: 'not-met', impliedValue: 16.65 });
      expect(targetStatus(pts, [a(2015, 90), a(2020, 93)], [], 2026)).toMatchObject({ status: 'met', impliedValue: 93 });
      expect(targetStatus(pts, [a(2015, 90), a(2020, 92.9)], [], 2026).status).toBe('not-met');
    });

    it('on or off track on the path from the published baseline to the implied level', () => {
      const later = { ...pct, targetYear: 2025 };
      // Path at 2020 from 20 (2015) to 18 (2025): 19.
      expect(targetStatus(later, [a(2015, 20), a(2020, 19)], [], 2021)).toMatchObject({ status: 'on-track', pathValue: 19, impliedValue: 18 });
      expect(targetStatus(later, [a(2015, 20), a(2020, 19.1)], [], 2021)).toMatchObject({ status: 'off-track', pathValue: 19 });
    });

    it('the series value at the baseline year wins over a value typed in the data', () => {
      const typed = { ...pts, baseline: { year: 2015, value: 80 } };
      expect(targetStatus(typed, [a(2015, 90), a(2020, 92)], [], 2026)).toMatchObject({ status: 'not-met', impliedValue: 93, baselineValue: 90 });
    });

    it('baseline year not in the series: no data, saying so; never a guessed baseline', () => {
      expect(targetStatus(pts, [a(2011, 95), a(2020, 97)], [], 2026)).toMatchObject({
        status: 'no-data',
        reason: 'baseline-missing',
        baselineYear: 2015,
      });
      expect(targetStatus(pts, [a(2011, 95), a(2020, 97)], [], 2026).impliedValue).toBeUndefined();
    });

    it('a baseline published as a bound is not converted', () => {
      expect(targetStatus(pts, [a(2015, 95, '>='), a(2020, 99)], [], 2026)).toMatchObject({ status: 'not-assessed', reason: 'baseline-bound' });
    });

    it('a series break after the baseline gives series-break, as for any target', () => {
      expect(targetStatus(pct, [a(2015, 18.5), a(2020, 16)], [2018], 2026)).toMatchObject({ status: 'series-break', breakYear: 2018 });
      expect(targetStatus(pct, [a(2015, 18.5), a(2020, 16)], [2015], 2026).status).toBe('met');
    });

    it('左右 (about) keeps the default tolerance of the implied level; no recorded change stays not assessed', () => {
      const about = { ...pts, change: { by: 'units' as const, amount: 1, direction: 'up' as const, about: true } };
      // 76 + 1 = 77, tolerance 5% = 3.85.
      expect(targetStatus(about, [a(2015, 76), a(2020, 74)], [], 2026)).toMatchObject({ status: 'met', tolerance: 3.85 });
      expect(targetStatus({ ...pts, change: undefined }, [a(2015, 90), a(2020, 93)], [], 2026)).toMatchObject({
        status: 'not-assessed',
        reason: 'relative',
      });
      expect(targetStatus({ ...pts, drawable: false }, [a(2015, 90), a(2020, 93)], [], 2026).reason).toBe('not-drawable');
    });
  });
});
