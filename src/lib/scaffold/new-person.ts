import { personSchema } from '../schema/person.js';
import { createFrontMatter, renderFile } from './yaml-file.js';
import { idQuestion, personQuestion, type ScaffoldKind } from './context.js';
import { judgeReference, judgeText } from './values.js';

export const newPerson: ScaffoldKind = {
  name: 'person',
  summary: 'a person (the only thing that can own)',
  usage: `  --name TEXT        full name (asked for)
  --id ID            file name (default: from the name, "Lee Wong" -> lee-wong)
  --role TEXT        job title
  --team TEAM        the team they belong to
  --manager PERSON   their manager
  --email ADDRESS    work e-mail address`,
  values: ['name', 'id', 'role', 'team', 'manager', 'email'],
  required: ['name'],
  async plan(context) {
    const { inputs, handbook } = context;
    const name = await inputs.require({ flag: 'name', prompt: 'Full name', judge: judgeText });
    const id = await inputs.require(idQuestion(context, 'person', context.taken.people, name));
    const role = inputs.optional({ flag: 'role', judge: judgeText });
    const team = inputs.optional({ flag: 'team', judge: (raw) => judgeReference(raw, 'team', new Map(handbook.teams.map((t) => [t.id, t]))) });
    const manager = inputs.optional(personQuestion(context, 'manager', 'manager'));
    const email = inputs.optional({
      flag: 'email',
      judge: (raw) => (personSchema.shape.email.safeParse(raw.trim()).success ? { value: raw.trim() } : { error: 'This is not an e-mail address.' }),
    });
    const document = createFrontMatter({
      name,
      ...(role !== undefined && { role }),
      ...(team !== undefined && { team: team.id }),
      ...(manager !== undefined && { manager: manager.id }),
      ...(email !== undefined && { email }),
    });
    return { file: `people/${id}.md`, text: renderFile(document), notes: [] };
  },
};
