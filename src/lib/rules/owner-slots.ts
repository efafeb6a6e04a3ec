import type { OwnerSlot } from '../load/declare-entities.js';
import type { RuleContext } from './rule.js';
import type { OwnerVerdict } from '../model/judge-owner.js';

/** "`owner` of key result `d7-activation`" */
export function describeSlot(slot: OwnerSlot): string {
  return `\`${slot.field}\` of ${slot.subject}`;
}

/** Every ownership slot with its verdict of the given kind. */
export function slotsJudged<K extends OwnerVerdict['kind']>(
  context: RuleContext,
  ...kinds: K[]
): { slot: OwnerSlot; verdict: Extract<OwnerVerdict, { kind: K }> }[] {
  const wanted = new Set<string>(kinds);
  return context.declarations.ownerSlots.flatMap((slot) => {
    const verdict = context.judgeOwner(slot.value);
    return wanted.has(verdict.kind) ? [{ slot, verdict: verdict as Extract<OwnerVerdict, { kind: K }> }] : [];
  });
}

/** A concrete person to suggest: the lead of the objective's team, if it has one. */
export function suggestedPerson(context: RuleContext, slot: OwnerSlot): string | undefined {
  const objective = context.declarations.objectives.find((d) => d.file === slot.file);
  const teamId = objective?.data?.team;
  const team = teamId === undefined ? undefined : context.handbook.teams.find((t) => t.id === teamId);
  return team?.lead?.id;
}
