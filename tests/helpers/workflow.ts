/** The parts of a GitHub Actions workflow the workflow tests read. */
export interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

export interface Job {
  if?: string;
  steps: Step[];
  permissions?: Record<string, string>;
}

/** `npm run [--silent] NAME -- ARGS` in a step, as the script name and its arguments. */
export function npmRun(step: Step): { script: string; args: string[] } | undefined {
  const match = /npm run (?:--silent )?([\w:-]+)(?: -- ([^>\n]*))?/.exec(step.run ?? '');
  if (!match) return undefined;
  const args = (match[2] ?? '').trim().split(/\s+/).filter(Boolean);
  return { script: match[1]!, args };
}
