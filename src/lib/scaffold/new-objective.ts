import { acceptedComment, acceptedFlag, idQuestion, personQuestion, type ScaffoldKind } from './context.js';
import { judgeNewId, proposeId } from './new-id.js';
import { KIND_FLAGS, KIND_USAGE, keyResultFields, kindFromFlags } from './key-result-fields.js';
import { folderFor } from './placement.js';
import { commentOn, createFrontMatter, flowAt, renderFile } from './yaml-file.js';
import { judgeReference, judgeText } from './values.js';

export const newObjective: ScaffoldKind = {
  name: 'objective',
  summary: 'an objective with its first key result',
  usage: `  --title TEXT       what the objective wants to achieve (asked for)
  --id ID            file name (default: from the title)
  --cycle CYCLE      its cycle (default: the active cycle)
  --owner PERSON     the one person accountable (asked for)
  --accepted DATE    only when the owner is the one running this: the day they accept (YYYY-MM-DD or today)
  --team TEAM        the team that contributes
  --sponsor PERSON   executive sponsor
  --parent OBJECTIVE the objective it aligns to
The first key result (an objective needs at least one; add more with \`new kr\`):
  --kr-title TEXT    what is measured (asked for)
  --kr-id ID         its id (default: from its title)
  --kr-owner PERSON  its owner (default: the objective's owner)
  --kr-accepted DATE the day its owner accepts (default: --accepted, when the owner is the same)
${KIND_USAGE}`,
  values: ['title', 'id', 'cycle', 'owner', 'accepted', 'team', 'sponsor', 'parent', 'kr-title', 'kr-id', 'kr-owner', 'kr-accepted', ...KIND_FLAGS],
  required: ['title', 'owner', 'kr-title'],
  async plan(context) {
    const { inputs, handbook } = context;
    const cycles = new Map(handbook.cycles.map((cycle) => [cycle.id, cycle]));
    const teams = new Map(handbook.teams.map((team) => [team.id, team]));
    const objectives = new Map(handbook.objectives.map((objective) => [objective.id, objective]));

    const title = await inputs.require({ flag: 'title', prompt: 'Objective title', judge: judgeText });
    const id = await inputs.require(idQuestion(context, 'objective', context.taken.objectives, title));
    const cycle = await inputs.require({ flag: 'cycle', prompt: 'Cycle', fallback: handbook.activeCycle?.id, judge: (raw) => judgeReference(raw, 'cycle', cycles) });
    const owner = await inputs.require(personQuestion(context, 'owner', 'owner'));
    const accepted = acceptedFlag(context);
    const team = inputs.optional({ flag: 'team', judge: (raw) => judgeReference(raw, 'team', teams) });
    const sponsor = inputs.optional(personQuestion(context, 'sponsor', 'sponsor'));
    const parent = inputs.optional({ flag: 'parent', judge: (raw) => judgeReference(raw, 'objective', objectives) });

    const krTitle = await inputs.require({ flag: 'kr-title', prompt: 'First key result: title', judge: judgeText });
    const krId = await inputs.require({
      flag: 'kr-id',
      prompt: 'First key result: id',
      fallback: proposeId(krTitle),
      judge: (raw) => judgeNewId(raw, 'key result', context.keyResultIds),
    });
    const krOwner = await inputs.require(personQuestion(context, 'kr-owner', 'key-result owner', owner.id));
    const krAccepted = acceptedFlag(context, 'kr-accepted') ?? (krOwner === owner ? accepted : undefined);
    const kind = await kindFromFlags(inputs);

    const document = createFrontMatter({
      title,
      cycle: cycle.id,
      ...(team && { team: team.id }),
      owner: owner.id,
      accepted: accepted ?? null,
      ...(sponsor && { sponsor: sponsor.id }),
      ...(parent && { parent: parent.id }),
      keyResults: [keyResultFields({ id: krId, title: krTitle, owner: krOwner.id, accepted: krAccepted, kind })],
    });
    if (accepted === undefined) commentOn(document, ['accepted'], acceptedComment(owner.id));
    if (krAccepted === undefined) commentOn(document, ['keyResults', 0, 'accepted'], acceptedComment(krOwner.id));
    if ('metric' in kind) flowAt(document, ['keyResults', 0, 'metric']);
    return { file: `${folderFor('objectives', cycle.id, handbook)}/${id}.md`, text: renderFile(document), notes: [] };
  },
};
