import type { APIRoute } from 'astro';
import { serializeHandbook } from '../lib/model/serialize-handbook.js';
import { getSiteModel } from '../site/handbook.js';

/** The validated handbook as data; its shape is documented in docs/content-format.md. */
export const GET: APIRoute = async () => {
  const { handbook, ownership } = getSiteModel();
  return new Response(`${JSON.stringify(serializeHandbook(handbook, await ownership), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
