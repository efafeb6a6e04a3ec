import { describe, expect, it } from 'vitest';
import { BASE_HANDBOOK, checkFiles, edit, located } from '../../helpers/fixture-handbook.js';

const OBJECTIVE = 'objectives/2026-q3/retention.md';
const CHECK_IN = 'reviews/2026-q3/week-33.md';
const RETROSPECTIVE = 'reviews/2026-q2-retrospective.md';

/** Runs the fixture with one change and returns what a user would see, minus the wording. */
async function diagnose(overrides: Record<string, string | null>) {
  const { diagnostics } = await checkFiles(overrides);
  return { all: diagnostics, located: located(diagnostics) };
}

describe('yaml-syntax', () => {
  it('reports a tab used for indentation on its line', async () => {
    const { located: found, all } = await diagnose(edit(OBJECTIVE, '    owner: lee-wong\n    accepted: 2026-06-26', '\towner: lee-wong\n    accepted: 2026-06-26'));
    expect(found).toEqual([{ rule: 'yaml-syntax', severity: 'error', file: OBJECTIVE, line: 11, column: 1 }]);
    expect(all[0]!.hint).toMatch(/spaces/);
  });

  it('reports front matter that is never closed at its opening line', async () => {
    const { located: found, all } = await diagnose({ 'people/lee-wong.md': '---\nname: Lee Wong\nrole: Product Manager\n' });
    expect(found).toEqual([{ rule: 'yaml-syntax', severity: 'error', file: 'people/lee-wong.md', line: 1, column: 1 }]);
    expect(all[0]!.message).toMatch(/never closed/);
  });

  it('reports a duplicated key where the second one stands', async () => {
    const { located: found } = await diagnose(edit('cycles/2026-q3.md', 'status: active\n', 'status: active\nstatus: closed\n'));
    expect(found).toEqual([{ rule: 'yaml-syntax', severity: 'error', file: 'cycles/2026-q3.md', line: 6, column: 1 }]);
  });
});

describe('front-matter-language', () => {
  it('refuses ---js front matter, pointing at the language name', async () => {
    const { located: found } = await diagnose({ 'people/lee-wong.md': "---js\n{ name: 'Lee Wong' }\n---\n" });
    expect(found).toEqual([{ rule: 'front-matter-language', severity: 'error', file: 'people/lee-wong.md', line: 1, column: 4 }]);
  });
});

describe('schema', () => {
  it('reports an unknown field on its key, with a did-you-mean', async () => {
    const { located: found, all } = await diagnose(edit('cycles/2026-q3.md', 'title: 2026 Q3', 'titel: 2026 Q3'));
    // The misspelt key is the only problem: `title` being absent is the same mistake.
    expect(found).toContainEqual({ rule: 'schema', severity: 'error', file: 'cycles/2026-q3.md', line: 2, column: 1 });
    expect(all.find((d) => d.message.includes('titel'))!.hint).toBe('Did you mean `title`?');
  });

  it('reports a date not written YYYY-MM-DD on the value', async () => {
    const { located: found } = await diagnose(edit('cycles/2026-q3.md', 'start: 2026-07-01', 'start: 2026-7-1'));
    expect(found).toEqual([{ rule: 'schema', severity: 'error', file: 'cycles/2026-q3.md', line: 3, column: 8 }]);
  });

  it('reports a missing required field on the mapping that lacks it', async () => {
    const { located: found, all } = await diagnose(edit('cycles/2026-q3.md', 'status: active\n', ''));
    expect(found).toEqual([{ rule: 'schema', severity: 'error', file: 'cycles/2026-q3.md', line: 2, column: 1 }]);
    expect(all[0]!.message).toContain('`status`');
  });

  it('reports a wrongly typed value inside a list item', async () => {
    const { located: found } = await diagnose(edit(CHECK_IN, 'confidence: 0.5', 'confidence: high'));
    expect(found).toEqual([{ rule: 'schema', severity: 'error', file: CHECK_IN, line: 10, column: 17 }]);
  });

  it('reports an enum value with the allowed ones', async () => {
    const { located: found, all } = await diagnose(edit('cycles/2026-q3.md', 'status: active', 'status: no'));
    expect(found).toEqual([{ rule: 'schema', severity: 'error', file: 'cycles/2026-q3.md', line: 5, column: 9 }]);
    expect(all[0]!.hint).toContain('`active`');
  });
});

describe('duplicate-id', () => {
  it('reports a second key result with the same id on that id', async () => {
    const { located: found } = await diagnose(edit(OBJECTIVE, '- id: q3-churn', '- id: q3-retention'));
    expect(found).toContainEqual({ rule: 'duplicate-id', severity: 'error', file: OBJECTIVE, line: 18, column: 9 });
    expect(found.filter((d) => d.rule === 'duplicate-id')).toHaveLength(1);
  });

  it('reports a second file with the same id in another sub-folder', async () => {
    const { located: found } = await diagnose({ 'reviews/extra/week-33.md': BASE_HANDBOOK[CHECK_IN]! });
    expect(found).toEqual([{ rule: 'duplicate-id', severity: 'error', file: 'reviews/extra/week-33.md', line: 1, column: 1 }]);
  });
});

describe('unresolved-reference', () => {
  it('reports a cycle that does not exist, suggesting the closest', async () => {
    const { located: found, all } = await diagnose(edit(OBJECTIVE, 'cycle: 2026-q3', 'cycle: 2026-q33'));
    expect(found).toEqual([{ rule: 'unresolved-reference', severity: 'error', file: OBJECTIVE, line: 3, column: 8 }]);
    expect(all[0]!.hint).toBe('Did you mean `2026-q3`?');
  });

  it('reports an owner written by name and suggests the id', async () => {
    const { located: found, all } = await diagnose(edit(OBJECTIVE, 'owner: priya-shah', 'owner: Priya Shah'));
    expect(found).toEqual([{ rule: 'unresolved-reference', severity: 'error', file: OBJECTIVE, line: 5, column: 8 }]);
    expect(all[0]!.hint).toContain('`priya-shah`');
  });

  it('reports a check-in update for a key result that does not exist', async () => {
    const { located: found } = await diagnose(edit(CHECK_IN, 'kr: q3-churn', 'kr: q3-chrun'));
    // The real q3-churn now has no check-in either, which is a separate, true warning.
    expect(found).toContainEqual({ rule: 'unresolved-reference', severity: 'error', file: CHECK_IN, line: 9, column: 9 });
  });
});

describe('owner-required', () => {
  it('reports a key result without an owner on its mapping', async () => {
    const { located: found } = await diagnose(edit(OBJECTIVE, '    owner: sam-okafor\n', ''));
    expect(found).toEqual([{ rule: 'owner-required', severity: 'error', file: OBJECTIVE, line: 18, column: 5 }]);
  });

  it('reports an empty owner on its key', async () => {
    const { located: found } = await diagnose(edit(OBJECTIVE, 'owner: priya-shah', 'owner:'));
    expect(found).toEqual([{ rule: 'owner-required', severity: 'error', file: OBJECTIVE, line: 5, column: 1 }]);
  });
});

describe('owner-single', () => {
  it('reports an owner given as a list', async () => {
    const { located: found } = await diagnose(edit(OBJECTIVE, '    owner: lee-wong\n    accepted', '    owner: [lee-wong, sam-okafor]\n    accepted'));
    expect(found).toEqual([{ rule: 'owner-single', severity: 'error', file: OBJECTIVE, line: 11, column: 12 }]);
  });

  it.each(['lee-wong and sam-okafor', 'lee-wong, sam-okafor', 'lee-wong/sam-okafor', 'lee-wong & sam-okafor'])(
    'reports "%s" as two owners',
    async (owners) => {
      const { located: found, all } = await diagnose(edit(OBJECTIVE, 'owner: priya-shah', `owner: ${owners}`));
      expect(found).toEqual([{ rule: 'owner-single', severity: 'error', file: OBJECTIVE, line: 5, column: 8 }]);
      expect(all[0]!.message).toContain('2 people');
    },
  );
});

describe('owner-individual', () => {
  it('reports a team as owner and suggests its lead', async () => {
    const { located: found, all } = await diagnose(edit(OBJECTIVE, 'owner: priya-shah', 'owner: growth'));
    expect(found).toEqual([{ rule: 'owner-individual', severity: 'error', file: OBJECTIVE, line: 5, column: 8 }]);
    expect(all[0]!.hint).toContain('its lead `priya-shah`');
  });

  it.each(['everyone', 'tbd', 'team', 'growth team'])('reports "%s" as no one in particular', async (word) => {
    const { located: found } = await diagnose(edit(OBJECTIVE, 'sponsor: sam-okafor', `sponsor: ${word}`));
    expect(found).toEqual([{ rule: 'owner-individual', severity: 'error', file: OBJECTIVE, line: 7, column: 10 }]);
  });

  it('reports a team as facilitator', async () => {
    const { located: found } = await diagnose(edit(CHECK_IN, 'facilitator: priya-shah', 'facilitator: growth'));
    expect(found).toEqual([{ rule: 'owner-individual', severity: 'error', file: CHECK_IN, line: 4, column: 14 }]);
  });
});

describe('owner-accepted', () => {
  it('reports a key result never accepted on its mapping', async () => {
    const { located: found } = await diagnose(edit(OBJECTIVE, '    accepted: 2026-06-27\n', ''));
    expect(found).toEqual([{ rule: 'owner-accepted', severity: 'error', file: OBJECTIVE, line: 18, column: 5 }]);
  });

  it('reports a blank `accepted:` (left for the owner to fill) once, on its line, not as a schema error', async () => {
    const { located: found } = await diagnose({
      ...edit(OBJECTIVE, 'accepted: 2026-06-26\nsponsor', 'accepted: # the owner writes the date\nsponsor'),
    });
    expect(found).toEqual([{ rule: 'owner-accepted', severity: 'error', file: OBJECTIVE, line: 6, column: 1 }]);
    const { located: kr } = await diagnose(edit(OBJECTIVE, '    accepted: 2026-06-27\n', '    accepted:\n'));
    expect(kr).toEqual([{ rule: 'owner-accepted', severity: 'error', file: OBJECTIVE, line: 21, column: 5 }]);
  });

  it('reports acceptance after the cycle ended on the date', async () => {
    const { located: found } = await diagnose(edit(OBJECTIVE, 'accepted: 2026-06-26\nsponsor', 'accepted: 2026-10-02\nsponsor'));
    expect(found).toEqual([{ rule: 'owner-accepted', severity: 'error', file: OBJECTIVE, line: 6, column: 11 }]);
  });
});

describe('owner-departed', () => {
  it('reports an owner who left while their cycle is still open', async () => {
    const { located: found } = await diagnose(edit('people/sam-okafor.md', 'role: CTO\n', 'role: CTO\nleft: 2026-08-01\n'));
    expect(found).toEqual([{ rule: 'owner-departed', severity: 'error', file: OBJECTIVE, line: 20, column: 12 }]);
  });

  it('accepts a departed owner in a closed cycle', async () => {
    const { located: found } = await diagnose(edit('people/lee-wong.md', 'manager: priya-shah\n', 'manager: priya-shah\nleft: 2026-07-15\n'));
    // Lee owns q2-activation (closed: fine) and q3-retention plus its initiative (open: two problems).
    expect(found.map((d) => d.line)).toEqual([11, 16]);
  });
});

describe('owner-load', () => {
  it('warns on the first key result over the configured maximum', async () => {
    const { located: found, all } = await diagnose({
      ...edit(OBJECTIVE, 'owner: sam-okafor', 'owner: lee-wong'),
      'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}rules:\n  owner-load: [warn, { max: 1 }]\n`,
    });
    expect(found).toEqual([{ rule: 'owner-load', severity: 'warn', file: OBJECTIVE, line: 20, column: 12 }]);
    expect(all[0]!.message).toContain('q3-retention, q3-churn');
    expect(all[0]!.keyResult).toBe('q3-churn'); // the site flags that key result

  });
});

describe('confidence-range', () => {
  it('reports a percentage written on a 0-1 scale', async () => {
    const { located: found, all } = await diagnose(edit(CHECK_IN, 'confidence: 0.6', 'confidence: 60'));
    expect(found).toEqual([{ rule: 'confidence-range', severity: 'error', file: CHECK_IN, line: 7, column: 17 }]);
    expect(all[0]!.hint).toContain('0.6');
  });

  it('follows the scale configured in handbook.yaml', async () => {
    const { located: found } = await diagnose({
      'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}confidence: { min: 0, max: 10 }\n`,
      ...edit(CHECK_IN, 'confidence: 0.6', 'confidence: 7'),
    });
    expect(found).toEqual([]);
  });
});

describe('score-range', () => {
  it('reports a score above 1.0', async () => {
    const { located: found } = await diagnose(edit(RETROSPECTIVE, 'score: 0.8', 'score: 8'));
    expect(found).toEqual([{ rule: 'score-range', severity: 'error', file: RETROSPECTIVE, line: 7, column: 12 }]);
  });
});

describe('confidence-stale', () => {
  it('warns on every key result whose latest check-in is too old', async () => {
    const { located: found, all } = await diagnose(edit(CHECK_IN, 'date: 2026-08-17', 'date: 2026-08-10'));
    expect(found).toEqual([
      { rule: 'confidence-stale', severity: 'warn', file: OBJECTIVE, line: 9, column: 9 },
      { rule: 'confidence-stale', severity: 'warn', file: OBJECTIVE, line: 18, column: 9 },
    ]);
    expect(all.map((d) => d.keyResult)).toEqual(['q3-retention', 'q3-churn']);
  });

  it('honours the days option', async () => {
    const { located: found } = await diagnose({
      ...edit(CHECK_IN, 'date: 2026-08-17', 'date: 2026-08-10'),
      'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}rules:\n  confidence-stale: [warn, { days: 14 }]\n`,
    });
    expect(found).toEqual([]);
  });
});

describe('retrospective-missing', () => {
  it('reports a key result of a closed cycle that was never scored', async () => {
    const { located: found } = await diagnose(edit(RETROSPECTIVE, '  - kr: q2-activation\n    score: 0.8\n', '  []\n'));
    expect(found).toEqual([{ rule: 'retrospective-missing', severity: 'error', file: 'objectives/2026-q2/activation.md', line: 7, column: 9 }]);
  });
});

describe('review-out-of-cycle', () => {
  it('reports a check-in dated outside the cycle of its key results on the date', async () => {
    const { located: found } = await diagnose(edit(CHECK_IN, 'date: 2026-08-17', 'date: 2026-10-05'));
    expect(found).toEqual([{ rule: 'review-out-of-cycle', severity: 'error', file: CHECK_IN, line: 2, column: 7 }]);
  });

  it('allows a retrospective shortly after its cycle ends', async () => {
    const { located: found } = await diagnose(edit(RETROSPECTIVE, 'date: 2026-06-30', 'date: 2026-07-03'));
    expect(found).toEqual([]);
  });
});

describe('date-order', () => {
  it('reports a cycle that ends before it starts, and nothing that follows from it', async () => {
    const { located: found } = await diagnose(edit('cycles/2026-q2.md', 'end: 2026-06-30', 'end: 2026-03-01'));
    expect(found).toEqual([{ rule: 'date-order', severity: 'error', file: 'cycles/2026-q2.md', line: 4, column: 6 }]);
  });
});

describe('alignment-loop', () => {
  it('reports a parent loop once', async () => {
    const { located: found, all } = await diagnose({
      ...edit('objectives/2026-q2/activation.md', 'cycle: 2026-q2\n', 'cycle: 2026-q2\nparent: retention\n'),
      ...edit(OBJECTIVE, 'sponsor: sam-okafor\n', 'sponsor: sam-okafor\nparent: activation\n'),
    });
    expect(found).toEqual([{ rule: 'alignment-loop', severity: 'error', file: 'objectives/2026-q2/activation.md', line: 4, column: 9 }]);
    expect(all[0]!.message).toContain('`activation` → `retention` → `activation`');
  });
});

describe('stray-file', () => {
  it('warns about a file that is not Markdown in a kind folder', async () => {
    const { located: found } = await diagnose({ 'people/notes.txt': 'remember to add Ana' });
    expect(found).toEqual([{ rule: 'stray-file', severity: 'warn', file: 'people/notes.txt', line: 1, column: 1 }]);
  });

  it('can be turned off in handbook.yaml', async () => {
    const { located: found } = await diagnose({
      'people/notes.txt': 'remember to add Ana',
      'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}rules:\n  stray-file: off\n`,
    });
    expect(found).toEqual([]);
  });
});
