import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { astroFolders } from '../build/build-site.js';
import { buildWorkFolder } from '../build/work-folder.js';
import { readOkrHandbookManifest } from '../package-root.js';
import { normalizeBase } from './base-path.js';
import type { CommandIo } from './commands.js';
import { contentOption, resolveContentDir } from './content-folder.js';
import { parseArguments, UsageError } from './parse-arguments.js';

export const DEV_USAGE = `Usage: okr-handbook dev [--content DIR] [--base PATH] [--port N] [--host HOST]

Serves the site while you edit. Every change to a content file is validated
again: problems are printed here and shown in the open page, which reloads
by itself once they are fixed.
  ${contentOption()}
  --base PATH         the path to serve the site under, e.g. /okrs/ (default: /)
  --port N            the port (default: 4321, or the next free one)
  --host HOST         the address to listen on (default: localhost; 0.0.0.0 for the network)
Stop it with Ctrl-C. Exit codes: 0 stopped, 2 usage error.`;

/** Runs Astro's dev server on the handbook until the process is interrupted. */
export async function runDevCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let flags: Map<string, string | true>;
  try {
    flags = parseArguments(argv, { values: ['content', 'base', 'port', 'host'], switches: ['help'] });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n\n${DEV_USAGE}\n`);
    return 2;
  }
  if (flags.has('help')) {
    io.stdout.write(`${DEV_USAGE}\n`);
    return 0;
  }
  const contentDir = resolveContentDir(io.cwd, flags.get('content') as string | undefined);
  if (!existsSync(contentDir)) {
    io.stderr.write(`The content folder \`${contentDir}\` does not exist. Give it with --content, or run \`okr-handbook init\` to start a handbook.\n`);
    return 2;
  }
  const portText = flags.get('port') as string | undefined;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    io.stderr.write(`\`--port\` takes a port number from 0 to 65535, not \`${portText}\`.\n`);
    return 2;
  }
  const base = normalizeBase(flags.get('base') as string | undefined);
  const host = flags.get('host') as string | undefined;

  // astro.config.mjs and the integration read the handbook's folder from here.
  process.env.OKR_HANDBOOK_CONTENT = contentDir;
  process.env.OKR_HANDBOOK_BASE = base;
  // An internal handbook is served on a closed network: nothing is sent anywhere. Nor is Astro's
  // "new version available" advice printed: it means a request to the registry, and it is for
  // Astro projects, not for a user of this command, whose Astro version okr-handbook chooses.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

  // Astro's state goes into a folder of this server's own, as a build's does, never into the installed package.
  const work = buildWorkFolder(`dev-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const { dev } = await import('astro');
  const server = await dev({
    ...astroFolders({ root: readOkrHandbookManifest().root, workDir: work }),
    base,
    server: { ...(port !== undefined && { port }), ...(host !== undefined && { host }) },
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.stop();
  rmSync(work, { recursive: true, force: true });
  return 0;
}
