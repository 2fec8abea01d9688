// The sentence beside a target's status, in Chinese (templates in zh.ts) and English (kept here until the
// English edition has its own words file). Numbers keep the indicator's decimals; path values get one more.
import { formatValue, unitSuffix } from '../format/number.ts';
import { formatValueEn } from '../format/english.ts';
import { zh } from '../i18n/zh.ts';
import { en } from '../i18n/en.ts';
import type { StatusResult } from './status.ts';

const BOUND_ZH: Record<string, (v: string) => string> = zh.comparator as Record<string, (v: string) => string>;
const BOUND_EN: Record<string, (v: string) => string> = {
  '>=': (v) => `${v} or more`,
  '>': (v) => `over ${v}`,
  '<=': (v) => `${v} or less`,
  '<': (v) => `under ${v}`,
  '~': (v) => `about ${v}`,
};

/** A computed number (path value, tolerance): one decimal more than the series, trailing zeros dropped. */
function computed(x: number, c: NoteContext): string {
  return String(Number(x.toFixed(c.decimals + 1))).replace('-', '−') + unitSuffix(c.unit);
}

/** The same number in English, restated and with the English unit (english.ts). */
function computedEn(x: number, c: NoteContext): string {
  const text = String(Number(x.toFixed(c.decimals + 1)));
  return formatValueEn(Number(text), text.split('.')[1]?.length ?? 0, c.unit, c.unit_en);
}

export interface NoteContext {
  unit: string;
  unit_en: string;
  decimals: number;
}

function actualText(r: StatusResult, c: NoteContext, words: Record<string, (v: string) => string>, english = false): string {
  const a = r.judgedOn!;
  const text = english ? formatValueEn(a.value, c.decimals, c.unit, c.unit_en) : formatValue(a.value, c.decimals, c.unit);
  const bound = a.comparator ? words[a.comparator] : undefined;
  return bound ? bound(text) : text;
}

export function statusNoteZh(r: StatusResult, c: NoteContext): string {
  const n = zh.targets.notes;
  const year = r.judgedOn ? zh.year(r.judgedOn.year) : '';
  const actual = r.judgedOn ? actualText(r, c, BOUND_ZH) : '';
  const path = r.pathValue !== undefined ? computed(r.pathValue, c) : '';
  const tol = r.tolerance !== undefined && r.judgedOn ? n.tolerance(computed(r.tolerance, c)) : '';
  switch (r.reason) {
    case 'qualitative':
      return n.qualitative;
    case 'relative':
      return n.relative;
    case 'no-series':
      return n.noSeries;
    case 'not-drawable':
      return '';
    case 'no-actual':
      return n.noActual;
    case 'target-year-missing':
      return '';
    case 'nothing-since-baseline':
      return n.nothingSinceBaseline(year);
    case 'break':
      return n.seriesBreak(zh.year(r.breakYear!));
    case 'bound-undecided':
      return n.boundUndecided(year, actual);
    case 'no-baseline-not-reached':
      return n.noBaselineNotReached(year, actual);
    case 'no-baseline-reached':
      return n.noBaselineReached(year, actual) + tol;
    case 'baseline-missing':
      return n.baselineMissing(zh.year(r.baselineYear!));
    case 'baseline-bound':
      return n.baselineBound(year, actual);
    case 'judged': {
      const map = { met: n.met, 'not-met': n.notMet } as const;
      if (r.status === 'met' || r.status === 'not-met') return map[r.status](year, actual) + tol;
      return (r.status === 'on-track' ? n.onTrack : n.offTrack)(year, actual, path) + tol;
    }
  }
}

export function statusNoteEn(r: StatusResult, c: NoteContext): string {
  const year = r.judgedOn ? String(r.judgedOn.year) : '';
  const actual = r.judgedOn ? actualText(r, c, BOUND_EN, true) : '';
  const path = r.pathValue !== undefined ? computedEn(r.pathValue, c) : '';
  const tol = r.tolerance !== undefined && r.judgedOn ? ` ("about" taken as ±${computedEn(r.tolerance, c)})` : '';
  switch (r.reason) {
    case 'qualitative':
      return 'Qualitative target, not assessed.';
    case 'relative':
      return 'Relative target, not converted to a level, not assessed.';
    case 'no-series':
      return 'The site has no series for this indicator.';
    case 'not-drawable':
      return '';
    case 'no-actual':
      return 'The site has no actual value for this indicator yet.';
    case 'target-year-missing':
      return '';
    case 'nothing-since-baseline':
      return `No actual value since the baseline year ${year}.`;
    case 'break':
      return `The series changed definition in ${r.breakYear}: not comparable with the baseline, no status given.`;
    case 'bound-undecided':
      return `The ${year} actual is "${actual}": its range cannot be judged against the target.`;
    case 'no-baseline-not-reached':
      return `${year} actual ${actual}; the plan gives no baseline, so progress cannot be judged.`;
    case 'no-baseline-reached':
      return `${year} actual ${actual}: the target level is already reached${tol}.`;
    case 'baseline-missing':
      return en.targets.notes.baselineMissing(String(r.baselineYear));
    case 'baseline-bound':
      return en.targets.notes.baselineBound(year, actual);
    case 'judged':
      if (r.status === 'met') return `Target-year (${year}) actual ${actual}: met${tol}.`;
      if (r.status === 'not-met') return `Target-year (${year}) actual ${actual}: not met${tol}.`;
      return `${year} actual ${actual} against ${path} on the straight path: ${r.status === 'on-track' ? 'on track' : 'off track'}${tol}.`;
  }
}
