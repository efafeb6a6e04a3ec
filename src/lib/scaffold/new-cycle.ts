import { createFrontMatter, renderFile } from './yaml-file.js';
import { idQuestion, type ScaffoldKind } from './context.js';
import { judgeChoice, judgeDate, judgeText } from './values.js';

const STATUSES = ['planning', 'active', 'closed'] as const;

export const newCycle: ScaffoldKind = {
  name: 'cycle',
  summary: 'an OKR cycle (a quarter, a half)',
  usage: `  --title TEXT       e.g. "2026 Q4" (asked for)
  --id ID            file name (default: from the title, "2026 Q4" -> 2026-q4)
  --start DATE       first day, YYYY-MM-DD (asked for)
  --end DATE         last day, YYYY-MM-DD (asked for)
  --status STATUS    planning (default), active or closed`,
  values: ['title', 'id', 'start', 'end', 'status'],
  required: ['title', 'start', 'end'],
  async plan(context) {
    const { inputs } = context;
    const title = await inputs.require({ flag: 'title', prompt: 'Title, e.g. 2026 Q4', judge: judgeText });
    const id = await inputs.require(idQuestion(context, 'cycle', context.taken.cycles, title));
    const start = await inputs.require({ flag: 'start', prompt: 'First day (YYYY-MM-DD)', judge: judgeDate });
    const end = await inputs.require({
      flag: 'end',
      prompt: 'Last day (YYYY-MM-DD)',
      judge: (raw) => {
        const verdict = judgeDate(raw);
        return 'value' in verdict && verdict.value < start ? { error: `The cycle would end (${verdict.value}) before it starts (${start}).` } : verdict;
      },
    });
    const status = inputs.optional({ flag: 'status', judge: (raw) => judgeChoice(raw, STATUSES) }) ?? 'planning';
    return { file: `cycles/${id}.md`, text: renderFile(createFrontMatter({ title, start, end, status })), notes: [] };
  },
};
