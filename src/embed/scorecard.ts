// The scorecard of one plan as a view that can leave the site, like the indicator charts: an embed page
// (/embed/targets/<plan>/) drawn at the embed widths, and a report-ready picture (/pictures/targets-<plan>.svg
// and .png). The chart is a list drawn as SVG: per target a status mark (shape and word, colour repeats them),
// the indicator and target, and the actual the status was judged on.
import { composePicture, textWidth, wrapText, type Picture } from '../charts/picture.ts';
import { CHART_FONT, chartColors } from '../charts/render.ts';
import { escapeXml } from '../shared/format/markup.ts';
import { zh } from '../shared/i18n/zh.ts';
import { baselineText, latestText, planNumber, targetText } from '../shared/targets/format.ts';
import { byPlan } from '../shared/targets/scorecard.ts';
import type { PlanView, TargetView } from '../shared/targets/types.ts';
import { allTargets } from '../site-data/targets.ts';
import { absoluteUrl, siteOrigin } from '../site.ts';
import { PICTURE_CHART_WIDTH } from './views.ts';

const base = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
export const scorecardPaths = {
  page: (planId: string) => `${base}targets/#plan-${planId}`,
  embed: (planId: string) => `${base}embed/targets/${planId}/`,
  pictureName: (planId: string) => `targets-${planId}`,
  picture: (planId: string, ext: 'svg' | 'png') => `${base}pictures/targets-${planId}.${ext}`,
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
  plan: PlanView;
  targets: TargetView[];
  title: string;
  subtitle: string;
  sourceLine: string;
  render: (width: number) => string;
}

/** Baseline, the actual the status rests on (the target year's, when judged on it), verification. */
function detailLine(t: TargetView): string {
  const c = zh.targets.columns;
  const judged =
    t.judgedOn && t.latest && t.judgedOn.year !== t.latest.year
      ? `${c.judged} ${zh.year(t.judgedOn.year)} ${planNumber(t.judgedOn.value, t.unit)}`
      : '';
  const latest = t.indicatorId ? `${c.latest} ${latestText(t)}` : zh.targets.noIndicator;
  return [t.baseline ? `${c.baseline} ${baselineText(t)}` : '', judged, latest, zh.targets.verificationNames[t.verification]]
    .filter(Boolean)
    .join('；');
}

/** The plan's targets as an SVG list `width` wide; its height follows the wrapped text. */
export function scorecardChart(plan: PlanView, targets: TargetView[], width: number): string {
  const text = width - BADGE - 8;
  const parts: string[] = [];
  let y = 4;
  for (const t of targets) {
    const head = wrapText(`${t.indicator_zh}：${targetText(t)}`, text, SIZE);
    const detail = wrapText(detailLine(t), text, SMALL);
    const color = STATUS_COLOR[t.status] ?? MUTED;
    const label = `${zh.targets.statusShapes[t.status]} ${zh.targets.statusNames[t.status]}`;
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
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(zh.targets.pictureTitle(plan.short_zh))}" font-family="${escapeXml(CHART_FONT)}">` +
    parts.join('') +
    '</svg>'
  );
}

export function scorecardView(plan: PlanView, targets: TargetView[]): ScorecardView {
  return {
    plan,
    targets,
    title: zh.targets.pictureTitle(plan.short_zh),
    subtitle: [plan.title_zh, plan.issuer_zh, plan.docNumber, zh.timeline.date(plan.date)].filter(Boolean).join('，'),
    sourceLine: zh.targets.sourceLine,
    render: (width) => scorecardChart(plan, targets, width),
  };
}

let cache: ScorecardView[] | undefined;
/** One view per plan, plans in date order. */
export function allScorecardViews(): ScorecardView[] {
  cache ??= byPlan(allTargets()).map(({ plan, targets }) => scorecardView(plan, targets));
  return cache;
}

export function scorecardPicture(view: ScorecardView, origin: string | undefined = siteOrigin()): Picture {
  return composePicture({
    title: view.title,
    subtitle: view.subtitle,
    chart: view.render(PICTURE_CHART_WIDTH),
    legend: [],
    sourceLine: view.sourceLine,
    siteLine: zh.embed.siteLine(absoluteUrl(scorecardPaths.page(view.plan.id), origin)),
  });
}
