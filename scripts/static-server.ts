// A small static file server over dist/ (node:http): used by `npm run preview` and by the browser tests,
// because Astro 7 allows only one `astro preview` per project at a time.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.zip': 'application/zip',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The file a URL path names inside `root` (directories serve index.html), or null when there is none. */
export function resolveFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const candidate = path.resolve(root, '.' + path.posix.normalize(decoded));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  // A symlink inside the root may point anywhere (/etc/passwd): the file's real path must be inside the root's.
  const realRoot = realOrNull(root);
  if (!realRoot) return null;
  for (const file of [candidate, path.join(candidate, 'index.html'), candidate + '.html']) {
    const real = realOrNull(file);
    if (!real || (real !== realRoot && !real.startsWith(realRoot + path.sep))) continue;
    if (fs.statSync(real).isFile()) return real;
  }
  return null;
}

/**
 * A folder asked for without its slash (/indicators/birth-rate): the address static hosts redirect it to, so that
 * relative addresses on the page resolve as they will once published (it was served as is); null otherwise. Built
 * from the folder's place under `root`, never from the request's text: `//data` must not become `//data/`, an
 * address on another host. The query is kept, its bytes as sent (node reads the request line as latin1).
 */
export function folderRedirect(root: string, url: string): string | null {
  const at = url.indexOf('?');
  const [pathPart, query] = at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return null;
  }
  if (decoded.endsWith('/')) return null;
  const folder = path.resolve(root, '.' + path.posix.normalize(decoded));
  if (!folder.startsWith(root + path.sep) || !resolveFile(root, pathPart + '/') || !isFolder(folder)) return null;
  const byte = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  return `/${path.relative(root, folder).split(path.sep).map(encodeURIComponent).join('/')}/${query.replace(/[^\x21-\x7e]/g, byte)}`;
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function realOrNull(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
}

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves `root` on localhost; port 0 picks a free port. */
export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const absoluteRoot = path.resolve(root);
  const server = http.createServer((request, response) => {
    // A static host reads files and changes none: POST, PUT, DELETE, TRACE… were answered 200 with the page, as if
    // they had done something (hostile25).
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('405');
      return;
    }
    const redirect = folderRedirect(absoluteRoot, request.url ?? '/');
    if (redirect) {
      // no-cache: a 301 without it is kept by browsers for good, and localhost:4321 serves another build (or another
      // project) tomorrow, where the address may be a file (hostile25s3).
      response.writeHead(301, { Location: redirect, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' }).end('301');
      return;
    }
    const file = resolveFile(absoluteRoot, request.url ?? '/');
    const notFound = path.join(absoluteRoot, '404.html');
    const served = file ?? (fs.existsSync(notFound) ? notFound : null);
    if (!served) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404');
      return;
    }
    const type =
      CONTENT_TYPES[path.extname(served).toLowerCase()] ??
      (path.basename(served) === 'SHA256SUMS' ? CONTENT_TYPES['.txt']! : 'application/octet-stream');
    response.writeHead(file ? 200 : 404, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
    if (request.method === 'HEAD') response.end();
    // A file that vanishes or cannot be read after the check ends this response, never the server (an unhandled
    // stream error would stop every later request); a reader who leaves mid-file closes the file too (pipe() kept
    // it open: each download cut short held a descriptor until the server ran out of them).
    else pipeline(fs.createReadStream(served), response, (error) => error && response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
