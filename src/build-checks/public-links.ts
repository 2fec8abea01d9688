// public/ is copied into the site byte for byte (Vite's copyDir follows links: copyFileSync reads a link's target,
// statSync walks into a linked folder). So a link in public/ to /etc/passwd would be published, a linked folder
// that contains itself would never finish, and a FIFO would hang the copy. Before the build starts, public/ must
// hold only folders, regular files, and links to regular files inside public/; anything else stops the build
// with one line per entry.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** One line per entry of `dir` (recursively) that the build must not copy, naming it and why. */
export function publicDirProblems(dir: string): string[] {
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    return []; // no public/ folder: nothing is copied
  }
  const problems: string[] = [];
  const shown = (p: string) => path.relative(process.cwd(), p) || p;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const entry = path.join(folder, name);
      const info = lstatSync(entry);
      if (info.isDirectory()) walk(entry);
      else if (info.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(entry);
        } catch {
          problems.push(`${shown(entry)}: 链接指向不存在的文件或形成循环，构建停止（public/ 中只放真实文件）`);
          continue;
        }
        const inside = target === root || target.startsWith(root + path.sep);
        if (!inside) problems.push(`${shown(entry)}: 链接指向 public/ 之外的 ${target}，不会复制进网站，构建停止（请复制文件本身）`);
        else if (!statSync(target).isFile()) problems.push(`${shown(entry)}: 链接指向文件夹 ${target}，构建停止（可能造成循环复制）`);
      } else if (!info.isFile()) problems.push(`${shown(entry)}: 不是普通文件（FIFO、设备或套接字），构建停止`);
    }
  };
  walk(root);
  return problems;
}

const MAX_SHOWN = 50;

/** The lines to print for `problems`: at most MAX_SHOWN, then the count of the rest. */
export function publicDirReport(problems: string[]): string[] {
  const shown = problems.slice(0, MAX_SHOWN);
  if (problems.length > MAX_SHOWN) shown.push(`public/ 中还有 ${problems.length - MAX_SHOWN} 个同类问题未列出（共 ${problems.length} 个）`);
  return shown;
}

/**
 * The same check inside Astro, for `astro build` run by hand (`npm run build` runs scripts/check-public.ts first,
 * in a plain Node process). It throws rather than calling process.exit: with rolldown's native threads running,
 * process.exit hung one run in four, the message printed and the process never ending.
 */
export function publicDirCheck(): AstroIntegration {
  return {
    name: 'yigai-public-dir',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const problems = publicDirProblems(fileURLToPath(config.publicDir));
        if (problems.length === 0) return;
        for (const line of publicDirReport(problems)) logger.error(line);
        throw new Error('public/ 中有不能复制进网站的文件，构建停止（见上）');
      },
    },
  };
}
