// Loads data/targets/*.yaml and data/events/*.yaml and checks them against their schemas and the indicator
// catalog. Every problem names the file and the field (targets.3.value), as the catalog loader does.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { CatalogError, readYamlFile, yamlFiles } from './load.ts';
import { EventYearSpec, isNumericComparator, PlanSpec, type EventSpec } from './targets-schema.ts';

export const MAX_WORDING = 120;

export interface TargetsData {
  plans: PlanSpec[];
  events: EventSpec[];
}

function readFolder<T extends z.ZodType>(dir: string, schema: T, problems: string[]): Array<{ file: string; data: z.infer<T> }> {
  if (!existsSync(dir)) return [];
  const out: Array<{ file: string; data: z.infer<T> }> = [];
  for (const file of yamlFiles(dir, problems)) {
    const data = readYamlFile(file, schema, problems);
    if (data !== undefined) out.push({ file, data });
  }
  return out;
}

/** Problems a schema cannot see: ids that must exist in the catalog, and rules between fields. */
export function planProblems(file: string, plan: PlanSpec, indicatorIds: Set<string>): string[] {
  const problems: string[] = [];
  const expected = file
    .split('/')
    .pop()!
    .replace(/\.ya?ml$/, '');
  if (plan.id !== expected) problems.push(`${file}: 字段 id：应与文件名一致（${expected}），实际为 ${plan.id}`);
  plan.targets.forEach((t, i) => {
    const at = (field: string) => `${file}: 字段 targets.${i}.${field}`;
    if (t.indicator !== null && !indicatorIds.has(t.indicator))
      problems.push(`${at('indicator')}：应为 data/catalog/ 中已有的指标 id，实际为 ${t.indicator}`);
    // A target for a year before the plan was issued is a typo (2002 for 2020): it was judged and drawn as written.
    if (t.target_year < Number(plan.date.slice(0, 4)))
      problems.push(`${at('target_year')}：目标年份（${t.target_year}）早于规划发布的年份（${plan.date.slice(0, 4)}）`);
    if (t.baseline && t.baseline.year > t.target_year)
      problems.push(`${at('baseline.year')}：基期年份（${t.baseline.year}）晚于目标年份（${t.target_year}）`);
    if (isNumericComparator(t.comparator) && t.value === undefined) problems.push(`${at('value')}：比较符为 ${t.comparator} 的目标必须有目标值`);
    if (!isNumericComparator(t.comparator) && t.value !== undefined) problems.push(`${at('value')}：${t.comparator} 目标不应有目标值`);
    if (t.comparator === '=' && !t.direction) problems.push(`${at('direction')}：“=”（达到）目标须写明方向 up 或 down`);
    // A relative change 'about' (提高1岁左右) is judged as 左右 on the level it implies, so it may carry a tolerance too.
    if (t.tolerance !== undefined && t.comparator !== '~' && !t.change?.about)
      problems.push(`${at('tolerance')}：只有“左右”（~）目标（含“左右”的相对目标）有容差`);
    if (t.tolerance !== undefined && !t.tolerance_reason_zh) problems.push(`${at('tolerance_reason_zh')}：另定容差须说明原因`);
    if ([...t.wording_zh].length > MAX_WORDING)
      problems.push(`${at('wording_zh')}：引文最多 ${MAX_WORDING} 个字符，实际 ${[...t.wording_zh].length} 个`);
    if (!t.drawable && t.indicator !== null && isNumericComparator(t.comparator) && !(t.not_drawn_reason_zh && t.not_drawn_reason_en))
      problems.push(`${at('not_drawn_reason_zh')}：不绘制的数值目标须说明原因（中英文）`);
    // The English edition shows every reason it shows in Chinese: a Chinese reason without its English twin stops the build.
    if (t.not_drawn_reason_zh && !t.not_drawn_reason_en) problems.push(`${at('not_drawn_reason_en')}：有中文原因时须有英文原因`);
    const assessable = isNumericComparator(t.comparator) || (t.comparator === 'relative' && t.change !== undefined);
    if (t.drawable && (t.indicator === null || !assessable)) problems.push(`${at('drawable')}：无指标或非数值目标不能绘制`);
    if (t.change !== undefined && t.comparator !== 'relative') problems.push(`${at('change')}：只有相对目标（relative）有 change`);
    // 降低100%或更多 leaves nothing or less than nothing: a typo (300 for 30) drew a target below zero.
    if (t.change?.by === 'percent' && t.change.direction === 'down' && t.change.amount >= 100)
      problems.push(`${at('change.amount')}：降低 ${t.change.amount}% 后不剩任何数值，应小于 100`);
    if (t.change !== undefined && t.baseline_year === undefined && t.baseline === undefined)
      problems.push(`${at('baseline_year')}：相对目标须写明基期年份`);
  });
  return problems;
}

/** A date later than the data release's (a typo: 2061 for 2016): nothing issued then can be known yet. */
export function afterRelease(date: string, releaseDate: string | undefined): string | undefined {
  if (releaseDate === undefined || date <= releaseDate.slice(0, date.length)) return undefined;
  return `${date} 晚于数据版本的日期（${releaseDate}）`;
}

/** What the build knows beside the ids: release.yaml's date, and each indicator's unit (by id). */
export interface TargetChecks {
  releaseDate?: string;
  units?: ReadonlyMap<string, string>;
}

/** Numeric targets are compared with, drawn on and shown in their series' unit: one written in another is wrong there. */
function unitProblems(file: string, plan: PlanSpec, units: ReadonlyMap<string, string>): string[] {
  return plan.targets.flatMap((t, i) => {
    const unit = t.indicator === null ? undefined : units.get(t.indicator);
    if (unit === undefined || !isNumericComparator(t.comparator) || t.unit === unit) return [];
    return [`${file}: 字段 targets.${i}.unit：数值目标的单位应与指标 ${t.indicator} 的单位「${unit}」一致，实际为「${t.unit}」`];
  });
}

/** Given `checks`, plans and events dated after the release and numeric targets in another unit than their series are refused. */
export function loadTargets(root: string, indicatorIds: Set<string>, checks: TargetChecks = {}): TargetsData {
  const { releaseDate, units } = checks;
  const problems: string[] = [];
  const plans = readFolder(join(root, 'targets'), PlanSpec, problems);
  const targetIds = new Map<string, string>();
  for (const { file, data } of plans) {
    problems.push(...planProblems(file, data, indicatorIds));
    if (units) problems.push(...unitProblems(file, data, units));
    const late = afterRelease(data.date, releaseDate);
    if (late) problems.push(`${file}: 字段 date：${late}`);
    data.targets.forEach((t, i) => {
      const other = targetIds.get(t.id);
      if (other) problems.push(`${file}: 字段 targets.${i}.id：${t.id} 已在 ${other} 中使用`);
      targetIds.set(t.id, file);
    });
  }
  const years = readFolder(join(root, 'events'), EventYearSpec, problems);
  const eventIds = new Map<string, string>();
  for (const { file, data } of years) {
    const expected = file
      .split('/')
      .pop()!
      .replace(/\.ya?ml$/, '');
    if (String(data.year) !== expected) problems.push(`${file}: 字段 year：应与文件名一致（${expected}），实际为 ${data.year}`);
    data.events.forEach((e, i) => {
      const at = (field: string) => `${file}: 字段 events.${i}.${field}`;
      if (Number(e.date.slice(0, 4)) !== data.year) problems.push(`${at('date')}：${e.date} 不在 ${data.year} 年`);
      const late = afterRelease(e.date, releaseDate);
      if (late) problems.push(`${at('date')}：${late}`);
      const precision = e.date.length === 4 ? 'year' : e.date.length === 7 ? 'month' : 'day';
      if (precision !== e.precision) problems.push(`${at('precision')}：日期 ${e.date} 的精度为 ${precision}，实际写为 ${e.precision}`);
      e.indicators.forEach((id, j) => {
        if (!indicatorIds.has(id)) problems.push(`${at(`indicators.${j}`)}：应为 data/catalog/ 中已有的指标 id，实际为 ${id}`);
      });
      const other = eventIds.get(e.id);
      if (other) problems.push(`${at('id')}：${e.id} 已在 ${other} 中使用`);
      eventIds.set(e.id, file);
    });
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return {
    plans: plans.map((p) => p.data),
    events: years.flatMap((y) => y.data.events).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
  };
}
