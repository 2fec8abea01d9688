// Before Astro starts (npm run build): public/ must hold only what can be copied into the site as it is
// (src/build-checks/public-links.ts). Run in a plain Node process, so it ends with an exit code, one line per
// problem and no stack trace; inside Astro, process.exit could hang on rolldown's threads.
// Usage: node scripts/check-public.ts [public folder, default public/]
import path from 'node:path';
import { publicDirProblems, publicDirReport } from '../src/build-checks/public-links.ts';

const dir = path.resolve(process.argv[2] ?? 'public');
const problems = publicDirProblems(dir);
for (const line of publicDirReport(problems)) console.error(`错误[public-dir]: ${line}`);
if (problems.length > 0) process.exitCode = 1;
