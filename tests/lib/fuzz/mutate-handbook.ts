import { Random } from './random.js';
import { ODD_BODIES, ODD_BYTES, ODD_FRONT_MATTER, ODD_KEYS, ODD_OPENERS, ODD_VALUES } from './hostile-text.js';
import { SEED_HANDBOOKS } from './seed-handbooks.js';

/** What a path in a mutant's content folder is. */
export type Entry =
  | { type: 'file'; bytes: Buffer }
  /** A symbolic link: to a path inside the content folder, or to a file outside it (`OUTSIDE`). */
  | { type: 'link'; target: string }
  | { type: 'dir' };

/** The link target that stands for a file outside the content folder, holding a secret. */
export const OUTSIDE = '<outside>';

export interface Mutant {
  /** Seeded from the run's seed and this index: the pair makes the same mutant again. */
  index: number;
  seed: number;
  /** The seed handbook it started from. */
  base: Readonly<Record<string, string>>;
  /** Paths relative to the content folder, `/`-separated. */
  entries: Map<string, Entry>;
  /** What was done, in order, for the failure report. */
  operations: string[];
}

/** Limits that keep one mutant fast to check and render (the hostile-input tests hold the huge cases). */
export const LIMITS = {
  longLine: 20_000,
  flowNesting: 400,
  blockNesting: 60,
  listNesting: 30,
  unknownKeys: 400,
};

const KIND_FOLDERS = ['cycles', 'teams', 'people', 'objectives', 'reviews', 'glossary'] as const;

/** Makes mutant `index` of a run: one seed handbook, then one to four mutations. */
export function mutateHandbook(seed: number, index: number): Mutant {
  const random = new Random(seed, index);
  const base = random.pick(SEED_HANDBOOKS);
  const entries = new Map<string, Entry>(Object.entries(base).map(([file, text]) => [file, { type: 'file', bytes: Buffer.from(text) }]));
  const mutant: Mutant = { index, seed, base, entries, operations: [`seed handbook ${SEED_HANDBOOKS.indexOf(base)}`] };
  const count = random.weighted([
    [55, 1],
    [25, 2],
    [12, 3],
    [8, 4],
  ] as const);
  for (let applied = 0, tries = 0; applied < count && tries < 20; tries++) {
    const mutation = random.weighted(MUTATIONS);
    const done = mutation(random, mutant);
    if (done !== undefined) {
      mutant.operations.push(done);
      applied++;
    }
  }
  return mutant;
}

type Mutation = (random: Random, mutant: Mutant) => string | undefined;

// ---------------------------------------------------------------- helpers

function files(mutant: Mutant): string[] {
  return [...mutant.entries].filter(([, entry]) => entry.type === 'file').map(([file]) => file);
}

/** A file to mutate: Markdown files mostly, handbook.yaml sometimes. */
function pickFile(random: Random, mutant: Mutant, filter: (file: string) => boolean = () => true): string | undefined {
  const candidates = files(mutant).filter(filter);
  return candidates.length === 0 ? undefined : random.pick(candidates);
}

function textOf(mutant: Mutant, file: string): string {
  const entry = mutant.entries.get(file);
  return entry?.type === 'file' ? entry.bytes.toString('utf8') : '';
}

function setText(mutant: Mutant, file: string, text: string): void {
  mutant.entries.set(file, { type: 'file', bytes: Buffer.from(text) });
}

/** Shows a value in an operation's description, short and with every control character visible. */
function show(value: string): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

/** Line range of the YAML in a file: [first, end) line indexes, or the whole file for handbook.yaml. */
function yamlLines(file: string, lines: string[]): [number, number] {
  if (file.endsWith('.yaml')) return [0, lines.length];
  if (lines[0] !== '---') return [0, lines.length];
  const close = lines.indexOf('---', 1);
  return [1, close === -1 ? lines.length : close];
}

/** The body's line range, or undefined when the file has no closed front matter. */
function bodyStart(lines: string[]): number | undefined {
  if (lines[0] !== '---') return undefined;
  const close = lines.indexOf('---', 1);
  return close === -1 ? undefined : close + 1;
}

/** Indents the second and later lines of a multi-line value to sit under `indent`. */
function indentValue(value: string, indent: string): string {
  return value.split('\n').join(`\n${indent}  `);
}

function withLines(mutant: Mutant, file: string, change: (lines: string[]) => string | undefined): string | undefined {
  const lines = textOf(mutant, file).split('\n');
  const done = change(lines);
  if (done !== undefined) setText(mutant, file, lines.join('\n'));
  return done === undefined ? undefined : `${file}: ${done}`;
}

const FIELD_LINE = /^(\s*(?:- )?)([A-Za-z][\w-]*):(?:\s+(.*))?$/;

// ---------------------------------------------------------------- byte mutations

const flipBytes: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  const entry = mutant.entries.get(file) as { type: 'file'; bytes: Buffer };
  if (entry.bytes.length === 0) return undefined;
  const bytes = Buffer.from(entry.bytes);
  const flips: string[] = [];
  for (let i = random.int(1, 3); i > 0; i--) {
    const at = random.int(0, bytes.length - 1);
    const mask = random.chance(0.7) ? 1 << random.int(0, 7) : random.int(1, 255);
    bytes[at]! ^= mask;
    flips.push(`${at}^0x${mask.toString(16)}`);
  }
  mutant.entries.set(file, { type: 'file', bytes });
  return `${file}: flip bytes ${flips.join(', ')}`;
};

const insertBytes: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  const entry = mutant.entries.get(file) as { type: 'file'; bytes: Buffer };
  const odd = Buffer.from(random.pick(ODD_BYTES));
  // Mostly inside a value, where it survives parsing; sometimes anywhere.
  const text = entry.bytes.toString('latin1');
  const valueStarts = [...text.matchAll(/: (?=\S)/g)].map((match) => match.index! + 2);
  const at = valueStarts.length > 0 && random.chance(0.6) ? random.pick(valueStarts) + random.int(0, 3) : random.int(0, entry.bytes.length);
  const position = Math.min(at, entry.bytes.length);
  mutant.entries.set(file, { type: 'file', bytes: Buffer.concat([entry.bytes.subarray(0, position), odd, entry.bytes.subarray(position)]) });
  return `${file}: insert bytes ${odd.toString('hex')} at ${position}`;
};

const truncate: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  const entry = mutant.entries.get(file) as { type: 'file'; bytes: Buffer };
  const at = random.int(0, entry.bytes.length);
  mutant.entries.set(file, { type: 'file', bytes: entry.bytes.subarray(0, at) });
  return `${file}: truncate at ${at}`;
};

const emptyFile: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  const text = random.pick(['', '\n', '---\n---\n', '---\n', '---', '\uFEFF', '   \n\t\n']);
  setText(mutant, file, text);
  return `${file}: replace with ${show(text)}`;
};

const lineEndings: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  const text = textOf(mutant, file);
  const [name, changed] = random.pick([
    ['CRLF', text.replace(/\n/g, '\r\n')],
    ['lone CR', text.replace(/\n/g, '\r')],
    ['U+2028', text.replace(/\n/g, '\u2028')],
    ['BOM', `\uFEFF${text}`],
    ['two BOMs', `\uFEFF\uFEFF${text}`],
    ['no final newline', text.replace(/\n$/, '')],
    ['trailing spaces', text.replace(/\n/g, '  \n')],
  ] as const);
  setText(mutant, file, changed);
  return `${file}: ${name} line endings`;
};

// ---------------------------------------------------------------- line mutations

const deleteLine: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    const at = random.int(0, lines.length - 1);
    const [gone] = lines.splice(at, 1);
    return `delete line ${at + 1} ${show(gone ?? '')}`;
  });
};

const duplicateLine: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    const at = random.int(0, lines.length - 1);
    const times = random.chance(0.8) ? 1 : random.int(2, 50);
    lines.splice(at, 0, ...Array<string>(times).fill(lines[at]!));
    return `duplicate line ${at + 1} ${times}x`;
  });
};

const swapLines: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    if (lines.length < 2) return undefined;
    const a = random.int(0, lines.length - 1);
    const b = random.int(0, lines.length - 1);
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    return `swap lines ${a + 1} and ${b + 1}`;
  });
};

const replaceValue: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    const [from, to] = yamlLines(file, lines);
    const candidates = [];
    for (let i = from; i < to; i++) if (FIELD_LINE.test(lines[i]!)) candidates.push(i);
    if (candidates.length === 0) return undefined;
    const at = random.pick(candidates);
    const [, indent = '', key = ''] = FIELD_LINE.exec(lines[at]!)!;
    const value = random.pick(ODD_VALUES);
    lines[at] = `${indent}${key}: ${indentValue(value, indent.replace('-', ' '))}`;
    return `line ${at + 1}: ${key}: ${show(value)}`;
  });
};

const replaceKey: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    const [from, to] = yamlLines(file, lines);
    const candidates = [];
    for (let i = from; i < to; i++) if (FIELD_LINE.test(lines[i]!)) candidates.push(i);
    if (candidates.length === 0) return undefined;
    const at = random.pick(candidates);
    const [, indent = '', , value = ''] = FIELD_LINE.exec(lines[at]!)!;
    const key = random.pick(ODD_KEYS);
    lines[at] = `${indent}${key}: ${value}`;
    return `line ${at + 1}: key ${show(key)}`;
  });
};

const insertField: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    const [from, to] = yamlLines(file, lines);
    const at = random.int(from, to);
    const indent = random.chance(0.7) ? '' : random.pick(['  ', '    ', '\t', ' ', '  - ']);
    const line = `${indent}${random.pick(ODD_KEYS)}: ${indentValue(random.pick(ODD_VALUES), indent)}`;
    lines.splice(at, 0, line);
    return `insert at line ${at + 1} ${show(line)}`;
  });
};

const replaceFrontMatter: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant, (name) => !name.endsWith('.yaml') || random.chance(0.5));
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    const [from, to] = yamlLines(file, lines);
    const yaml = random.pick(ODD_FRONT_MATTER);
    lines.splice(from, to - from, ...(yaml === '' ? [] : yaml.split('\n')));
    return `front matter ${show(yaml)}`;
  });
};

const changeOpener: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant, (name) => /\.mdx?$/.test(name));
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    if (random.chance(0.25)) {
      // The closing line instead: missing, or spelled otherwise.
      const close = lines.indexOf('---', 1);
      if (close === -1) return undefined;
      const replacement = random.pick(['', '...', '--- ', '----', '+++', '---x']);
      lines[close] = replacement;
      return `closing line ${show(replacement)}`;
    }
    const opener = random.pick(ODD_OPENERS);
    lines[0] = opener;
    return `opening line ${show(opener)}`;
  });
};

const longLine: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    const [from, to] = yamlLines(file, lines);
    const length = random.int(1_000, LIMITS.longLine);
    const unit = random.pick(['x', 'ab ', ':', '#', '"', '\\', 'é', '😀', '- ', '[']);
    const filler = unit.repeat(Math.ceil(length / unit.length));
    const inBody = random.chance(0.3) && bodyStart(lines) !== undefined;
    const at = inBody ? lines.length : random.int(from, to);
    lines.splice(at, 0, inBody ? filler : `${random.chance(0.5) ? 'title' : 'note'}: ${random.chance(0.5) ? JSON.stringify(filler) : filler}`);
    return `insert a ${length}-character line of ${show(unit)} at ${at + 1}`;
  });
};

const deepYaml: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    const [, to] = yamlLines(file, lines);
    const shape = random.pick(['flow-seq', 'flow-map', 'block-map', 'block-seq', 'unbalanced'] as const);
    let text: string;
    let depth: number;
    if (shape === 'block-map' || shape === 'block-seq') {
      depth = random.int(5, LIMITS.blockNesting);
      const step = (level: number) => (shape === 'block-map' ? `${'  '.repeat(level)}k${level}:` : `${'  '.repeat(level)}-`);
      text = Array.from({ length: depth }, (_, level) => step(level)).join('\n') + ' leaf';
      text = `deep:\n${text.replace(/^/gm, '  ')}`;
    } else {
      depth = random.int(10, LIMITS.flowNesting);
      const [open, close] = shape === 'flow-map' ? ['{a: ', '}'] : ['[', ']'];
      text = `deep: ${open.repeat(depth)}1${shape === 'unbalanced' ? '' : close.repeat(depth)}`;
    }
    lines.splice(to, 0, ...text.split('\n'));
    return `${shape} nesting ${depth} deep`;
  });
};

const aliases: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    const [, to] = yamlLines(file, lines);
    const kind = random.pick(['bomb', 'merge', 'self', 'key', 'undefined'] as const);
    let text: string;
    if (kind === 'bomb') {
      // Billion laughs, a few levels: every level multiplies the expansion by `width`.
      const width = random.int(2, 9);
      const depth = random.int(2, 9);
      text = [`l0: &l0 "lol"`, ...Array.from({ length: depth }, (_, i) => `l${i + 1}: &l${i + 1} [${Array<string>(width).fill(`*l${i}`).join(', ')}]`)].join('\n');
    } else if (kind === 'merge') {
      text = `defaults: &defaults { name: Merged, role: X }\n<<: *defaults\nextra:\n  <<: [*defaults, { more: 1 }]`;
    } else if (kind === 'self') {
      text = 'loop: &loop\n  again: *loop';
    } else if (kind === 'key') {
      text = 'k: &k owner\n*k : priya-shah';
    } else {
      text = 'nothing: *nowhere';
    }
    lines.splice(to, 0, ...text.split('\n'));
    return `aliases: ${kind}`;
  });
};

const unknownKeys: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    const [, to] = yamlLines(file, lines);
    const count = random.int(2, LIMITS.unknownKeys);
    lines.splice(to, 0, ...Array.from({ length: count }, (_, i) => `unknown${i}: ${i}`));
    return `${count} unknown keys`;
  });
};

// ---------------------------------------------------------------- body mutations

const oddBody: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant, (name) => /\.mdx?$/.test(name));
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    const start = bodyStart(lines);
    if (start === undefined) return undefined;
    const body = random.pick(ODD_BODIES);
    const at = random.int(start, lines.length);
    lines.splice(at, 0, ...body.split('\n'));
    return `body line ${at + 1}: ${show(body)}`;
  });
};

const deepBody: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant, (name) => /\.mdx?$/.test(name));
  if (!file) return undefined;
  return withLines(mutant, file, (lines) => {
    if (bodyStart(lines) === undefined) return undefined;
    const depth = random.int(3, LIMITS.listNesting);
    const shape = random.pick(['list', 'ordered', 'quote', 'mixed', 'emphasis', 'html'] as const);
    let text: string;
    if (shape === 'list') text = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    else if (shape === 'ordered') text = Array.from({ length: depth }, (_, i) => `${'   '.repeat(i)}1. item ${i}`).join('\n');
    else if (shape === 'quote') text = `${'> '.repeat(depth)}deep quote`;
    else if (shape === 'mixed') text = `${'- > '.repeat(depth)}mixed`;
    else if (shape === 'emphasis') text = `${'*_'.repeat(depth * 10)}x`;
    else text = `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;
    lines.push(...text.split('\n'));
    return `body: ${shape} nested ${depth} deep`;
  });
};

// ---------------------------------------------------------------- file mutations

const renameFile: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant, (name) => name !== 'handbook.yaml' || random.chance(0.2));
  if (!file) return undefined;
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const name = file.slice(folder.length);
  const dot = name.indexOf('.');
  const [stem, extension] = dot === -1 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
  const renamed = random.chance(0.5)
    ? `${stem}${random.pick(['.MD', '.Md', '.mdx', '.MDX', '.Mdx', '.markdown', '.txt', '', '.md.bak', '.md~', '.md.md', '. md', '.yaml', '.YAML', '.yml'])}`
    : `${random.pick([
        `${stem.toUpperCase()}`,
        `${stem} copy`,
        `-${stem}`,
        `${stem}-`,
        `${stem}--x`,
        `é${stem}`,
        `${stem}😀`,
        `${stem}\u202Ekcatta`,
        `${stem}\u001b[2J`,
        `${stem}\u0007`,
        `${stem}\r`,
        `${stem}\\x`,
        `${stem}%20`,
        `${stem}#x`,
        `${stem}?x`,
        `${stem}:x`,
        `${stem}"x`,
        `${stem}<script>`,
        '__proto__',
        'constructor',
        'index',
        '0',
        'a'.repeat(random.int(65, 200)),
        '',
      ])}${extension}`;
  if (renamed === '' || renamed === name || mutant.entries.has(`${folder}${renamed}`)) return undefined;
  mutant.entries.set(`${folder}${renamed}`, mutant.entries.get(file)!);
  mutant.entries.delete(file);
  return `rename ${file} to ${show(folder + renamed)}`;
};

/** `.MDX`, `.Md`: extensions in another case, which one rule must treat alike everywhere. */
const extensionCase: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant, (name) => /\.mdx?$/.test(name));
  if (!file) return undefined;
  const dot = file.lastIndexOf('.');
  const extension = file.slice(dot);
  const variants = extension === '.mdx' ? ['.MDX', '.Mdx', '.mdX'] : ['.MD', '.Md', '.mD'];
  const target = `${file.slice(0, dot)}${random.pick(variants)}`;
  if (mutant.entries.has(target)) return undefined;
  mutant.entries.set(target, mutant.entries.get(file)!);
  mutant.entries.delete(file);
  return `rename ${file} to ${show(target)}`;
};

const moveFile: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant, (name) => name.includes('/'));
  if (!file) return undefined;
  const name = file.slice(file.lastIndexOf('/') + 1);
  const target = random.pick([
    ...KIND_FOLDERS.map((kind) => `${kind}/${name}`),
    `${file.slice(0, file.lastIndexOf('/'))}/sub/${name}`,
    `objectives/a/b/c/${name}`,
    name,
    `objectivs/${name}`,
    `Objectives/${name}`,
    `.hidden/${name}`,
    `people/.${name}`,
  ]);
  if (target === file || mutant.entries.has(target)) return undefined;
  mutant.entries.set(target, mutant.entries.get(file)!);
  mutant.entries.delete(file);
  return `move ${file} to ${show(target)}`;
};

const copyFile: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant, (name) => name.includes('/'));
  if (!file) return undefined;
  const folder = file.slice(0, file.lastIndexOf('/'));
  const target = random.pick([`${folder}/copy.md`, `${folder}/sub/${file.slice(folder.length + 1)}`, `${folder}/copy.mdx`, `${folder.split('/')[0]}/extra/copy.md`]);
  if (mutant.entries.has(target)) return undefined;
  mutant.entries.set(target, mutant.entries.get(file)!);
  return `copy ${file} to ${show(target)}`;
};

const deleteFile: Mutation = (random, mutant) => {
  const file = pickFile(random, mutant);
  if (!file) return undefined;
  mutant.entries.delete(file);
  return `delete ${file}`;
};

const addEntry: Mutation = (random, mutant) => {
  const [target, entry]: [string, Entry] = random.pick<[string, Entry]>([
    ['notes.md', { type: 'file', bytes: Buffer.from('# Notes\n') }],
    ['README.md', { type: 'file', bytes: Buffer.from('# Read me\n') }],
    ['people/notes.txt', { type: 'file', bytes: Buffer.from('to do\n') }],
    ['people/photo.png', { type: 'file', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) }],
    ['people/.DS_Store', { type: 'file', bytes: Buffer.from([0x00, 0x00, 0x00, 0x01, 0x42, 0x75, 0x64, 0x31]) }],
    ['objectivs/x.md', { type: 'file', bytes: Buffer.from('---\ntitle: X\n---\n') }],
    ['cycles/sub/x.md', { type: 'file', bytes: Buffer.from('---\ntitle: X\n---\n') }],
    ['teams/empty', { type: 'dir' }],
    ['objectives/empty', { type: 'dir' }],
    ['unknown', { type: 'dir' }],
    ['people/link.md', { type: 'link', target: 'people/lee-wong.md' }],
    ['people/outside.md', { type: 'link', target: OUTSIDE }],
    ['glossary/outside.mdx', { type: 'link', target: OUTSIDE }],
    ['people/broken.md', { type: 'link', target: 'people/nowhere.md' }],
    ['objectives/loop', { type: 'link', target: 'objectives' }],
    ['people/self.md', { type: 'link', target: 'people/self.md' }],
    ['handbook.yaml', { type: 'link', target: OUTSIDE }],
    ['glossary/okr-owner.md', { type: 'link', target: OUTSIDE }],
  ]);
  if (mutant.entries.get(target)?.type === 'link') return undefined;
  mutant.entries.set(target, entry);
  return `add ${entry.type} ${target}${entry.type === 'link' ? ` -> ${entry.target}` : ''}`;
};

const settings: Mutation = (random, mutant) => {
  if (mutant.entries.get('handbook.yaml')?.type !== 'file') return undefined;
  const line = random.pick([
    `editUrl: ${random.pick(['javascript:alert(document.domain)//', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', ' javascript:alert(1)', '"java\\tscript:alert(1)"', '//evil.example.com/', 'https://example.com/edit/', 'http://example.com', 'ftp://example.com/', 'mailto:a@example.com', 'relative/path/', '"https://example.com/\\u0000"', '[https://example.com]'])}`,
    `asOf: ${random.pick(['2026-02-30', '9999-12-31', '0001-01-01', 'yesterday', '2026-08-20T10:00:00Z', '~', '[2026-08-20]'])}`,
    `confidence: ${random.pick(['{ min: 1, max: 0 }', '{ min: 0, max: 0 }', '{ min: -1e308, max: 1e308 }', '{ min: 0, max: 10 }', '{ min: .nan, max: 1 }', '[0, 1]', '{ min: "0", max: "1" }', '{ min: 0 }'])}`,
    `rules: ${random.pick(['{ owner-load: [warn, { max: -1 }] }', '{ owner-load: [error, { max: 1e999 }] }', '{ confidence-stale: [warn, { days: 0 }] }', '{ confidence-stale: [warn, { days: 1e9 }] }', '{ no-such-rule: off }', '{ stray-file: error }', '{ schema: off }', '{ yaml-syntax: off }', '{ owner-load: [warn, { max: 3, extra: 1 }] }', '{ owner-load: [] }', '{ owner-load: banana }', '[owner-load]', '{ __proto__: off }', '{ confidence-stale: [warn, { days: .nan }] }'])}`,
    `title: ${random.pick(['~', '""', '[a, b]', '{ a: 1 }', '"<script>alert(1)</script>"', '"\\e[2J"', '12'])}`,
  ]);
  setText(mutant, 'handbook.yaml', `${textOf(mutant, 'handbook.yaml').replace(new RegExp(`^${line.slice(0, line.indexOf(':'))}:.*\\n?`, 'm'), '')}${line}\n`);
  return `handbook.yaml: ${show(line)}`;
};

const MUTATIONS: readonly (readonly [number, Mutation])[] = [
  [6, flipBytes],
  [5, insertBytes],
  [3, truncate],
  [2, emptyFile],
  [3, lineEndings],
  [4, deleteLine],
  [3, duplicateLine],
  [3, swapLines],
  [12, replaceValue],
  [5, replaceKey],
  [6, insertField],
  [3, replaceFrontMatter],
  [3, changeOpener],
  [2, longLine],
  [2, deepYaml],
  [3, aliases],
  [1, unknownKeys],
  [12, oddBody],
  [4, deepBody],
  [4, renameFile],
  [1, extensionCase],
  [2, moveFile],
  [2, copyFile],
  [2, deleteFile],
  [4, addEntry],
  [5, settings],
];
