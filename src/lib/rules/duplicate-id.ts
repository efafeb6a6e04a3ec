import { at, type Problem } from '../problem.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

export const duplicateId = defineRule({
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'two entities of one kind, or two key results, with the same id',
  options: noOptions,
  check({ declarations }) {
    const problems: Problem[] = [];
    const kinds = [declarations.cycles, declarations.teams, declarations.people, declarations.objectives, declarations.reviews, declarations.glossary];
    for (const list of kinds) {
      const first = new Map<string, string>();
      for (const declaration of list) {
        const earlier = first.get(declaration.id);
        if (earlier === undefined) {
          first.set(declaration.id, declaration.file);
          continue;
        }
        problems.push({
          rule: 'duplicate-id',
          file: declaration.file,
          anchor: at.file(),
          message: `The id \`${declaration.id}\` is already used by \`${earlier}\`.`,
          hint: `Ids are file names and must be unique within \`${declaration.kind}/\`, sub-folders included; rename one of the two files.`,
        });
      }
    }
    const firstKeyResult = new Map<string, string>();
    // A duplicated objective file is one problem: its key results are not compared again.
    const seenObjectives = new Set<string>();
    for (const objective of declarations.objectives) {
      if (seenObjectives.has(objective.id)) continue;
      seenObjectives.add(objective.id);
      for (const kr of objective.keyResults) {
        if (kr.id === undefined) continue;
        const earlier = firstKeyResult.get(kr.id);
        if (earlier === undefined) {
          firstKeyResult.set(kr.id, objective.file);
          continue;
        }
        problems.push({
          rule: 'duplicate-id',
          file: objective.file,
          anchor: at.value('keyResults', kr.index, 'id'),
          message: `The key-result id \`${kr.id}\` is already used in \`${earlier}\`.`,
          hint: 'Key-result ids are unique across the whole handbook; give this one an id of its own.',
        });
      }
    }
    return problems;
  },
});
