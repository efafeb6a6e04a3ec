import { readFileSync } from 'node:fs';
import path from 'node:path';
import { acceptedComment, acceptedFlag, personQuestion, type ScaffoldKind } from './context.js';
import { insertKeyResult } from './insert-key-result.js';
import { judgeNewId, proposeId } from './new-id.js';
import { KIND_FLAGS, KIND_USAGE, keyResultFields, kindFromFlags } from './key-result-fields.js';
import { judgeReference, judgeText } from './values.js';

export const newKeyResult: ScaffoldKind = {
  name: 'kr',
  summary: 'a key result, added to an existing objective file',
  usage: `  --objective ID     the objective it belongs to (asked for)
  --title TEXT       what is measured (asked for)
  --id ID            its id, unique in the handbook (default: from the title)
  --owner PERSON     the one person accountable (asked for)
  --accepted DATE    only when the owner is the one running this: the day they accept (YYYY-MM-DD or today)
${KIND_USAGE}`,
  values: ['objective', 'title', 'id', 'owner', 'accepted', ...KIND_FLAGS],
  required: ['objective', 'title', 'owner'],
  async plan(context) {
    const { inputs, handbook } = context;
    const objectives = new Map(handbook.objectives.map((objective) => [objective.id, objective]));
    const objective = await inputs.require({
      flag: 'objective',
      prompt: 'Objective id',
      judge: (raw) => {
        const broken = context.taken.objectives.get(raw.trim());
        if (broken !== undefined && !objectives.has(raw.trim())) return { error: `${broken} has problems to fix first (run \`npm run check\`).` };
        return judgeReference(raw, 'objective', objectives);
      },
    });
    const title = await inputs.require({ flag: 'title', prompt: 'Key result title', judge: judgeText });
    const id = await inputs.require({
      flag: 'id',
      prompt: 'Key result id',
      fallback: proposeId(title),
      judge: (raw) => judgeNewId(raw, 'key result', context.keyResultIds),
    });
    const owner = await inputs.require(personQuestion(context, 'owner', 'owner'));
    const accepted = acceptedFlag(context);
    const kind = await kindFromFlags(inputs);

    const file = objective.source.file;
    const before = readFileSync(path.join(context.contentDir, file), 'utf8');
    const fields = keyResultFields({ id, title, owner: owner.id, accepted, kind });
    const insertion = insertKeyResult(before, file, fields, acceptedComment(owner.id));
    return {
      file,
      text: insertion.text,
      replaces: before,
      notes: insertion.reformatted ? [`The yaml package also rewrote other lines of the front matter of ${file}; check the diff before committing.`] : [],
    };
  },
};
