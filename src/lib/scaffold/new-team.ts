import { createFrontMatter, renderFile } from './yaml-file.js';
import { idQuestion, personQuestion, type ScaffoldKind } from './context.js';
import { judgeReference, judgeText } from './values.js';

export const newTeam: ScaffoldKind = {
  name: 'team',
  summary: 'a team (contributes, never owns)',
  usage: `  --name TEXT        display name (asked for)
  --id ID            file name (default: from the name)
  --lead PERSON      the person who leads it
  --parent TEAM      the team it belongs to`,
  values: ['name', 'id', 'lead', 'parent'],
  required: ['name'],
  async plan(context) {
    const { inputs, handbook } = context;
    const name = await inputs.require({ flag: 'name', prompt: 'Team name', judge: judgeText });
    const id = await inputs.require(idQuestion(context, 'team', context.taken.teams, name));
    const lead = inputs.optional(personQuestion(context, 'lead', 'lead'));
    const parent = inputs.optional({ flag: 'parent', judge: (raw) => judgeReference(raw, 'team', new Map(handbook.teams.map((t) => [t.id, t]))) });
    const document = createFrontMatter({ name, ...(lead && { lead: lead.id }), ...(parent && { parent: parent.id }) });
    return { file: `teams/${id}.md`, text: renderFile(document), notes: [] };
  },
};
