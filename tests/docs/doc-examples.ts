/**
 * The examples of a doc, read from its fenced code blocks. A block whose
 * info string names a file after the language is an example that must be
 * valid:
 *
 *     ```yaml objectives/2026-q4/activation.md
 *
 * A `diff` block whose info string names a rule is a mistake and its fix:
 * lines starting `-` are only in the wrong version, `+` only in the right
 * one, a space in both; `@@ path @@` starts a file. The wrong version must
 * produce that rule, the right one nothing.
 *
 *     ```diff owner-single
 *
 * Front matter written without its `---` lines gets them; a file that is
 * empty on one side of a diff does not exist on that side.
 */

export interface CodeBlock {
  language: string;
  /** The words of the info string after the language. */
  args: string[];
  text: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

export interface FileExample {
  file: string;
  text: string;
  line: number;
}

export interface MistakeExample {
  rule: string;
  wrong: Record<string, string | null>;
  right: Record<string, string | null>;
  line: number;
}

/** Every fenced code block of a Markdown document. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    blocks.push({ language: open[1]!, args: open[2]!.trim().split(/\s+/).filter(Boolean), text: body.length ? `${body.join('\n')}\n` : '', line: start + 1 });
  }
  return blocks;
}

/** A content file as it is on disk: entity files get their `---` lines when the example leaves them out. */
export function fileText(file: string, text: string): string {
  if (file === 'handbook.yaml' || text.startsWith('---')) return text;
  return `---\n${text}---\n`;
}

/** The blocks that are complete files and must be valid. */
export function fileExamples(blocks: readonly CodeBlock[]): FileExample[] {
  return blocks
    .filter((block) => ['yaml', 'markdown', 'md', 'mdx'].includes(block.language) && block.args.length > 0)
    .map((block) => ({ file: block.args[0]!, text: fileText(block.args[0]!, block.text), line: block.line }));
}

/** The `diff` blocks: a mistake and its fix. */
export function mistakeExamples(blocks: readonly CodeBlock[]): MistakeExample[] {
  return blocks
    .filter((block) => block.language === 'diff')
    .map((block) => {
      const wrong = new Map<string, string[]>();
      const right = new Map<string, string[]>();
      let file: string | undefined;
      for (const line of block.text.replace(/\n$/, '').split('\n')) {
        const header = /^@@ (\S+) @@$/.exec(line);
        if (header) {
          file = header[1]!;
          wrong.set(file, []);
          right.set(file, []);
          continue;
        }
        if (file === undefined) throw new Error(`diff block at line ${block.line} must start with "@@ path @@"`);
        const [mark, rest] = [line[0] ?? ' ', line.slice(1)];
        if (!'-+ '.includes(mark)) throw new Error(`diff block at line ${block.line}: a line must start with -, + or a space: ${line}`);
        if (mark !== '+') wrong.get(file)!.push(rest);
        if (mark !== '-') right.get(file)!.push(rest);
      }
      const files = (side: Map<string, string[]>) =>
        Object.fromEntries([...side].map(([name, lines]) => [name, lines.length ? fileText(name, `${lines.join('\n')}\n`) : null]));
      return { rule: block.args[0] ?? '', wrong: files(wrong), right: files(right), line: block.line };
    });
}
