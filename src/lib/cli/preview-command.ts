import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveSite } from '../preview/serve-site.js';
import { normalizeBase } from './base-path.js';
import { readBuildMarker } from '../build/build-marker.js';
import type { CommandIo } from './commands.js';
import { parseArguments, UsageError } from './parse-arguments.js';

export const PREVIEW_USAGE = `Usage: okr-handbook preview [--out DIR] [--base PATH] [--port N] [--host HOST]

Serves a site built by \`okr-handbook build\` on this machine, as a static host
would, under the base path it was built with.
  --out DIR       the built site (default: dist)
  --base PATH     the path to serve it under (default: the one it was built with)
  --port N        the port (default: 4321)
  --host HOST     the address to listen on (default: 127.0.0.1; 0.0.0.0 for the network)
Stop it with Ctrl-C. Exit codes: 0 stopped, 2 usage error (no site there).`;

/** Serves the site until the process is stopped. */
export async function runPreviewCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let flags: Map<string, string | true>;
  try {
    flags = parseArguments(argv, { values: ['out', 'base', 'port', 'host'], switches: ['help'] });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n\n${PREVIEW_USAGE}\n`);
    return 2;
  }
  if (flags.has('help')) {
    io.stdout.write(`${PREVIEW_USAGE}\n`);
    return 0;
  }
  const outDir = path.resolve(io.cwd, (flags.get('out') as string | undefined) ?? 'dist');
  if (!existsSync(path.join(outDir, 'index.html'))) {
    io.stderr.write(`There is no built site in ${outDir}: run \`okr-handbook build\` first.\n`);
    return 2;
  }
  const portText = (flags.get('port') as string | undefined) ?? '4321';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`\`--port\` takes a port number from 0 to 65535, not \`${portText}\`.\n`);
    return 2;
  }
  const given = flags.get('base') as string | undefined;
  const base = normalizeBase(given ?? readBuildMarker(outDir)?.base);
  const site = await serveSite(outDir, { base, port, host: (flags.get('host') as string | undefined) ?? '127.0.0.1' });
  io.stdout.write(`Serving ${outDir} at ${site.url} (Ctrl-C to stop).\n`);
  await new Promise<void>((resolve) => site.server.once('close', () => resolve()));
  return 0;
}
