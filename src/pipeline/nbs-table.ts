// Reads a statistics-bureau (国家数据) table export: header lines (数据库/指标/时间), a table header, data rows,
// and a footer (注/数据来源). Works on every generation seen: classic GBK, new UTF-8 with TAB-ended cells,
// hand-edited copies without header or footer; time-series, cross-section and transposed layouts.
import { AXIS_NAMES, classifyAxis, cornerHint, readAxisLabel, type AxisKind, type AxisLabel } from './axes.ts';
import { FileCollector } from './collector.ts';
import type { SourceRow } from './csv-rows.ts';
import { parseHeaderLine, parseLabel, singleYearOf, type Label } from './labels.ts';
import { NATIONAL_CODE, findRegion, nationalRegion, type Region } from './regions.ts';
import type { IngestOptions, SeriesMeta } from './types.ts';

export interface NbsTable {
  header: Record<string, string>;
  layout: string;
  scope: string;
  series: SeriesMeta[];
}

const FOOTER = /^(注|数据来源|资料来源|说明)\s*[：:]?/;

/** Splits rows into header lines, the table header, data rows and footer rows. */
function splitSections(rows: SourceRow[]) {
  const header: Record<string, string> = {};
  let i = 0;
  for (; i < rows.length; i++) {
    const parsed = parseHeaderLine(rows[i]!.cells[0] ?? '');
    if (!parsed || rows[i]!.cells.slice(1).some((c) => c !== '')) break;
    header[parsed[0]] = parsed[1];
  }
  const tableHeader = rows[i] && !FOOTER.test(rows[i]!.cells[0] ?? '') ? rows[i] : undefined;
  let end = tableHeader ? i + 1 : i;
  while (end < rows.length && !FOOTER.test(rows[end]!.cells[0] ?? '')) end++;
  return { header, tableHeader, data: rows.slice(tableHeader ? i + 1 : i, end), footer: rows.slice(end) };
}

/** Notes (注) and the source line, as series metadata. A note split on ASCII commas is joined back. */
function readFooter(footer: SourceRow[]) {
  const notes: string[] = [];
  let sourceLine: string | undefined;
  for (const row of footer) {
    const text = row.cells.filter((c) => c !== '').join(',');
    const source = /^(数据来源|资料来源)\s*[：:]\s*(.*)$/.exec(text);
    if (source) sourceLine = source[2]!.trim();
    else for (const line of text.replace(/^注\s*[：:]\s*/, '').split('\n')) if (line.trim()) notes.push(line.trim());
  }
  return { notes, sourceLine };
}

export function readNbsTable(rows: SourceRow[], options: IngestOptions, out: FileCollector): NbsTable | undefined {
  const { header, tableHeader, data, footer } = splitSections(rows);
  const { notes, sourceLine } = readFooter(footer);
  // Cells under a labelled column, plus any stray non-empty cell: the same cells a successful read counts.
  const bodyCells = () =>
    data.flatMap((r) => r.cells.slice(1).filter((c, i) => c !== '' || (tableHeader?.cells[i + 1] ?? '') !== ''));
  const refuse = (code: string, message: string, option?: string, line = tableHeader?.line ?? 1) => {
    out.rejectMany(bodyCells(), { line, column: 1 }, code, message, option);
    return undefined;
  };
  if (!tableHeader) return refuse('no-table-header', '没有找到表头行（应为「指标,2024年,…」或「地区,2024年,…」之类）');
  const database = header['数据库'];
  if (database && !/年度数据/.test(database)) {
    return refuse('unsupported-database', `只支持年度数据，文件来自「${database}」`, undefined, 1);
  }

  const corner = tableHeader.cells[0] ?? '';
  const colKind = classifyAxis(tableHeader.cells.slice(1));
  const rowKind = cornerHint(corner) ?? classifyAxis(data.map((r) => r.cells[0] ?? ''));
  if (rowKind === colKind) {
    return refuse('unknown-layout', `无法判断表格结构：行和列都像是${AXIS_NAMES[rowKind]}`);
  }
  const fixedKind = (['year', 'region', 'indicator'] as AxisKind[]).find((k) => k !== rowKind && k !== colKind)!;

  // The dimension on neither axis comes from a header line, or the user supplies it.
  let fixedIndicator: Label | undefined;
  let fixedRegion: Region | undefined;
  let fixedYear: number | undefined;
  if (fixedKind === 'indicator') {
    const text = header['指标'] ?? options.indicator;
    if (!text) return refuse('missing-indicator', '文件没有「指标：」行，无法知道这些数值是哪个指标', '--indicator');
    fixedIndicator = parseLabel(text);
  } else if (fixedKind === 'region') {
    const text = header['地区'] ?? (database === '年度数据' ? '全国' : options.region);
    if (!text) {
      return refuse('missing-region', '文件没有说明数据属于哪个地区（没有「数据库：年度数据」或「地区：」行）；全国数据请用 --region 全国', '--region');
    }
    fixedRegion = text === '全国' ? nationalRegion() : findRegion(text);
    if (!fixedRegion) return refuse('unknown-region', `未知地区「${text}」`, '--region');
  } else {
    fixedYear = singleYearOf(header['时间']) ?? options.year;
    if (fixedYear === undefined) {
      return refuse('missing-year', `文件只有一个时期但没有说明是哪一年（时间：${header['时间'] ?? '无'}）`, '--year');
    }
  }

  const colLabels = tableHeader.cells.map((c, i) => (i === 0 || c === '' ? undefined : readAxisLabel(colKind, c)));
  const indicators = new Set<string>();
  const unitOf = (label: Label) => label.unit ?? options.unit;

  // Labels without a unit cannot be published: refuse once, naming them, before reading values.
  const labels = [fixedIndicator, ...colLabels.map(asLabel), ...data.map((r) => asLabel(readAxisLabel(rowKind, r.cells[0] ?? '')))];
  const unitless = [...new Set(labels.filter((l): l is Label => !!l && !unitOf(l)).map((l) => l.name))];
  if (unitless.length > 0) {
    return refuse('missing-unit', `指标没有单位：${unitless.map((n) => `「${n}」`).join('、')}（应写在括号里，如 人口出生率(‰)）`, '--unit');
  }

  for (const [c, label] of colLabels.entries()) {
    if (label?.kind !== 'invalid') continue;
    const cells = data.map((r) => r.cells[c] ?? '');
    out.rejectMany(cells, { line: tableHeader.line, column: c + 1 }, label.code, `表头第${c + 1}列：${label.message}`);
  }

  for (const row of data) {
    const rowLabel = readAxisLabel(rowKind, row.cells[0] ?? '');
    const values = row.cells.slice(1);
    if ((row.cells[0] ?? '') === '') {
      out.rejectMany(values, { line: row.line, column: 1 }, 'missing-label', `这一行没有${AXIS_NAMES[rowKind]}名称`);
      continue;
    }
    if (rowLabel.kind === 'invalid') {
      out.rejectMany(values, { line: row.line, column: 1 }, rowLabel.code, rowLabel.message);
      continue;
    }
    for (let c = 1; c < row.cells.length; c++) {
      const raw = row.cells[c]!;
      const colLabel = colLabels[c];
      if (colLabel?.kind === 'invalid') continue; // counted with its column above
      if (!colLabel) {
        if (raw !== '') out.reject({ line: row.line, column: c + 1 }, 'extra-cells', 'error', `第${c + 1}列没有表头，却有数值「${raw}」`);
        continue;
      }
      const parts = [rowLabel, colLabel];
      const label = fixedIndicator ?? pick(parts, 'indicator')!.label;
      const region = fixedRegion ?? pick(parts, 'region')!.region;
      const year = fixedYear ?? pick(parts, 'year')!.year;
      indicators.add(`${label.name}\u0000${unitOf(label)}`);
      out.cell(raw, { line: row.line, column: c + 1 }, {
        indicator: label.name, unit: unitOf(label)!, regionCode: region.code, region: region.name, year,
      });
    }
  }

  const layout = colKind === 'year' ? 'time-series' : rowKind === 'year' ? 'transposed' : 'cross-section';
  const regionAxis = rowKind === 'region' || colKind === 'region';
  const scope = regionAxis ? 'provincial' : fixedRegion?.code === NATIONAL_CODE ? 'national' : 'single-region';
  const series = [...indicators].map((key) => {
    const [indicator, unit] = key.split('\u0000') as [string, string];
    return { indicator, unit, notes, ...(sourceLine ? { sourceLine } : {}) };
  });
  return { header, layout, scope, series };
}

function asLabel(label: AxisLabel | undefined): Label | undefined {
  return label?.kind === 'indicator' ? label.label : undefined;
}

function pick<K extends AxisLabel['kind']>(parts: AxisLabel[], kind: K): Extract<AxisLabel, { kind: K }> | undefined {
  return parts.find((p) => p.kind === kind) as Extract<AxisLabel, { kind: K }> | undefined;
}
