import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { COMMAND, ROOT } from '../helpers/run-command.js';
import { CHURN, CHURN_KR, repositoryWithTwoHandovers } from '../lib/history/ledger-fixture.js';

const fixture = repositoryWithTwoHandovers();
let server: ChildProcess;
let output = '';
let url: string;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the page showed: ${await churnLedger().catch(String)}; dev server said:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The churn key result's ownership history as the dev server shows it now, tags dropped. */
async function churnLedger(): Promise<string> {
  const html = await (await fetch(`${url}/key-results/q3-churn/`)).text();
  const start = html.indexOf('<section class="ledger"');
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_ENV;
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  server = spawn(process.execPath, [COMMAND, 'dev', '--content', fixture.contentDir, '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  await until('the dev server', async () => ((await fetch(`${url}/objectives/`)).status === 200 ? true : undefined), 90_000);
}, 120_000);

afterAll(() => {
  server?.kill();
});

describe('okr-handbook dev and the ownership ledger', () => {
  it('shows the ledger, an owner not committed yet, and the commit once it lands', async () => {
    expect(await churnLedger()).toContain(`Priya Shah · since 2026-08-01 · accepted on 2026-08-01 · in ${fixture.short.third}`);

    fixture.repository.edit(CHURN, `${CHURN_KR}owner: priya-shah\n    accepted: 2026-08-01`, `${CHURN_KR}owner: sam-okafor\n    accepted: 2026-08-09`);
    const uncommitted = await until('the edit', async () => {
      const ledger = await churnLedger();
      return ledger.includes('not committed yet') ? ledger : undefined;
    });
    expect(uncommitted).toContain('Sam Okafor · not committed yet · accepted on 2026-08-09');

    const landed = fixture.repository.git('rev-parse', '--short', fixture.repository.commit('Sam takes churn back', '2026-08-10'));
    const ledger = await until('the commit', async () => {
      const text = await churnLedger();
      return text.includes(landed) ? text : undefined;
    });
    expect(ledger).toContain(`Sam Okafor · since 2026-08-10 · accepted on 2026-08-09 · in ${landed} Sam takes churn back`);
    expect(ledger).toContain('4 owners');
  }, 120_000);
});
