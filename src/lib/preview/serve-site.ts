import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServedSite {
  /** The site's address, with its base path. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves a built site under `base`, as a static host would: `/okrs/people/`
 * answers with `people/index.html`, a missing page with the site's 404 page
 * when it has one, and nothing outside the site folder is ever read.
 */
export async function serveSite(siteDir: string, options: { base?: string; host?: string; port?: number } = {}): Promise<ServedSite> {
  const root = await fs.realpath(siteDir);
  const base = options.base ?? '/';
  const server = createServer((request, response) => {
    void answer(root, base, request.url ?? '/').then(({ status, file, location }) => {
      if (location) return void response.writeHead(status, { Location: location }).end();
      if (!file) return void response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${status}\n`);
      response.writeHead(status, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
      if (request.method === 'HEAD') return void response.end();
      createReadStream(file).pipe(response);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port, address, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;
  return { url: `http://${host}:${port}${base}`, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface Answer {
  status: number;
  file?: string;
  location?: string;
}

async function answer(root: string, base: string, url: string): Promise<Answer> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return { status: 400 };
  }
  // The site is served only under its base path; `/okrs` goes to `/okrs/`.
  if (`${pathname}/` === base) return { status: 301, location: base };
  if (!pathname.startsWith(base) || pathname.includes('\0')) return notFound(root);
  const file = path.join(root, pathname.slice(base.length));
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  const found = await regularFile(root, file);
  if (found) return { status: 200, file: found };
  const index = await regularFile(root, path.join(file, 'index.html'));
  if (index) return pathname.endsWith('/') ? { status: 200, file: index } : { status: 301, location: encodeURI(`${pathname}/`) };
  return notFound(root);
}

async function notFound(root: string): Promise<Answer> {
  const page = await regularFile(root, path.join(root, '404.html'));
  return page ? { status: 404, file: page } : { status: 404 };
}

/** `file` when it is a regular file inside the site after following links; else undefined. */
async function regularFile(root: string, file: string): Promise<string | undefined> {
  const real = await fs.realpath(file).catch(() => undefined);
  if (!real || !(real === root || real.startsWith(root + path.sep))) return undefined;
  const stat = await fs.stat(real).catch(() => undefined);
  return stat?.isFile() ? real : undefined;
}
