// The scorecard of one plan as a view that can leave the site, like the indicator charts: an embed page
// (/embed/targets/<plan>/) drawn at the embed widths, and a report-ready picture (/pictures/targets-<plan>.svg
// and .png). The chart is a list drawn as SVG: per target a status mark (shape and word, colour repeats them),
// the indicator and target, and the actual the status was judged on.
import { composePicture, textWidth, wrapText, type Picture } from '../charts/picture.ts';
import { CHART_FONT, chartColors } from '../charts/render.ts';
import { escapeXml } from '../shared/format/markup.ts';
import { pathFor, wordsFor, type Lang } from '../shared/i18n/lang.ts';
import { baselineText, latestText, planNumber, planNumberEn, targetText } from '../shared/targets/format.ts';
import { byPlan } from '../shared/targets/scorecard.ts';
import type { PlanView, TargetView } from '../shared/targets/types.ts';
import { allTargets } from '../site-data/targets.ts';
import { absoluteUrl, siteOrigin } from '../site.ts';
import { PICTURE_CHART_WIDTH } from './views.ts';

const base = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
/** Every path in an edition (default Chinese; English under /en/, pathFor). */
export const scorecardPaths = {
  page: (planId: string, lang: Lang = 'zh') => `${pathFor(lang, 'targets/', base)}#plan-${planId}`,
  embed: (planId: string, lang: Lang = 'zh') => pathFor(lang, `embed/targets/${planId}/`, base),
  pictureName: (planId: string) => `targets-${planId}`,
  picture: (planId: string, ext: 'svg' | 'png', lang: Lang = 'zh') => pathFor(lang, `pictures/targets-${planId}.${ext}`, base),
};

const MUTED = '#555555';
const GOOD = chartColors.line;
const STATUS_COLOR: Record<string, string> = { met: GOOD, 'on-track': GOOD, 'not-met': chartColors.text, 'off-track': chartColors.text };
const BADGE = 84;
const SIZE = 13;
const SMALL = 12;
const LINE = Math.round(SIZE * 1.45);
const SMALL_LINE = Math.round(SMALL * 1.45);

export interface ScorecardView {
  lang: Lang;
  plan: PlanView;
  targets: TargetView[];
  title: string;
  subtitle: string;
  sourceLine: string;
  render: (width: number) => string;
}

/** Baseline, the actual the status rests on (the target year's, when judged on it), verification. */
function detailLine(t: TargetView, lang: Lang): string {
  const words = wordsFor(lang);
  const c = words.targets.columns;
  const number = (value: number) => (lang === 'en' ? planNumberEn(value, t.unit, t.unit_en) : planNumber(value, t.unit));
  const judged =
    t.judgedOn && t.latest && t.judgedOn.year !== t.latest.year ? `${c.judged} ${words.year(t.judgedOn.year)} ${number(t.judgedOn.value)}` : '';
  const latest = t.indicatorId ? `${c.latest} ${latestText(t, lang)}` : words.targets.noIndicator;
  return [t.baseline ? `${c.baseline} ${baselineText(t, lang)}` : '', judged, latest, words.targets.verificationNames[t.verification]]
    .filter(Boolean)
    .join(words.charts.detailSeparator);
}

/** The plan's targets as an SVG list `width` wide; its height follows the wrapped text. */
export function scorecardChart(plan: PlanView, targets: TargetView[], width: number, lang: Lang = 'zh'): string {
  const words = wordsFor(lang);
  const en = lang === 'en';
  const text = width - BADGE - 8;
  const parts: string[] = [];
  let y = 4;
  for (const t of targets) {
    const head = wrapText(`${en ? t.indicator_en : t.indicator_zh}${en ? ': ' : '：'}${targetText(t, lang)}`, text, SIZE, en);
    const detail = wrapText(detailLine(t, lang), text, SMALL, en);
    const color = STATUS_COLOR[t.status] ?? MUTED;
    const label = `${words.targets.statusShapes[t.status]} ${words.targets.statusNames[t.status]}`;
    parts.push(
      `<g data-target="${escapeXml(t.id)}" data-status="${t.status}">`,
      `<rect x="0.5" y="${y + 0.5}" width="${Math.min(BADGE - 8, Math.ceil(textWidth(label, SMALL)) + 10)}" height="${SMALL_LINE + 2}" rx="3" fill="none" stroke="${color}"/>`,
      `<text x="5" y="${y + SMALL + 1}" font-size="${SMALL}" fill="${color}"${t.status === 'not-met' || t.status === 'off-track' ? ' font-weight="700"' : ''}>${escapeXml(label)}</text>`,
    );
    let ty = y;
    for (const line of head) {
      parts.push(`<text x="${BADGE}" y="${ty + SIZE}" font-size="${SIZE}" fill="${chartColors.text}">${escapeXml(line)}</text>`);
      ty += LINE;
    }
    for (const line of detail) {
      parts.push(`<text x="${BADGE}" y="${ty + SMALL}" font-size="${SMALL}" fill="${MUTED}">${escapeXml(line)}</text>`);
      ty += SMALL_LINE;
    }
    parts.push('</g>');
    y = Math.max(ty, y + SMALL_LINE + 4) + 10;
    parts.push(`<line x1="0" x2="${width}" y1="${y - 5}" y2="${y - 5}" stroke="#dddddd"/>`);
  }
  const height = Math.ceil(y);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(words.targets.pictureTitle(en ? plan.short_en : plan.short_zh))}" font-family="${escapeXml(CHART_FONT)}">` +
    parts.join('') +
    '</svg>'
  );
}

export function scorecardView(plan: PlanView, targets: TargetView[], lang: Lang = 'zh'): ScorecardView {
  const words = wordsFor(lang);
  const en = lang === 'en';
  // The document number is the plan's own Chinese designation (国发〔2016〕23号): the English subtitle leaves it out.
  const subtitle = en
    ? [plan.title_en, plan.issuer_en, words.timeline.date(plan.date)]
    : [plan.title_zh, plan.issuer_zh, plan.docNumber, words.timeline.date(plan.date)];
  return {
    lang,
    plan,
    targets,
    title: words.targets.pictureTitle(en ? plan.short_en : plan.short_zh),
    subtitle: subtitle.filter(Boolean).join(words.charts.subtitleSeparator),
    sourceLine: words.targets.sourceLine,
    render: (width) => scorecardChart(plan, targets, width, lang),
  };
}

const cache = new Map<Lang, ScorecardView[]>();
/** One view per plan, plans in date order. */
export function allScorecardViews(lang: Lang = 'zh'): ScorecardView[] {
  if (!cache.has(lang))
    cache.set(
      lang,
      byPlan(allTargets()).map(({ plan, targets }) => scorecardView(plan, targets, lang)),
    );
  return cache.get(lang)!;
}

export function scorecardPicture(view: ScorecardView, origin: string | undefined = siteOrigin()): Picture {
  return composePicture({
    lang: view.lang,
    title: view.title,
    subtitle: view.subtitle,
    chart: view.render(PICTURE_CHART_WIDTH),
    legend: [],
    sourceLine: view.sourceLine,
    siteLine: wordsFor(view.lang).embed.siteLine(absoluteUrl(scorecardPaths.page(view.plan.id, view.lang), origin)),
  });
}
