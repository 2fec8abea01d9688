// A target and its baseline as the scorecard and the indicator panel write them: 77.3岁, 28%左右, 降至7.5‰; in
// English "77.3 years", "about 28%", "down to 7.5 per 1,000 live births".
import { formatValue, unitSuffix } from '../format/number.ts';
import { formatValueEn } from '../format/english.ts';
import { wordsFor, type Lang } from '../i18n/lang.ts';
import type { TargetView } from './types.ts';

/** Numbers as the plan writes them (the plan's own decimals: 77.3, 5.0 -> 5). */
export function planNumber(value: number, unit: string): string {
  return String(value).replace('-', '−') + unitSuffix(unit);
}

/** The plan's number in English: its own decimals, restated when a 万/亿 count, with the English unit. */
export function planNumberEn(value: number, unit: string, unitEn: string): string {
  return formatValueEn(value, String(value).split('.')[1]?.length ?? 0, unit, unitEn);
}

const planText = (t: TargetView, value: number, lang: Lang) => (lang === 'en' ? planNumberEn(value, t.unit, t.unit_en) : planNumber(value, t.unit));

/** Qualitative and relative targets keep the plan's Chinese wording, which has no English: the English text is the summary. */
export function targetText(t: TargetView, lang: Lang = 'zh'): string {
  const words = wordsFor(lang);
  const w = words.targets;
  const detail = lang === 'en' ? '' : t.relative_zh;
  const sep = lang === 'en' ? ': ' : '：';
  if (t.statedComparator === 'qualitative') return detail ? `${w.qualitative}${sep}${detail}` : w.qualitative;
  if (t.statedComparator === 'relative') return t.change ? relativeText(t, t.change, lang) : detail ? `${w.relative}${sep}${detail}` : w.relative;
  const key = t.statedComparator === '=' && t.direction === 'down' ? '=down' : t.statedComparator;
  const phrase = w.comparatorText[key] ?? ((v: string) => v);
  const year = words.year(t.targetYear);
  return lang === 'en' ? `${year}: ${phrase(planText(t, t.value!, lang))}` : `${year}${phrase(planText(t, t.value!, lang))}`;
}

/** 2020年比2015年降低10%（按2015年实际值18.5%换算为16.65%）: the change as worded, then the level it implies. */
function relativeText(t: TargetView, change: NonNullable<TargetView['change']>, lang: Lang): string {
  const words = wordsFor(lang);
  const w = words.targets;
  const amount =
    change.by === 'percent' ? `${change.amount}%` : t.unit === '%' ? w.relativePoints(String(change.amount)) : planText(t, change.amount, lang);
  const phrase = w.relativeChange(words.year(change.baselineYear), change.about ? w.relativeAbout(amount) : amount, change.direction);
  const level =
    t.value !== undefined && t.baseline
      ? w.relativeLevel(words.year(t.baseline.year), planText(t, t.baseline.value, lang), planText(t, t.value, lang))
      : '';
  return lang === 'en' ? `${words.year(t.targetYear)}: ${phrase}${level}` : `${words.year(t.targetYear)}${phrase}${level}`;
}

export function baselineText(t: TargetView, lang: Lang = 'zh'): string {
  return t.baseline ? `${wordsFor(lang).year(t.baseline.year)} ${planText(t, t.baseline.value, lang)}` : '—';
}

export function latestText(t: TargetView, lang: Lang = 'zh'): string {
  const words = wordsFor(lang);
  if (!t.latest) return t.indicatorId ? '—' : words.targets.noIndicator;
  const bound = t.latestComparator;
  const text = lang === 'en' ? formatValueEn(t.latest.value, t.decimals, t.unit, t.unit_en) : formatValue(t.latest.value, t.decimals, t.unit);
  const comparators = words.comparator as Record<string, (v: string) => string>;
  return `${words.year(t.latest.year)} ${bound && comparators[bound] ? comparators[bound](text) : text}`;
}
