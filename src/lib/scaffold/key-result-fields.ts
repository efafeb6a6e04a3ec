import type { MetricData } from '../schema/objective.js';
import { UsageError } from '../cli/parse-arguments.js';
import type { Inputs } from './inputs.js';
import { judgeNumber, judgeText } from './values.js';

/** The flags of a metric, shared by `kr` and an objective's first key result. */
export const METRIC_USAGE = `  --baseline N       the metric's value when the cycle starts
  --target N         the value that scores 1.0 (give both, or neither)
  --unit TEXT        unit shown after values, e.g. %`;

export const METRIC_FLAGS = ['baseline', 'target', 'unit'] as const;

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
export function keyResultFields(fields: { id: string; title: string; owner: string; accepted: string | undefined; metric: MetricData | undefined }): Record<string, unknown> {
  return {
    id: fields.id,
    title: fields.title,
    owner: fields.owner,
    accepted: fields.accepted ?? null,
    ...(fields.metric && { metric: fields.metric }),
  };
}
