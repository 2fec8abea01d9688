// The status rule for a plan target, one pure function (explained to readers on /targets/, words in zh.ts):
//
// 1. Not assessed: targets with no series on the site, qualitative targets, relative targets whose change is
//    not recorded, and targets whose definition differs from our series (drawable: false).
// 1a. Relative targets (比2015年降低10%, 提高3个百分点, 提高1岁) become a level from the series' own published
//    value in the baseline year: percent: b * (1 ± amount / 100); units: b ± amount. Then they are an '='
//    target (reach, in the change's direction; '~' when the plan says 左右) with that baseline, and every rule
//    below applies unchanged. No published value in the baseline year: 'no-data' (the note says so); a baseline
//    published only as a bound (95%以上): 'not-assessed'.
// 2. The year judged: the target year if the series has a value for it; otherwise, while the target year is
//    still ahead of the data (target year >= asOfYear, the year of the data release), the latest actual.
//    A target year that has passed without a published value is 'no-data' until the value exists: we never
//    judge a passed target on a later or earlier year.
// 3. Series break: a catalog break in (reference year, judged year] gives 'series-break' instead of a status,
//    the reference year being the baseline year, or the plan's year of issue when there is no baseline.
// 4. Target year reached: 'met' or 'not-met' on the actual of the target year.
//    >= : actual >= value; > : actual > value; <= and < likewise; = : reach or pass in `direction`
//    (up: actual >= value, down: actual <= value); ~ (左右): |actual - value| <= tolerance, the tolerance
//    recorded on the target or by default 5% of the target value.
// 5. Before the target year: 'on-track' or 'off-track' against the straight path from the baseline to the
//    target, at the judged year: path = b + (v - b) * (year - baseline year) / (target year - baseline year),
//    with the same comparison as in 4 applied to the path value (for ~: within the tolerance of the path).
//    An actual that already satisfies the target itself is on track too (a target met at baseline stays so).
//    Without a baseline there is no path: an actual that already satisfies the target is 'on-track',
//    otherwise 'not-assessed'. An actual no later than the baseline year is 'no-data' (nothing since).
// 6. Actuals published as bounds (comparator on the value: "95%以上" is >= 95, "约95%" is ~ 95): a floor or a
//    ceiling stands for every value beyond it (and, for > and <, not the bound itself), and the status is given only when the whole range falls on the
//    same side of the test; otherwise 'not-assessed'. An approximate value (~) is taken at its value.
export type StatedComparator = '>=' | '>' | '<=' | '<' | '=' | '~' | 'relative' | 'qualitative';
import type { TargetStatus } from './types.ts';

export const DEFAULT_TOLERANCE_SHARE = 0.05;

export interface StatusTarget {
  comparator: StatedComparator;
  value?: number;
  direction?: 'up' | 'down';
  tolerance?: number;
  baseline?: { year: number; value: number };
  targetYear: number;
  /** Year the plan was issued: the reference year for breaks when there is no baseline. */
  issuedYear: number;
  /** False for targets whose definition differs from our series. */
  drawable: boolean;
  hasSeries: boolean;
  /** A relative target's change, as worded (see 1a). */
  change?: RelativeChange;
  /** The base year a relative target names when the plan gives no value (比2015年降低30%). */
  baselineYear?: number;
}

export interface RelativeChange {
  by: 'percent' | 'units';
  amount: number;
  direction: 'up' | 'down';
  about?: boolean;
}

export interface Actual {
  year: number;
  value: number;
  /** The published bound, if any: '>=' '>' '<=' '<' '~'. */
  comparator?: string;
}

export type StatusReason =
  | 'qualitative'
  | 'relative'
  | 'no-series'
  | 'not-drawable'
  | 'no-actual'
  | 'target-year-missing'
  | 'nothing-since-baseline'
  | 'break'
  | 'bound-undecided'
  | 'no-baseline-not-reached'
  | 'no-baseline-reached'
  | 'baseline-missing'
  | 'baseline-bound'
  | 'judged';

export interface StatusResult {
  status: TargetStatus;
  reason: StatusReason;
  judgedOn?: Actual;
  pathValue?: number;
  breakYear?: number;
  tolerance?: number;
  /** Relative targets: the level implied by the change, from the series' value in `baselineYear` (`baselineValue`). */
  impliedValue?: number;
  baselineYear?: number;
  baselineValue?: number;
}

/** The tolerance of a ~ (左右) target: as recorded, else 5% of the target value. */
export function toleranceOf(target: Pick<StatusTarget, 'comparator' | 'value' | 'tolerance'>): number | undefined {
  if (target.comparator !== '~' || target.value === undefined) return undefined;
  // Rounded so 5% of 28 is 1.4, not 1.4000000000000001.
  return target.tolerance ?? Number((Math.abs(target.value) * DEFAULT_TOLERANCE_SHARE).toPrecision(12));
}

/** The values an actual may stand for: from lo to hi, each end open when the bound is strict (超过 95: > 95). */
interface Range {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

function actualRange(a: Actual): Range {
  if (a.comparator === '>=' || a.comparator === '>') return { lo: a.value, hi: Infinity, loOpen: a.comparator === '>', hiOpen: true };
  if (a.comparator === '<=' || a.comparator === '<') return { lo: -Infinity, hi: a.value, loOpen: true, hiOpen: a.comparator === '<' };
  return { lo: a.value, hi: a.value, loOpen: false, hiOpen: false };
}

/** Whether x passes the test against `level`, for the target's comparator. */
function passes(x: number, level: number, target: StatusTarget, tolerance: number | undefined): boolean {
  switch (target.comparator) {
    case '>=':
      return x >= level;
    case '>':
      return x > level;
    case '<=':
      return x <= level;
    case '<':
      return x < level;
    case '=':
      return target.direction === 'down' ? x <= level : x >= level;
    case '~':
      return Math.abs(x - level) <= (tolerance ?? 0) + 1e-9;
    default:
      return false;
  }
}

/**
 * true / false when the whole range of the actual passes / fails; undefined when a bound straddles the test. The
 * ends count as open or closed: "> 95" against 超过95 passes for sure, "< 95" fails for sure (the ends tested as
 * values gave 'not-assessed' for both).
 */
function decide(actual: Actual, level: number, target: StatusTarget, tolerance: number | undefined): boolean | undefined {
  const { lo, hi, loOpen, hiOpen } = actualRange(actual);
  if (lo === hi) return passes(lo, level, target, tolerance);
  if (target.comparator === '~') {
    // A bound never lies within "about" a level for sure; it fails only if its whole range lies outside.
    const t = tolerance ?? 0;
    if (lo > level + t || (lo === level + t && loOpen) || hi < level - t || (hi === level - t && hiOpen)) return false;
    return undefined;
  }
  const c = target.comparator;
  const atLeast = c === '>=' || c === '>' || (c === '=' && target.direction !== 'down');
  const atMost = c === '<=' || c === '<' || (c === '=' && target.direction === 'down');
  const strict = c === '>' || c === '<';
  if (atLeast) {
    if (lo > level || (lo === level && (!strict || loOpen))) return true;
    if (hi < level || (hi === level && (strict || hiOpen))) return false;
  } else if (atMost) {
    if (hi < level || (hi === level && (!strict || hiOpen))) return true;
    if (lo > level || (lo === level && (strict || loOpen))) return false;
  }
  return undefined;
}

export function pathValueAt(baseline: { year: number; value: number }, value: number, targetYear: number, year: number): number {
  if (targetYear === baseline.year) return value;
  return baseline.value + ((value - baseline.value) * (year - baseline.year)) / (targetYear - baseline.year);
}

/** The level a relative change implies from a baseline value (rounded to 12 significant digits: 18.5 * 0.9 is 16.65). */
export function impliedLevel(baselineValue: number, change: RelativeChange): number {
  const sign = change.direction === 'up' ? 1 : -1;
  const level = change.by === 'percent' ? baselineValue * (1 + (sign * change.amount) / 100) : baselineValue + sign * change.amount;
  return Number(level.toPrecision(12));
}

/** Rule 1a: a relative target judged as the level it implies from the published baseline value. */
function relativeStatus(target: StatusTarget, change: RelativeChange, actuals: Actual[], breakYears: number[], asOfYear: number): StatusResult {
  const baselineYear = target.baseline?.year ?? target.baselineYear;
  if (baselineYear === undefined) return { status: 'not-assessed', reason: 'relative' };
  const base = actuals.find((a) => a.year === baselineYear);
  if (!base) return { status: 'no-data', reason: 'baseline-missing', baselineYear };
  if (base.comparator && base.comparator !== '~') return { status: 'not-assessed', reason: 'baseline-bound', judgedOn: base, baselineYear };
  const impliedValue = impliedLevel(base.value, change);
  const level: StatusTarget = {
    ...target,
    comparator: change.about ? '~' : '=',
    direction: change.direction,
    value: impliedValue,
    baseline: { year: baselineYear, value: base.value },
    change: undefined,
  };
  return { ...targetStatus(level, actuals, breakYears, asOfYear), impliedValue, baselineYear, baselineValue: base.value };
}

/**
 * The status of one target, given the national actuals (any order), the series' break years and the year of
 * the data release. See the rule at the top of this file.
 */
export function targetStatus(target: StatusTarget, actuals: Actual[], breakYears: number[], asOfYear: number): StatusResult {
  if (!target.hasSeries) return { status: 'not-assessed', reason: 'no-series' };
  if (target.comparator === 'qualitative') return { status: 'not-assessed', reason: 'qualitative' };
  if (target.comparator === 'relative' && !target.change) return { status: 'not-assessed', reason: 'relative' };
  if (!target.drawable) return { status: 'not-assessed', reason: 'not-drawable' };
  if (target.comparator === 'relative') return relativeStatus(target, target.change!, actuals, breakYears, asOfYear);
  const value = target.value!;
  const tolerance = toleranceOf(target);
  const sorted = [...actuals].sort((a, b) => a.year - b.year);
  const latest = sorted.at(-1);
  if (!latest) return { status: 'no-data', reason: 'no-actual', tolerance };
  const atTarget = sorted.find((a) => a.year === target.targetYear);
  const final = atTarget !== undefined;
  if (!final && target.targetYear < asOfYear) return { status: 'no-data', reason: 'target-year-missing', tolerance };
  const judged = atTarget ?? latest;
  if (!final && judged.year > target.targetYear) return { status: 'no-data', reason: 'target-year-missing', tolerance };
  const reference = target.baseline?.year ?? target.issuedYear;
  const breakYear = breakYears.find((y) => y > reference && y <= judged.year);
  if (breakYear !== undefined) return { status: 'series-break', reason: 'break', judgedOn: judged, breakYear, tolerance };
  if (final) {
    const ok = decide(judged, value, target, tolerance);
    if (ok === undefined) return { status: 'not-assessed', reason: 'bound-undecided', judgedOn: judged, tolerance };
    return { status: ok ? 'met' : 'not-met', reason: 'judged', judgedOn: judged, tolerance };
  }
  if (!target.baseline) {
    const ok = decide(judged, value, target, tolerance);
    if (ok === true) return { status: 'on-track', reason: 'no-baseline-reached', judgedOn: judged, tolerance };
    return { status: 'not-assessed', reason: ok === undefined ? 'bound-undecided' : 'no-baseline-not-reached', judgedOn: judged, tolerance };
  }
  if (judged.year <= target.baseline.year) return { status: 'no-data', reason: 'nothing-since-baseline', judgedOn: judged, tolerance };
  const pathValue = pathValueAt(target.baseline, value, target.targetYear, judged.year);
  const onPath = decide(judged, pathValue, target, tolerance);
  const ok = onPath === true || decide(judged, value, target, tolerance) === true ? true : onPath;
  if (ok === undefined) return { status: 'not-assessed', reason: 'bound-undecided', judgedOn: judged, pathValue, tolerance };
  return { status: ok ? 'on-track' : 'off-track', reason: 'judged', judgedOn: judged, pathValue, tolerance };
}
