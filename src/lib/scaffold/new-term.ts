import { createFrontMatter, renderFile } from './yaml-file.js';
import { idQuestion, type ScaffoldKind } from './context.js';
import { judgeReference, judgeText, splitList } from './values.js';

export const newTerm: ScaffoldKind = {
  name: 'term',
  summary: 'a term of the ownership glossary',
  usage: `  --term TEXT        the term as written in headings (asked for)
  --summary TEXT     one sentence (asked for)
  --id ID            file name (default: from the term)
  --synonyms LIST    other names, separated by commas
  --related LIST     ids of related glossary terms, separated by commas`,
  values: ['term', 'summary', 'id', 'synonyms', 'related'],
  required: ['term', 'summary'],
  async plan(context) {
    const { inputs, handbook } = context;
    const term = await inputs.require({ flag: 'term', prompt: 'Term', judge: judgeText });
    const id = await inputs.require(idQuestion(context, 'glossary term', context.taken.glossary, term));
    const summary = await inputs.require({ flag: 'summary', prompt: 'Summary (one sentence)', judge: judgeText });
    const synonyms = inputs.optional({ flag: 'synonyms', judge: (raw) => ({ value: splitList(raw) }) });
    const terms = new Map(handbook.glossary.map((t) => [t.id, t]));
    const related = inputs.optional({
      flag: 'related',
      judge: (raw) => {
        const ids: string[] = [];
        for (const item of splitList(raw)) {
          const verdict = judgeReference(item, 'glossary term', terms);
          if ('error' in verdict) return verdict;
          ids.push(item);
        }
        return { value: ids };
      },
    });
    const document = createFrontMatter({
      term,
      summary,
      ...(synonyms?.length && { synonyms }),
      ...(related?.length && { related }),
    });
    return { file: `glossary/${id}.md`, text: renderFile(document), notes: [] };
  },
};
