// A target and its baseline as the scorecard and the indicator panel write them: 77.3岁, 28%左右, 降至7.5‰.
import { formatValue, unitSuffix } from '../format/number.ts';
import { zh } from '../i18n/zh.ts';
import type { TargetView } from './types.ts';

/** Numbers as the plan writes them (the plan's own decimals: 77.3, 5.0 -> 5). */
export function planNumber(value: number, unit: string): string {
  return String(value).replace('-', '−') + unitSuffix(unit);
}

export function targetText(t: TargetView): string {
  const w = zh.targets;
  if (t.statedComparator === 'qualitative') return t.relative_zh ? `${w.qualitative}：${t.relative_zh}` : w.qualitative;
  if (t.statedComparator === 'relative') return t.relative_zh ? `${w.relative}：${t.relative_zh}` : w.relative;
  const key = t.statedComparator === '=' && t.direction === 'down' ? '=down' : t.statedComparator;
  const phrase = w.comparatorText[key] ?? ((v: string) => v);
  return `${zh.year(t.targetYear)}${phrase(planNumber(t.value!, t.unit))}`;
}

export function baselineText(t: TargetView): string {
  return t.baseline ? `${zh.year(t.baseline.year)} ${planNumber(t.baseline.value, t.unit)}` : '—';
}

export function latestText(t: TargetView): string {
  if (!t.latest) return t.indicatorId ? '—' : zh.targets.noIndicator;
  const bound = t.latestComparator;
  const text = formatValue(t.latest.value, t.decimals, t.unit);
  const words = zh.comparator as Record<string, (v: string) => string>;
  return `${zh.year(t.latest.year)} ${bound && words[bound] ? words[bound](text) : text}`;
}
