// `npm run preview`: serves the built site (dist/) on http://localhost:4321 (or PORT) with node:http.
import fs from 'node:fs';
import { startStaticServer } from './static-server.ts';

if (!fs.existsSync('dist/index.html')) {
  console.error('dist/ 不存在：先运行 `npm run build`。');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
const server = await startStaticServer('dist', port);
console.log(`医改数据 preview: ${server.url.replace('127.0.0.1', 'localhost')}/  (Ctrl+C to stop)`);
