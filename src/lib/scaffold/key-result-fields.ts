import type { LevelsData, MetricData } from '../schema/objective.js';
import { UsageError } from '../cli/parse-arguments.js';
import type { Inputs } from './inputs.js';
import { judgeChoice, judgeNumber, judgeText } from './values.js';

/** The flags of a metric, shared by `kr` and an objective's first key result. */
export const METRIC_USAGE = `  --baseline N       the metric's value when the cycle starts
  --target N         the value that scores 1.0 (give both, or neither)
  --unit TEXT        unit shown after values, e.g. %`;

export const METRIC_FLAGS = ['baseline', 'target', 'unit'] as const;

/** The flags that choose how a key result is measured, shared by `kr` and an objective's first key result. */
export const KIND_USAGE = `  --kind KIND        how it is measured: metric, levels or milestone
                     (default: metric with --baseline, levels with the --level flags, else none yet)
${METRIC_USAGE}
  --level-commit TEXT   levels: what is promised (asked for with --kind levels)
  --level-target TEXT   levels: what is aimed for
  --level-stretch TEXT  levels: what would be outstanding`;

const LEVEL_FLAGS = ['level-commit', 'level-target', 'level-stretch'] as const;
export const KIND_FLAGS = ['kind', ...METRIC_FLAGS, ...LEVEL_FLAGS] as const;
const KINDS = ['metric', 'levels', 'milestone'] as const;

/** The field that names a key result's kind, as written in front matter; nothing while no kind is chosen. */
export type KindFields = { metric: MetricData } | { levels: LevelsData } | { milestone: true } | Record<string, never>;

/**
 * The kind from `--kind`, or from the flags given: a metric with
 * `--baseline`/`--target`, levels with the `--level-…` flags (each asked for
 * at a terminal), a milestone with `--kind milestone`.
 */
export async function kindFromFlags(inputs: Inputs): Promise<KindFields> {
  const chosen = inputs.optional({ flag: 'kind', judge: (raw) => judgeChoice(raw, KINDS) });
  const metric = metricFromFlags(inputs);
  const levelGiven = LEVEL_FLAGS.some((flag) => inputs.raw(flag) !== undefined);
  const kind = chosen ?? (metric ? 'metric' : levelGiven ? 'levels' : undefined);
  if ((metric && kind !== 'metric') || (levelGiven && kind !== 'levels')) {
    throw new UsageError('A key result is measured one way: give `--baseline` and `--target` (metric) or the `--level-…` flags (levels), not both, and only with their `--kind`.');
  }
  if (kind === 'metric') {
    if (!metric) throw new UsageError('`--kind metric` needs `--baseline` and `--target`.');
    return { metric };
  }
  if (kind === 'milestone') return { milestone: true };
  if (kind === 'levels') {
    const commit = await inputs.require({ flag: 'level-commit', prompt: 'Commit level: what is promised', judge: judgeText });
    const target = await inputs.require({ flag: 'level-target', prompt: 'Target level: what is aimed for', judge: judgeText });
    const stretch = await inputs.require({ flag: 'level-stretch', prompt: 'Stretch level: what would be outstanding', judge: judgeText });
    return { levels: { commit, target, stretch } };
  }
  return {};
}

/** `{ baseline, target, unit }` from the flags, or nothing when none is given. */
export function metricFromFlags(inputs: Inputs): MetricData | undefined {
  const baseline = inputs.optional({ flag: 'baseline', judge: judgeNumber });
  const target = inputs.optional({ flag: 'target', judge: judgeNumber });
  const unit = inputs.optional({ flag: 'unit', judge: judgeText });
  if (baseline === undefined && target === undefined) {
    if (unit !== undefined) throw new UsageError('`--unit` goes with `--baseline` and `--target`.');
    return undefined;
  }
  if (baseline === undefined || target === undefined) throw new UsageError('Give both `--baseline` and `--target`, or neither.');
  return { baseline, target, ...(unit !== undefined && { unit }) };
}

/** A key result as written in front matter; `accepted` is blank until its owner accepts. */
export function keyResultFields(fields: { id: string; title: string; owner: string; accepted: string | undefined; kind: KindFields }): Record<string, unknown> {
  return {
    id: fields.id,
    title: fields.title,
    owner: fields.owner,
    accepted: fields.accepted ?? null,
    ...fields.kind,
  };
}
