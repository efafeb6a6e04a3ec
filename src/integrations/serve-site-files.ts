import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { getSiteModel, hasSiteModel } from '../site/handbook.js';

const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.css': 'text/css; charset=utf-8',
};

/** `npm run dev`'s answer for `/brand/…`: the files the latest validation checked, as `npm run build` writes them. */
export function serveSiteFiles(base: () => string) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const prefix = `${base().replace(/\/$/, '')}/brand/`;
    const url = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
    if (!url.startsWith(prefix) || !hasSiteModel()) return next();
    const file = url.slice(prefix.length);
    const bytes = getSiteModel().siteFiles?.get(file);
    if (!bytes) return next();
    response.setHeader('Content-Type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(bytes);
  };
}
