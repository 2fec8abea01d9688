// Plan targets and reform events for the site and for researchers: the views with their status (published as
// build/data/targets.json, which the pages read), and targets.csv / events.csv with their Table Schemas.
import type { ReleaseSpec } from '../../catalog/schema.ts';
import type { TargetsData } from '../../catalog/load-targets.ts';
import type { PublishedSeries } from '../publication.ts';
import { NATIONAL_CODE } from '../../shared/national-code.ts';
import { eventView, targetViews, type IndicatorFacts } from '../../shared/targets/views.ts';
import type { EventView, TargetView } from '../../shared/targets/types.ts';
import { TARGET_STATUSES } from '../../shared/targets/types.ts';
import { REFORM_AREA_IDS } from '../../shared/reform-areas.ts';
import type { FieldSpec, Table } from './tables.ts';

/** build/data/targets.json: what the pages read (not a download). */
export const TARGETS_JSON = 'targets.json';

export interface PublishedTargets {
  /** The year statuses are judged as of: the data release's year. */
  asOfYear: number;
  targets: TargetView[];
  events: EventView[];
}

export function indicatorFacts(all: PublishedSeries[]): Map<string, IndicatorFacts> {
  return new Map(
    all.map((s) => [
      s.indicator.id,
      {
        area: s.indicator.area,
        unit: s.indicator.unit,
        unit_en: s.indicator.unit_en,
        decimals: s.indicator.decimals,
        breakYears: s.indicator.breaks.map((b) => b.year),
        actuals: s.values
          .filter((v) => v.regionCode === NATIONAL_CODE)
          .map((v) => ({ year: v.year, value: v.value, ...(v.comparator ? { comparator: v.comparator } : {}) })),
      },
    ]),
  );
}

export function publishedTargets(all: PublishedSeries[], data: TargetsData, release: ReleaseSpec): PublishedTargets {
  const asOfYear = Number(release.date.slice(0, 4));
  return { asOfYear, targets: targetViews(data.plans, indicatorFacts(all), asOfYear), events: data.events.map(eventView) };
}

const num = (n: number | undefined) => (n === undefined ? '' : String(n));
/** '=' would be neutralized as a formula in a CSV cell, so the file writes the reach comparator as `reach`. */
export const csvComparator = (c: string) => (c === '=' ? 'reach' : c);

const VERIFICATION: FieldSpec = {
  name: 'verification',
  type: 'string',
  title: '核对状态',
  description:
    'verified = 两个独立来源给出相同的规划与数值；partial = 一个来源；unverified = 尚无来源对应到本规划。verified: two independent sources agree; partial: one source; unverified: none ties the value to this plan.',
  constraints: { required: true, enum: ['verified', 'partial', 'unverified'] },
};

export function targetsTable(targets: TargetView[]): Table {
  const fields: FieldSpec[] = [
    { name: 'target_id', type: 'string', title: '目标代码', description: '目标的代码。Target id.', constraints: { required: true } },
    { name: 'plan_id', type: 'string', title: '规划代码', description: '规划的代码。Plan id.', constraints: { required: true } },
    { name: 'plan', type: 'string', title: '规划', description: '规划文件题名。Plan title.' },
    { name: 'plan_en', type: 'string', title: '规划（英文）', description: 'Plan title in English.' },
    { name: 'issuer', type: 'string', title: '发布机构', description: '发布机构。Issuer.' },
    { name: 'doc_number', type: 'string', title: '文号', description: '文号（已知时）。Document number, when known.' },
    { name: 'plan_date', type: 'string', title: '发布日期', description: '发布日期，YYYY、YYYY-MM 或 YYYY-MM-DD。Date issued.' },
    {
      name: 'indicator_id',
      type: 'string',
      title: '指标代码',
      description: '本站指标代码；空表示本站暂无该指标数据。Site indicator id; empty when the site has no series.',
    },
    { name: 'indicator', type: 'string', title: '指标', description: '规划中的指标名称。Indicator as named in the plan.' },
    { name: 'indicator_en', type: 'string', title: '指标（英文）', description: 'Indicator in English.' },
    { name: 'unit', type: 'string', title: '单位', description: '计量单位。Unit.' },
    { name: 'baseline_year', type: 'year', title: '基期年份', description: '基期年份。Baseline year.' },
    { name: 'baseline_value', type: 'number', title: '基期值', description: '基期值。Baseline value.' },
    { name: 'target_year', type: 'year', title: '目标年份', description: '目标年份。Target year.', constraints: { required: true } },
    {
      name: 'comparator',
      type: 'string',
      title: '比较符',
      description:
        '>= 以上；> 超过；<= 以下；< 低于；reach 达到（方向见 direction）；~ 左右；relative 相对目标；qualitative 定性目标。reach: reach the level in `direction`.',
      constraints: { required: true, enum: ['>=', '>', '<=', '<', 'reach', '~', 'relative', 'qualitative'] },
    },
    {
      name: 'target_value',
      type: 'number',
      title: '目标值',
      description:
        "目标值（数值目标）；相对目标（relative）为按本站序列基期年份实际值换算出的水平，基期值见 baseline_value。Target value; for a relative target, the level implied from the series' published baseline value.",
    },
    {
      name: 'direction',
      type: 'string',
      title: '方向',
      description: 'reach 目标的方向：up 达到或超过，down 降至或低于。',
      constraints: { enum: ['', 'up', 'down'] },
    },
    {
      name: 'tolerance',
      type: 'number',
      title: '容差',
      description: '“左右”目标的容差（单位同目标值），默认目标值的5%，另定的见 tolerance_reason。Tolerance of an "about" target.',
    },
    { name: 'tolerance_reason', type: 'string', title: '容差说明', description: '另定容差的原因。Why the tolerance differs from 5%.' },
    { name: 'nature', type: 'string', title: '属性', description: '预期性或约束性（已知时）。Expected or binding, when known.' },
    VERIFICATION,
    { name: 'wording', type: 'string', title: '原文措辞', description: '来源引述的原文（不超过120字，括号内为转载媒体）。Wording as quoted.' },
    {
      name: 'drawable',
      type: 'string',
      title: '可与本站序列对照',
      description: 'yes / no；no 时见 not_drawn_reason。',
      constraints: { enum: ['yes', 'no'] },
    },
    { name: 'not_drawn_reason', type: 'string', title: '不对照的原因', description: '目标口径与本站序列不同等原因。Why the target is not compared.' },
    {
      name: 'status',
      type: 'string',
      title: '状态',
      description: '按本站规则判断的状态（见 /targets/ 页）。Status by the site rule.',
      constraints: { enum: [...TARGET_STATUSES] },
    },
    { name: 'status_note', type: 'string', title: '状态说明', description: '判断所依据的实际值与路径。' },
    { name: 'status_note_en', type: 'string', title: '状态说明（英文）', description: 'Status note in English.' },
    { name: 'judged_year', type: 'year', title: '判断所用年份', description: '判断状态所用实际值的年份。' },
    { name: 'judged_value', type: 'number', title: '判断所用实际值', description: '判断状态所用的实际值。' },
    {
      name: 'via',
      type: 'string',
      title: '转载页',
      description: '读取目标所用的转载页网址，以空格分隔（不是原始发布）。Mirror pages read, space-separated.',
    },
  ];
  const rows = targets.map((t) => [
    t.id,
    t.plan.id,
    t.plan.title_zh,
    t.plan.title_en,
    t.plan.issuer_zh,
    t.plan.docNumber ?? '',
    t.plan.date,
    t.indicatorId,
    t.indicator_zh,
    t.indicator_en,
    t.unit,
    num(t.baseline?.year),
    num(t.baseline?.value),
    String(t.targetYear),
    csvComparator(t.statedComparator),
    num(t.value),
    t.direction ?? '',
    num(t.tolerance),
    t.toleranceReason_zh ?? '',
    t.nature ?? '',
    t.verification,
    t.wording_zh,
    t.drawable ? 'yes' : 'no',
    t.notDrawnReason_zh ?? '',
    t.status,
    t.statusNote_zh,
    t.statusNote_en,
    num(t.judgedOn?.year),
    num(t.judgedOn?.value),
    t.via.join(' '),
  ]);
  return {
    name: 'targets',
    title: '规划目标与进展',
    description:
      '国家规划中的医改与健康目标：规划、指标、基期、目标年份与目标值、核对状态、原文措辞，以及按本站规则判断的状态。Plan targets with baseline, target, verification and status.',
    primaryKey: ['target_id'],
    fields,
    rows,
  };
}

export function eventsTable(events: EventView[]): Table {
  const fields: FieldSpec[] = [
    { name: 'event_id', type: 'string', title: '事件代码', description: 'Event id.', constraints: { required: true } },
    {
      name: 'date',
      type: 'string',
      title: '日期',
      description: 'YYYY、YYYY-MM 或 YYYY-MM-DD，精度见 precision。Date at its precision.',
      constraints: { required: true, pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
    },
    { name: 'precision', type: 'string', title: '日期精度', description: 'year / month / day.', constraints: { enum: ['year', 'month', 'day'] } },
    { name: 'title', type: 'string', title: '标题', description: '文件或事件的标题。Title.' },
    { name: 'title_en', type: 'string', title: '标题（英文）', description: 'Title in English.' },
    { name: 'doc_number', type: 'string', title: '文号', description: '文号（已知时）。Document number.' },
    { name: 'issuer', type: 'string', title: '发布机构', description: 'Issuer.' },
    {
      name: 'area',
      type: 'string',
      title: '改革领域',
      description: '本站的改革领域代码。Reform area id.',
      constraints: { enum: [...REFORM_AREA_IDS] },
    },
    { name: 'kind', type: 'string', title: '类型', description: 'plan, guideline, policy, program, law, regulation, institution, event.' },
    { name: 'summary', type: 'string', title: '摘要', description: '简要说明。Summary.' },
    { name: 'summary_en', type: 'string', title: '摘要（英文）', description: 'Summary in English (translated for this project).' },
    { name: 'figures', type: 'string', title: '相关数字', description: '来源给出的相关数字。Figures stated.' },
    {
      name: 'indicators',
      type: 'string',
      title: '相关指标',
      description: '相关的本站指标代码，以分号分隔。Related indicator ids, semicolon-separated.',
    },
    VERIFICATION,
    { name: 'source', type: 'string', title: '出处', description: '原始文件与发布机构。Original document and issuer.' },
    {
      name: 'via',
      type: 'string',
      title: '转载页',
      description: '读取所用的转载页网址，以空格分隔（不是原始发布）。Mirror pages read, space-separated.',
    },
    { name: 'note', type: 'string', title: '说明', description: '日期、文号等的核对说明。Note.' },
  ];
  const rows = events.map((e) => [
    e.id,
    e.date,
    e.precision,
    e.title_zh,
    e.title_en,
    e.docNumber ?? '',
    e.issuer_zh,
    e.area,
    e.kind,
    e.summary_zh,
    e.summary_en ?? '',
    e.figures_zh ?? '',
    e.indicators.join(';'),
    e.verification,
    `${e.source.publisher_zh}：${e.source.title_zh}`,
    e.via.join(' '),
    e.note_zh ?? '',
  ]);
  return {
    name: 'events',
    title: '医改时间线',
    description: '国家医改重要文件与事件：日期及精度、标题、文号、发布机构、领域、摘要、相关指标、核对状态和出处。Reform timeline events.',
    primaryKey: ['event_id'],
    fields,
    rows,
  };
}
