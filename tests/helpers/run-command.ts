import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The compiled `okr-handbook` command, as the package installs it (`npm test` compiles it first). */
export const COMMAND = path.join(ROOT, 'lib/okr-handbook.mjs');

export interface RunOptions {
  /** Where the command runs (default: this repository). */
  cwd?: string;
  /** Added to the environment; a variable set to undefined is removed. */
  env?: Record<string, string | undefined>;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function environment(extra: RunOptions['env']): NodeJS.ProcessEnv {
  // INIT_CWD is set when the tests themselves run under `npm test`; a test that wants it says so.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', INIT_CWD: undefined };
  for (const [name, value] of Object.entries(extra ?? {})) env[name] = value;
  for (const name of Object.keys(env)) if (env[name] === undefined) delete env[name];
  return env;
}

/** Runs `okr-handbook …args` as a user or CI would. */
export function runCommand(args: readonly string[], options: RunOptions = {}): RunResult {
  const result = spawnSync(process.execPath, [COMMAND, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: environment(options.env) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `runCommand`, without blocking: for builds side by side. */
export function runCommandAsync(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [COMMAND, ...args], { cwd: options.cwd ?? ROOT, env: environment(options.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
