// Lighthouse (the npm package, its command line in a child process, one fresh Chromium per run) on one
// page of each kind, served from the built site on localhost: performance, accessibility, best practices
// and SEO, median of several runs, and every audit that kept a category below 100, by id.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startStaticServer } from '../static-server.ts';
import { repeat, spread, type Spread } from './stats.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface FailingAudit {
  category: Category;
  id: string;
  title: string;
  score: number;
  runs: number;
  /** What Lighthouse found (first items: console messages, elements, URLs), to act on without rerunning it. */
  details: string[];
}
export interface LighthouseFigure {
  kind: string;
  url: string;
  scores: Record<Category, Spread>;
  failing: FailingAudit[];
}

const CLI = new URL('../../node_modules/lighthouse/cli/index.js', import.meta.url).pathname;
export const CHROMIUM = '/usr/bin/chromium';
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu';
export const LIGHTHOUSE_SETTINGS = `lighthouse 13 defaults (mobile emulation, simulated throttling), Chromium ${CHROME_FLAGS}`;

interface LhResult {
  categories: Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string; details?: { items?: Record<string, unknown>[] } }>;
}

function runLighthouse(url: string, output: string): Promise<LhResult> {
  const args = [
    CLI,
    url,
    '--quiet',
    '--output=json',
    `--output-path=${output}`,
    `--chrome-flags=${CHROME_FLAGS}`,
    `--only-categories=${CATEGORIES.join(',')}`,
  ];
  // A run takes about 15 s; a Chromium that hangs is stopped after 3 minutes and the run reported as failed.
  const child = spawn(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: CHROMIUM },
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 180_000,
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (t: string) => {
    stderr = (stderr + t).slice(-2000);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', async (code) => {
      if (code !== 0) return reject(new Error(`lighthouse ${url} failed (exit ${code}): ${stderr}`));
      try {
        resolve(JSON.parse(await readFile(output, 'utf8')) as LhResult);
      } catch (error) {
        reject(error);
      } finally {
        await rm(output, { force: true });
      }
    });
  });
}

function itemsOf(details: { items?: Record<string, unknown>[] } | undefined): string[] {
  return (details?.items ?? []).slice(0, 3).map((item) => {
    const node = item.node as { snippet?: string } | undefined;
    const location = item.sourceLocation as { url?: string } | undefined;
    const text = [item.description, item.url, location?.url, node?.snippet].filter((x) => typeof x === 'string' && x).join(' | ');
    return text.replace(/https?:\/\/127\.0\.0\.1:\d+/g, '').slice(0, 240);
  });
}

/** Audits that cost points: scored and not passed (in performance, only the weighted metrics). */
function failingAudits(result: LhResult): Omit<FailingAudit, 'runs'>[] {
  const out: Omit<FailingAudit, 'runs'>[] = [];
  for (const category of CATEGORIES) {
    for (const ref of result.categories[category].auditRefs) {
      const audit = result.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
      if (category === 'performance' && ref.weight === 0) continue; // insights and diagnostics: advice, not points
      out.push({ category, id: ref.id, title: audit.title, score: audit.score, details: category === 'performance' ? [] : itemsOf(audit.details) });
    }
  }
  return out;
}

export async function benchLighthouse(
  dist: string,
  tmp: string,
  pages: { kind: string; url: string }[],
  runs: number,
  log: (line: string) => void,
): Promise<LighthouseFigure[]> {
  const server = await startStaticServer(dist);
  const figures: LighthouseFigure[] = [];
  try {
    for (const { kind, url } of pages) {
      const results = await repeat(runs, (run) => runLighthouse(server.url + url, join(tmp, `lighthouse-${run}.json`)));
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, spread(results.map((r) => Math.round((r.categories[c].score ?? 0) * 100)))]),
      ) as Record<Category, Spread>;
      const failing = new Map<string, FailingAudit>();
      for (const audit of results.flatMap(failingAudits)) {
        const key = `${audit.category}/${audit.id}`;
        const seen = failing.get(key);
        if (seen) {
          seen.runs++;
          seen.score = Math.min(seen.score, audit.score);
        } else failing.set(key, { ...audit, runs: 1 });
      }
      figures.push({ kind, url, scores, failing: [...failing.values()] });
      log(`  lighthouse ${kind} ${url}: ${CATEGORIES.map((c) => `${c} ${scores[c].median}`).join(', ')}`);
    }
  } finally {
    await server.close();
  }
  return figures;
}
