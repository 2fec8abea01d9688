// Checks ingested observations against the catalog: known indicator, the catalog's unit, a known source
// and status, an English note beside a Chinese one, no two values in force for the same indicator, region and year. A rejected value is added to
// its file's report (problem and counts), so the counts still reconcile after validation.
import type { Catalog } from '../catalog/load.ts';
import { STATUSES, type IndicatorSpec, type Status } from '../catalog/schema.ts';
import { needsEnglish } from '../shared/i18n/needs-english.ts';
import { invisibleCharacter } from '../catalog/data-text.ts';
import type { PublishedValue } from './publication.ts';
import type { IngestResult, Observation, Problem } from './types.ts';

export interface ValidatedIndicator {
  indicator: IndicatorSpec;
  values: PublishedValue[];
  earlierReleases: PublishedValue[];
}

export function validate(results: IngestResult[], catalog: Catalog): Map<string, ValidatedIndicator> {
  const byName = new Map<string, IndicatorSpec>();
  for (const spec of catalog.indicators) for (const name of [spec.id, spec.name_zh, ...spec.aliases]) byName.set(name, spec);
  const out = new Map(catalog.indicators.map((i) => [i.id, { indicator: i, values: [], earlierReleases: [] } as ValidatedIndicator]));
  const inForce = new Map<string, Observation>();
  const releaseYear = Number(catalog.release.date.slice(0, 4));
  // One publication gives one figure for a year: the same source twice (a row copied into a second file, a file
  // linked twice) would otherwise publish an earlier release twice, since earlier releases may repeat a year.
  const bySource = new Map<string, Observation>();

  for (const { observations, report } of results) {
    const reject = (o: Observation, code: string, message: string) => {
      const problem: Problem = { file: o.sourceFile, line: o.sourceLine, column: o.sourceColumn, code, severity: 'error', message, cells: 1 };
      report.problems.push(problem);
      report.counts.valuesWritten--;
      report.counts.cellsRejected++;
    };
    for (const o of observations) {
      const spec = byName.get(o.indicator);
      if (!spec) {
        reject(o, 'unknown-indicator', `数据目录中没有指标「${o.indicator}」：应为 data/catalog/ 中的 id、name_zh 或 aliases`);
        continue;
      }
      if (o.unit !== spec.unit) {
        reject(o, 'unit-mismatch', `「${spec.name_zh}」的单位应为 ${spec.unit}，实际为 ${o.unit}`);
        continue;
      }
      if (!o.source || !catalog.sources.has(o.source)) {
        reject(o, 'unknown-source', `来源应为 data/sources/ 中已有的 id，实际为「${o.source ?? ''}」`);
        continue;
      }
      if (!spec.sources.includes(o.source)) {
        reject(o, 'source-not-in-catalog', `来源 ${o.source} 不在 data/catalog/${spec.id}.yaml 的 sources 中`);
        continue;
      }
      const status = (o.status ?? '') as Status;
      if (!STATUSES.includes(status)) {
        reject(o, 'bad-status', `状态应为 ${STATUSES.join('、')} 之一，实际为「${o.status ?? ''}」`);
        continue;
      }
      // notes-en: the English pages and downloads show every note in English; a user's own file (npm run ingest)
      // is never validated here, so it needs no note_en column.
      if (needsEnglish(o.note) && !o.note_en) {
        reject(o, 'note-without-english', `备注含中文，应在 note_en（英文备注）列给出英文：「${o.note!.slice(0, 40)}」`);
        continue;
      }
      // A bidi override in a note reverses the text after it on the page and in a spreadsheet; the ingestion keeps
      // notes as written, so the build refuses them here, as it does such characters in the catalog (hostile25).
      const hidden = (['note', 'note_en'] as const).find((field) => o[field] && invisibleCharacter(o[field]));
      if (hidden) {
        reject(o, 'invisible-character', `${hidden} 列：${invisibleCharacter(o[hidden]!)}`);
        continue;
      }
      // A year after the release's own date has no statistics yet: such a row would show as the latest value and
      // stretch every chart to it (hostile25). Targets for later years live in data/targets/, not here.
      if (o.year > releaseYear) {
        reject(o, 'future-year', `${o.year}年晚于数据版本的日期（${catalog.release.date}）：尚未过去的年份没有统计值`);
        continue;
      }
      const value: PublishedValue = {
        regionCode: o.regionCode,
        region: o.region,
        year: o.year,
        value: o.value,
        decimals: o.decimals,
        status,
        source: o.source,
        sourceFile: o.sourceFile,
        sourceLine: o.sourceLine,
        ...(o.note ? { note: o.note } : {}),
        ...(o.note_en ? { note_en: o.note_en } : {}),
        ...(o.comparator ? { comparator: o.comparator } : {}),
      };
      const target = out.get(spec.id)!;
      const sourceKey = `${spec.id}/${o.regionCode}/${o.year}/${o.source}`;
      const same = bySource.get(sourceKey);
      if (same) {
        reject(
          o,
          'duplicate-value',
          `${o.region} ${o.year}年「${spec.name_zh}」已有来源 ${o.source} 的数值（${same.sourceFile} 第${same.sourceLine}行）：同一发布对同一年只有一个数`,
        );
        continue;
      }
      bySource.set(sourceKey, o);
      if (status === 'superseded') {
        target.earlierReleases.push(value);
        continue;
      }
      const key = `${spec.id}/${o.regionCode}/${o.year}`;
      const first = inForce.get(key);
      if (first) {
        reject(
          o,
          'duplicate-value',
          `${o.region} ${o.year}年「${spec.name_zh}」已有现行数值（${first.sourceFile} 第${first.sourceLine}行）；早期发布的数值请标为 superseded`,
        );
        continue;
      }
      inForce.set(key, o);
      target.values.push(value);
    }
  }
  const order = (a: PublishedValue, b: PublishedValue) => a.regionCode.localeCompare(b.regionCode) || a.year - b.year;
  for (const v of out.values()) {
    v.values.sort(order);
    v.earlierReleases.sort(order);
  }
  return out;
}
