// `npm run preview`: serves the built site (dist/) on http://localhost:4321 (or PORT) with node:http.
import fs from 'node:fs';
import { startStaticServer } from './static-server.ts';

if (!fs.existsSync('dist/index.html')) {
  console.error('dist/ 不存在：先运行 `npm run build`。');
  process.exit(1);
}
// PORT is checked here, and a port taken or not allowed is one line: node's own errors are stack traces.
const portText = process.env.PORT ?? '4321';
const port = /^\d{1,5}$/.test(portText.trim()) ? Number(portText) : NaN;
if (!(port >= 0 && port <= 65535)) {
  console.error(`PORT 应为 0–65535 之间的整数，实际为「${portText.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}」。`);
  process.exit(2);
}
const server = await startStaticServer('dist', port).catch((error: NodeJS.ErrnoException) => {
  const why = error.code === 'EADDRINUSE' ? '已被占用' : error.code === 'EACCES' ? '没有权限使用' : `无法使用（${error.code ?? error.message}）`;
  console.error(`端口 ${port} ${why}：请用 PORT=<其他端口> npm run preview。`);
  process.exit(1);
});
console.log(`医改数据 preview: ${server.url.replace('127.0.0.1', 'localhost')}/  (Ctrl+C to stop)`);
