/** A usage error: exit code 2, with the message and the usage text. */
export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value, e.g. `content` for `--content DIR`. */
  values: readonly string[];
  /** Flags that are switches, e.g. `help`. */
  switches?: readonly string[];
  /** How many plain arguments (not starting with `--`) the command takes at most; default none. */
  positionals?: number;
}

export interface CommandLine {
  flags: Map<string, string | true>;
  /** The plain arguments in order, e.g. `BASE HEAD` of `diff`. */
  positionals: string[];
}

/** Parses `--flag value`, `--flag=value` and switches; anything else is a usage error. */
export function parseArguments(argv: readonly string[], spec: FlagSpec): Map<string, string | true> {
  return parseCommandLine(argv, spec).flags;
}

/** Like {@link parseArguments}, and also takes up to `spec.positionals` plain arguments. */
export function parseCommandLine(argv: readonly string[], spec: FlagSpec): CommandLine {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    if (!argument.startsWith('--') && positionals.length < (spec.positionals ?? 0)) {
      positionals.push(argument);
      continue;
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(argument);
    if (!match) throw new UsageError(`Unexpected argument \`${argument}\`.`);
    const [, name, inline] = match as unknown as [string, string, string | undefined];
    if (spec.switches?.includes(name)) {
      if (inline !== undefined) throw new UsageError(`\`--${name}\` takes no value.`);
      flags.set(name, true);
    } else if (spec.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') throw new UsageError(`\`--${name}\` needs a value.`);
      flags.set(name, value);
    } else {
      throw new UsageError(`Unknown option \`--${name}\`.`);
    }
  }
  return { flags, positionals };
}
