// The plan targets and reform events an indicator's line chart marks, from the targets feature's views
// (src/site-data/targets.ts): each drawable target with a value at its target year, with its baseline, value,
// plan and status; each event of the indicator's reform area, numbered in date order for the key under the chart.
import type { EventView, TargetView } from '../shared/targets/types.ts';
import type { LineEvent, LineTarget } from '../shared/charts/line-marks.ts';
import { planNumber, planNumberEn, targetText } from '../shared/targets/format.ts';
import { wordsFor, type Lang } from '../shared/i18n/lang.ts';
import { eventsFor, targetsFor } from '../site-data/targets.ts';
import type { IndicatorSpec } from '../catalog/schema.ts';

export interface IndicatorMarks {
  /** The targets drawn (one plan per entry, before marks group them). */
  drawn: TargetView[];
  /** The events marked, in key order. */
  events: EventView[];
  marks: { targets: LineTarget[]; events: LineEvent[] };
}

/**
 * The marks of an indicator's national chart wherever it is drawn (the page, its embeds, its pictures): its
 * drawable targets, and the events of its area from its first year to the last year drawn (targets widen it).
 */
export function indicatorMarks(indicator: IndicatorSpec, years: number[], lang: Lang = 'zh'): IndicatorMarks {
  const drawn = drawnTargets(targetsFor(indicator.id));
  const targets = targetMarks(drawn, lang);
  const lastYear = Math.max(...years, ...targets.map((t) => t.year));
  const events = chartEvents(eventsFor(indicator.area), Math.min(...years), lastYear);
  return { drawn, events, marks: { targets, events: eventMarks(events, lang) } };
}

const SYMBOL: Record<TargetView['comparator'], string> = { '>=': '≥', '<=': '≤', '=': '', '~': '≈', qualitative: '' };

/** The targets a chart can draw: drawable, with a value (qualitative and relative ones are listed, not drawn). */
export function drawnTargets(targets: TargetView[]): TargetView[] {
  return targets.filter((t) => t.drawable && t.value !== undefined && t.comparator !== 'qualitative');
}

/**
 * One mark per target year, value and comparator: several plans often repeat a target (74.5岁 by 2015 in two
 * plans); their names share one label, so the marks stay legible. Each plan keeps its own line in the tooltip.
 */
export function targetMarks(targets: TargetView[], lang: Lang = 'zh'): LineTarget[] {
  const words = wordsFor(lang);
  const w = words.targets;
  const en = lang === 'en';
  const number = (t: TargetView) => (en ? planNumberEn(t.value!, t.unit, t.unit_en) : planNumber(t.value!, t.unit));
  const groups = new Map<string, TargetView[]>();
  for (const t of drawnTargets(targets)) {
    const key = `${t.targetYear}|${t.value}|${t.comparator}|${t.status}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()].map((group) => {
    const t = group[0]!;
    const status = w.statusNames[t.status] ?? t.status;
    const plans = [...new Set(group.map((g) => (en ? g.plan.short_en : g.plan.short_zh)))].join(words.listSeparator);
    const baseline = group.find((g) => g.baseline)?.baseline;
    return {
      year: t.targetYear,
      value: t.value!,
      ...(baseline ? { baseline } : {}),
      valueLabel: `${SYMBOL[t.comparator]}${number(t)}`,
      label: `${SYMBOL[t.comparator]}${number(t)} ${plans}`,
      status,
      statusId: t.status,
      tip: group
        .map((g) =>
          words.figure.targetTip(en ? g.plan.short_en : g.plan.short_zh, targetText(g, lang), status, en ? g.statusNote_en : g.statusNote_zh),
        )
        .join('\n'),
    };
  });
}

/** Events inside the years drawn, numbered from 1 in date order. */
export function chartEvents(events: EventView[], from: number, to: number): EventView[] {
  return [...events].filter((e) => e.year >= from && e.year <= to).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

export function eventMarks(events: EventView[], lang: Lang = 'zh'): LineEvent[] {
  const words = wordsFor(lang);
  return events.map((e, i) => ({
    year: e.year,
    number: i + 1,
    tip: words.figure.eventTip(i + 1, eventDate(e, lang), lang === 'en' ? e.title_en : e.title_zh),
  }));
}

/** 2009年3月, 2016年, 2018年5月31日 (March 2009, 2016, 31 May 2018): the date as precise as it is known. */
export function eventDate(e: EventView, lang: Lang = 'zh'): string {
  const [year, month, day] = e.date.split('-').map(Number);
  const known = e.precision === 'day' && day ? [year, month, day] : e.precision !== 'year' && month ? [year, month] : [year];
  return wordsFor(lang).date(...(known as [number, number?, number?]));
}
