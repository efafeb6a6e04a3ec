import type { APIRoute } from 'astro';
import { serializeHandbook } from '../lib/model/serialize-handbook.js';
import { getSiteModel } from '../site/handbook.js';

/** The validated handbook as data; its shape is documented in docs/content-format.md. */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(serializeHandbook(getSiteModel().handbook), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
