import { execFile, spawn } from 'node:child_process';

/** Why the ownership history could not be read; a notice for the build's output, never a failure. */
export class HistoryUnavailable extends Error {}

/**
 * The environment git runs in: no prompt for credentials, no optional
 * locks (a dev server must not hold up the author's own `git commit`).
 */
function gitEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
}

function unavailable(error: NodeJS.ErrnoException): HistoryUnavailable {
  return new HistoryUnavailable(error.code === 'ENOENT' ? 'git is not installed or not on the PATH' : `git could not be run (${error.message})`);
}

export interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs git with an argument array, never through a shell, and returns its
 * output; a git that cannot be started is {@link HistoryUnavailable}.
 */
export function runGit(cwd: string, args: readonly string[]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env: gitEnvironment(), encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, shell: false }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      // A git that ran and said no has a numeric exit code; anything else means it did not run (or its output was too large).
      if (error && typeof code !== 'number') return reject(unavailable(error as NodeJS.ErrnoException));
      resolve({ status: typeof code === 'number' ? code : 0, stdout, stderr: stderr.trim() });
    });
  });
}

/**
 * Runs git with an argument array (no shell), writes `input` to it, and
 * hands its output to `onData` chunk by chunk, so that a large answer (the
 * text of every past version of every objective) is never held whole.
 * Resolves when git exits; a non-zero exit rejects with its message.
 */
export function streamGit(cwd: string, args: readonly string[], input: string, onData: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    let stderr = '';
    let failed: unknown;
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed !== undefined) return;
      try {
        onData(chunk);
      } catch (error) {
        failed = error;
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    // git exiting early closes the pipe; its exit status tells why.
    child.stdin.on('error', () => {});
    child.on('error', (error) => reject(unavailable(error)));
    child.on('close', (code) => {
      if (failed !== undefined) return reject(failed);
      if (code !== 0) return reject(new HistoryUnavailable(`\`git ${args[0]}\` failed: ${firstLine(stderr) || `exit status ${code}`}`));
      resolve();
    });
    child.stdin.end(input);
  });
}

export function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^fatal: /, '') ?? '';
}
