// The bench report: every figure (median with min and max) and every budget, as JSON, as a Markdown copy,
// and as the tables printed to the terminal. The tables are the same in both text forms.
import { LIMITS, type Budget } from './budgets.ts';
import type { BuildFigure } from './build.ts';
import type { IngestFigure } from './ingestion.ts';
import { CATEGORIES, type LighthouseFigure } from './lighthouse.ts';
import type { KindWeight } from './page-weight.ts';
import type { Spread } from './stats.ts';

export interface BenchReport {
  generatedAt: string;
  quick: boolean;
  machine: { node: string; cpus: number; cpuModel: string; loadAverageBefore: number[]; loadAverageAfter: number[] };
  durationSeconds: number;
  notes: string[];
  ingestion?: IngestFigure[];
  build?: BuildFigure[];
  site?: { description: string; buildMs: number; pages: number };
  pageWeight?: KindWeight[];
  lighthouse?: { settings: string; runs: number; pages: LighthouseFigure[] };
  budgets: Budget[];
}

type Table = { title: string; head: string[]; rows: string[][]; notes?: string[] };

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const range = (s: Spread, digits = 1, scale = 1) =>
  s.runs === 1 ? fmt(s.median * scale, digits) : `${fmt(s.median * scale, digits)} (${fmt(s.min * scale, digits)}–${fmt(s.max * scale, digits)})`;
const kb = (bytes: number) => fmt(bytes / 1024, 1);
const verdict = (b: Budget | undefined) => (!b ? '' : b.pass === null ? 'n/a' : b.pass ? 'pass' : 'FAIL');
const limitText = (b: Budget) => `${b.op} ${b.limit}${b.unit ? ` ${b.unit}` : ''}`;

function tables(report: BenchReport): Table[] {
  const out: Table[] = [];
  const find = (section: Budget['section'], name: string) => report.budgets.find((b) => b.section === section && b.name === name);
  if (report.ingestion) {
    out.push({
      title: `Ingestion (npm run ingest, each run in its own process; median (min–max) of ${report.ingestion[0]?.mbPerSecond.runs ?? 0} runs)`,
      head: [
        'format',
        'size',
        'input',
        'MB/s',
        'M values/s',
        `≥ ${LIMITS.ingestMillionValuesPerSecond}`,
        'peak MB',
        'output MB',
        'values',
        'problems',
      ],
      rows: report.ingestion.map((f) => [
        f.format,
        `${f.sizeMb} MB`,
        f.input,
        range(f.mbPerSecond),
        range(f.valuesPerSecond, 2, 1e-6),
        verdict(find('ingestion', `${f.format}, ${f.sizeMb} MB: speed`)),
        range(f.peakRssMb, 0),
        fmt(f.outputBytes / 1e6, 1),
        String(f.totals.valuesWritten),
        String(f.totals.problems),
      ]),
      notes: [
        'MB/s: input megabytes (10^6 bytes) per second, from the first byte read to the last tidy row and report.json written; Node start-up and module loading excluded (no budget).',
        'M values/s: data cells read per second in the same runs, the budget: a wide export holds about 6 bytes a value, a tidy file about 80, so this measures the same work across layouts.',
      ],
    });
  }
  if (report.build) {
    out.push({
      title: 'Build scaling (synthetic catalogs; data pipeline, then a cold `astro build`; median (min–max))',
      head: ['scale', 'indicators', 'pages', 'runs done', 'build s', 'ms per page', 'peak MB', 'data pipeline s'],
      rows: report.build.map((f) => [
        `${f.scale}x`,
        String(f.indicators),
        f.pages === undefined ? '—' : String(f.pages),
        `${f.buildMs?.runs ?? 0}/${f.runs}`,
        f.buildMs ? range(f.buildMs, 1, 1 / 1000) : 'failed',
        f.msPerPage ? range(f.msPerPage, 1) : '—',
        f.peakRssMb ? range(f.peakRssMb, 0) : '—',
        f.dataMs ? range(f.dataMs, 2, 1 / 1000) : '—',
      ]),
      notes: report.build.flatMap((f) => f.failures.map((why) => `${f.indicators} indicators: ${why}`)),
    });
  }
  if (report.pageWeight) {
    out.push({
      title: `Page weight (${report.site?.description ?? 'built site'}; the biggest page of each kind; KB = 1024 bytes, gzipped (raw))`,
      head: ['kind', 'pages', 'biggest page', 'HTML', 'CSS', 'JavaScript', 'transfer', 'requests', 'lazy JS'],
      rows: report.pageWeight.map((w) => [
        w.kind,
        String(w.pages),
        w.url,
        `${kb(w.html.gzip)} (${kb(w.html.raw)})`,
        `${kb(w.css.gzip)} (${kb(w.css.raw)})`,
        `${kb(w.js.gzip)} (${kb(w.js.raw)})`,
        `${kb(w.transfer.gzip)} (${kb(w.transfer.raw)})`,
        String(w.requests),
        kb(w.lazyJs.gzip),
      ]),
      notes: [
        'CSS is inlined, so it is counted inside HTML and transfer as well; transfer = the HTML plus every same-site resource the first load fetches.',
        ...report.pageWeight.filter((w) => w.missing.length).map((w) => `${w.url} references missing files: ${w.missing.join(', ')}`),
      ],
    });
  }
  if (report.lighthouse) {
    const lh = report.lighthouse;
    out.push({
      title: `Lighthouse (${lh.settings}; median (min–max) of ${lh.runs} runs)`,
      head: ['kind', 'page', ...CATEGORIES],
      rows: lh.pages.map((p) => [
        p.kind,
        p.url,
        ...CATEGORIES.map((c) => `${range(p.scores[c], 0)} ${verdict(find('lighthouse', `${p.kind}: ${c}`))}`),
      ]),
      notes: lh.pages.flatMap((p) =>
        p.failing.map(
          (a) =>
            `${p.kind}: ${a.category} audit \`${a.id}\` (${a.title}) scored ${a.score} in ${a.runs}/${lh.runs} runs${a.details.length ? `: ${a.details.join(' / ')}` : ''}`,
        ),
      ),
    });
  }
  out.push({
    title: 'Budgets (a benchmark: a failed budget is reported, the command still succeeds)',
    head: ['section', 'budget', 'value', 'limit', 'result', 'note'],
    rows: report.budgets.map((b) => [b.section, b.name, b.value === null ? '—' : fmt(b.value, 2), limitText(b), verdict(b), b.note ?? '']),
  });
  return out;
}

function textTable(t: Table): string {
  const widths = t.head.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [t.title, line(t.head), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line), ...(t.notes ?? []).map((n) => `  * ${n}`)].join(
    '\n',
  );
}

function markdownTable(t: Table): string {
  const row = (cells: string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [`## ${t.title}`, '', row(t.head), row(t.head.map(() => '---')), ...t.rows.map(row), '', ...(t.notes ?? []).map((n) => `- ${n}`)].join('\n');
}

function header(report: BenchReport): string[] {
  const m = report.machine;
  return [
    `npm run bench${report.quick ? ' --quick' : ''}, ${report.generatedAt}, ${fmt(report.durationSeconds, 0)} s`,
    `Node ${m.node}, ${m.cpus} × ${m.cpuModel}, load average ${m.loadAverageBefore.map((l) => fmt(l, 2)).join(' ')} before, ${m.loadAverageAfter.map((l) => fmt(l, 2)).join(' ')} after`,
    ...report.notes,
  ];
}

export function reportText(report: BenchReport): string {
  return [...header(report), '', ...tables(report).map(textTable).join('\n\n').split('\n')].join('\n');
}

export function reportMarkdown(report: BenchReport): string {
  return ['# Bench report', '', ...header(report).map((l) => `${l}  `), '', tables(report).map(markdownTable).join('\n\n'), ''].join('\n');
}
