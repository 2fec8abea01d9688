// README.md of the downloads and the zip: what is inside, how the files are written, how to load,
// check and cite them. Chinese first, with an English summary for tools and readers abroad.
import type { ReleaseSpec } from '../../catalog/schema.ts';
import { STATUSES } from '../../catalog/schema.ts';
import { zh } from '../../shared/i18n/zh.ts';
import { datasetCitationEn, datasetCitationZh, SITE_URL_PLACEHOLDER } from '../../shared/downloads/citation.ts';
import type { WrittenFile } from './datapackage.ts';

export interface ReadmeEntry {
  file: WrittenFile;
  title: string;
}

/**
 * Data text as literal Markdown: every ASCII character that can open inline markup or raw HTML (`<img …>`,
 * `[x](javascript:…)`, emphasis, code, math, a table's `|`, an entity's `&`, a heading's closing `#`) gets
 * CommonMark's backslash escape, and line breaks become spaces, so a name can neither start a block (a heading, a
 * list) nor leave its table cell. `(`, `)` and `!` stay as they are: without an unescaped `[` they open nothing.
 * Renders as the text itself on GitHub, in pandoc and in any CommonMark viewer.
 */
export function markdownText(text: string): string {
  return text.replace(/(\r\n?|[\n\u2028\u2029])+/g, ' ').replace(/[\\`*_[\]<>#|~&$]/g, (c) => `\\${c}`);
}

/**
 * An http(s) address as a Markdown autolink. The schema admits http(s) only; the URL's own serialization
 * percent-encodes spaces, `<`, `>` and control characters, the only ones an autolink cannot hold, and backslash
 * escapes would end up inside the link, so none are added.
 */
export function markdownUrl(url: string): string {
  return `<${new URL(url).href}>`;
}

export function bundleReadme(release: ReleaseSpec, entries: ReadmeEntry[], totals: { values: number; earlier: number; indicators: number }): string {
  const md = markdownText;
  // The citations are built from data text, so from escaped copies of it.
  const cited = {
    ...release,
    ...Object.fromEntries((['title', 'title_en', 'compiler', 'compiler_en', 'version', 'date'] as const).map((k) => [k, md(release[k])])),
  };
  const url = release.site_url ? markdownUrl(release.site_url) : md(SITE_URL_PLACEHOLDER);
  const parts = { release: cited, url, accessed: '引用日期' };
  const partsEn = { release: cited, url, accessed: 'YYYY-MM-DD' };
  const list = entries.map(({ file, title }) => `| ${md(file.path)} | ${md(title)} | ${file.rows ?? ''} | ${file.bytes} |`).join('\n');
  return `# ${md(release.title)}

数据版本 ${md(release.version)}（${md(release.date)}）。${totals.indicators} 个指标，现行数值 ${totals.values} 个，早先发布、已被取代的数值 ${totals.earlier} 个。

## 文件

| 文件 | 内容 | 行数 | 字节 |
|---|---|---|---|
${list}

- \`<指标>.csv\`（长表）：每行一个数值，列出地区代码（GB/T 2260，全国为 100000）、年份、数值、单位、核对状态、来源、读取的输入文件和行号，以及同一数值早先发布的版本。
- \`<指标>-wide.csv\`（宽表）：每行一个地区、每列一个年份，便于粘贴到电子表格；核对状态和来源见长表。
- \`<指标>.json\`：同一指标的数值与元数据（定义、单位、来源、修订、引用格式）。
- \`revisions.csv\`：所有早先发布、后被修订或取代的数值，与现行数值并列。
- \`targets.csv\`：国家规划中的量化目标：规划、指标、基线、目标年份与目标值、比较方式、核对状态和进展判断。
- \`events.csv\`：医改大事记：日期及其精度、文件名称与文号、发布机关、改革领域、摘要和来源。
- \`vbp-batches.csv\`：国家组织药品集中带量采购，每行一个批次：结果公布日期、品种数、公布的平均降价幅度及其比较基准、来源所述的累计品种数、核对状态和来源；按批次而非按年统计，来源未给出的数留空。
- \`ingestion.json\`：数据处理报告：读入了哪些文件、每个文件的数值个数、警告和被拒绝的单元格；数目可以对账（数据单元格 = 写出 + 空白 + 拒绝）。
- \`datapackage.json\`：Frictionless Data Package 描述：每个文件的字段、类型、单位、来源、许可和校验值。

## 文件的写法

- 编码 UTF-8，带字节顺序标记（BOM），因此在中文 Windows 的 Excel 中双击打开不会乱码；换行为 CRLF，引号规则遵循 RFC 4180。
- 数值照原发布的小数位数写出（如 6.77、5.30），不补零、不舍位；负数写作 -0.99。
- 以 \`=\`、\`+\`、\`-\`、\`@\`、制表符或回车开头的文字单元格前加一个英文单引号（'），防止电子表格把它当作公式执行；数值（包括负数）不加。

## 核对状态

${STATUSES.map((s) => `- \`${s}\`（${zh.statusNames[s]}）：${zh.statusExplanations[s]}`).join('\n')}

## 校验

\`\`\`sh
sha256sum -c SHA256SUMS
\`\`\`

## 读取

\`\`\`python
import pandas as pd
df = pd.read_csv("birth-rate.csv", encoding="utf-8-sig", dtype={"region_code": str})
\`\`\`

\`\`\`r
df <- readr::read_csv("birth-rate.csv", col_types = readr::cols(region_code = "c"))
\`\`\`

## 引用

${datasetCitationZh(parts)}

${datasetCitationEn(partsEn)}

引用单个指标时，请使用该指标页或 \`<指标>.json\` 中的引用格式，并注明原始发布（来源列）。${release.site_url ? '' : `网站尚无固定地址：请把 ${md(SITE_URL_PLACEHOLDER)} 换成您获取本数据的网址。`}

## 许可

${md(release.licence.title)}（${md(release.licence.name)}，${markdownUrl(release.licence.path)}）。${md(release.licence.note)}

## English summary

${md(release.title_en)}, version ${md(release.version)} (${md(release.date)}). One tidy CSV (one value per row, with region code, year, value, unit, verification status and source), one wide CSV (regions × years) and one JSON file per indicator; \`revisions.csv\` lists earlier releases beside the values in force; \`ingestion.json\` is the ingestion report; \`targets.csv\` and \`events.csv\` list plan targets and reform events; \`vbp-batches.csv\` lists national volume-based drug procurement batch by batch (drugs, the stated average price cut and its baseline, cumulative counts only where stated); \`datapackage.json\` describes every file (Frictionless Data Package). CSVs are UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting; text cells that a spreadsheet would run as a formula start with an apostrophe. Verify with \`sha256sum -c SHA256SUMS\`.
`;
}
