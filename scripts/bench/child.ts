// Runs a bench step in a child process and reads the one JSON line it prints last, so that each
// measurement has its own process (its own peak memory) and a crash names the step and its output.
import { spawn } from 'node:child_process';

export interface ChildResult<T> {
  result: T;
  wallMs: number;
}

/** `timeoutMs`: the child is killed after this long and the step fails with a message saying so. */
export function runChild<T>(
  script: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ChildResult<T>> {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  let timedOut = false;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, options.timeoutMs)
    : undefined;
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (timedOut) {
        reject(new Error(`did not finish within ${Math.round(options.timeoutMs! / 60000)} min (stopped)`));
        return;
      }
      if (code !== 0 || !last.startsWith('{')) {
        const said = (stderr || stdout.slice(-4000))
          .trim()
          .split('\n')
          .filter((l) => /error|Error|heap|memory/.test(l))
          .slice(0, 3)
          .join(' / ');
        reject(new Error(`failed (${signal ?? `exit ${code}`})${said ? `: ${said.slice(0, 400)}` : ''}`));
        return;
      }
      resolve({ result: JSON.parse(last) as T, wallMs: performance.now() - started });
    });
  });
}

/** Peak resident memory of this process so far, in MB (maxRSS is in KB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
