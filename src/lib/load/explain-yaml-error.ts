/**
 * What a YAML syntax error means for someone who writes a handbook, not for
 * someone who writes a YAML parser. The `yaml` package names the symptom
 * ("Nested mappings are not allowed in compact mappings"); the author
 * needs the cause (a colon in a title) and its fix (quote the title). The
 * cause is read from the text around the error, for the slips authors
 * make most: a colon or `#` in a value, a line indented too far or not far
 * enough, a quote or bracket never closed, a list item without its dash, a
 * missing space after a colon, a field written twice.
 */

export interface YamlErrorExplanation {
  /** Where the cause is, when it is not where the parser noticed it (an unclosed quote is noticed at the end). */
  offset: number;
  message: string;
  hint: string;
}

/** `  - key: value` with its parts: indentation, dash, key and the rest of the line. */
const FIELD_LINE = /^( *)(- +)?([^\s:#'"[\]{},][^:#]*?):( +(.*))?$/;
/** `key:value`: a key and its value with no space between. */
const NO_SPACE_AFTER_COLON = /^( *)(- +)?([A-Za-z_][\w-]*):([^\s:/].*)$/;

export function explainYamlError(yaml: string, offset: number, code: string, parserMessage: string): YamlErrorExplanation {
  const lines = splitLines(yaml);
  const at = lineAt(lines, offset);
  const line = lines[at]!;
  const fallback = { offset, message: `Invalid YAML: ${parserMessage}`, hint: genericHint(code) };

  const noSpace = NO_SPACE_AFTER_COLON.exec(line.text);
  if (noSpace && (code === 'MULTILINE_IMPLICIT_KEY' || code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MISSING_CHAR' || code === 'UNEXPECTED_TOKEN')) {
    const [, indent = '', dash = '', key, value] = noSpace;
    return {
      offset: line.start + indent.length + dash.length,
      message: `Invalid YAML: \`${key}:${truncate(value!)}\` has no space after its colon, so it is not read as a field.`,
      hint: `Put a space after the colon: \`${key}: ${truncate(value!)}\`.`,
    };
  }

  if (code === 'TAB_AS_INDENT') return fallback;
  if (code === 'DUPLICATE_KEY') return explainRepeatedKey(lines, at, offset) ?? fallback;

  if (code === 'MISSING_CHAR' && /quote/i.test(parserMessage)) {
    const quote = parserMessage.includes("'") ? "'" : '"';
    const opened = findUnclosedQuote(lines, at, quote);
    if (opened) {
      return {
        offset: opened.offset,
        message: `Invalid YAML: the ${quote === '"' ? 'double' : 'single'} quote opened here is never closed.`,
        hint: `Add the closing \`${quote}\` at the end of the value, on the same line.`,
      };
    }
  }

  if (/flow (sequence|mapping)|[[\]{}]/i.test(parserMessage)) {
    const bracket = /sequence|\]/i.test(parserMessage) ? ']' : '}';
    const open = bracket === ']' ? '[' : '{';
    const opened = line.text.lastIndexOf(open);
    if (opened !== -1 && !line.text.includes(bracket, opened)) {
      return {
        offset: line.start + opened,
        message: `Invalid YAML: the ${bracket === ']' ? 'list' : 'mapping'} opened with \`${open}\` here is never closed.`,
        hint: `Add the closing \`${bracket}\` at the end of the line (or write one \`- item\` per line instead of brackets).`,
      };
    }
    return { ...fallback, hint: `A list or mapping opened with \`${bracket === ']' ? '[' : '{'}\` must end with \`${bracket}\` on the same line (or write one \`- item\` per line instead).` };
  }

  if (/reserved character|cannot start with/i.test(parserMessage)) {
    const field = FIELD_LINE.exec(line.text);
    const value = field?.[5];
    const example = field && value ? ` \`${field[3]}: "${truncate(value.replace(/"/g, '\\"'))}"\`` : '';
    return { ...fallback, hint: `A value starting with \`@\`, a backtick, \`%\` or \`*\` must be quoted:${example || ' put it in double quotes'}.` };
  }

  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' || code === 'BAD_INDENT' || /indent|without - indicator/i.test(parserMessage)) {
    // A colon inside a value on this very line: the value needs quotes.
    const field = FIELD_LINE.exec(line.text);
    const value = field?.[5];
    if (field && value !== undefined && /:(\s|$)/.test(value) && !/^["'[{|>]/.test(value)) {
      return {
        offset: line.start + line.text.indexOf(value),
        message: `Invalid YAML: the value of \`${field[3]}\` contains \`: \`, which YAML reads as the start of another field.`,
        hint: `Quote the whole value: \`${field[3]}: "${truncate(value.replace(/"/g, '\\"'))}"\`.`,
      };
    }
    const misindented = findMisindentedLine(lines, at);
    if (misindented !== undefined) {
      const bad = lines[misindented]!;
      const indent = bad.text.length - bad.text.trimStart().length;
      return {
        offset: bad.start + indent,
        message: 'Invalid YAML: this line is indented differently from the fields around it.',
        hint: 'Line it up with the other fields of the same mapping (the same number of spaces before each key); only what belongs to a field goes further in.',
      };
    }
    return { ...fallback, hint: 'Check the indentation around this line: the fields of one mapping start in the same column. Quote a value that contains `: ` or ` #`.' };
  }
  return fallback;
}

function genericHint(code: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'Indent with spaces; YAML does not allow tabs for indentation.';
    case 'DUPLICATE_KEY':
      return 'Each field may appear once in a mapping; remove or rename the repeated key.';
    default:
      return 'Quote values that contain `: ` or ` #`, and check the indentation around this line.';
  }
}

/** A repeated key: named, and when its item lacks the `- ` that would start a new item of a list, said so. */
function explainRepeatedKey(lines: Line[], at: number, offset: number): YamlErrorExplanation | undefined {
  const line = lines[at]!;
  // The key where the parser points, which may sit inside a flow mapping (`{ b: 1, b: 2 }`).
  const key = /^(?:"[^"]*"|'[^']*'|[^\s:,{}[\]]+)/.exec(line.text.slice(offset - line.start))?.[0];
  if (!key) return undefined;
  const field = FIELD_LINE.exec(line.text);
  const [, indent = '', dash] = field ?? [];
  const startsLine = field !== null && field[3] === key && line.text.indexOf(key) === indent.length + (dash?.length ?? 0);
  if (startsLine && !dash) {
    // Written where a list item would start: the line before with the same key opens an item with `- `.
    for (let i = at - 1; i >= 0; i--) {
      const earlier = FIELD_LINE.exec(lines[i]!.text);
      if (!earlier) continue;
      const [, earlierIndent = '', earlierDash, earlierKey] = earlier;
      if (earlierDash && earlierKey === key && earlierIndent.length + earlierDash.length === indent.length) {
        return {
          offset,
          message: `Invalid YAML: \`${key}\` appears twice in one list item; this line lacks the \`- \` that starts a new item.`,
          hint: `Start the new item with a dash, lined up with the one above: \`${earlierIndent}- ${key}: …\`.`,
        };
      }
      if (earlierIndent.length + (earlierDash?.length ?? 0) < indent.length) break;
    }
  }
  return {
    offset,
    message: `Invalid YAML: the field \`${key}\` is written twice in the same mapping.`,
    hint: 'Each field may appear once; keep the right one and remove the other.',
  };
}

/** The line where a quote of `quote` opens a value and is not closed on it, looking back from `at`. */
function findUnclosedQuote(lines: Line[], at: number, quote: string): { offset: number } | undefined {
  for (let i = Math.min(at, lines.length - 1); i >= 0; i--) {
    const field = FIELD_LINE.exec(lines[i]!.text);
    const value = field?.[5] ?? /^ *- +(.*)$/.exec(lines[i]!.text)?.[1];
    if (value === undefined || !value.startsWith(quote)) continue;
    const rest = value.slice(1);
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) : rest.replace(/''/g, '').includes("'");
    if (!closed) return { offset: lines[i]!.start + lines[i]!.text.indexOf(value) };
  }
  return undefined;
}

/**
 * A line indented unlike its neighbours, near line `at`: one more indented
 * than the field before it (which has a value, so nothing may go further
 * in), or less indented than it without lining up with any key above.
 */
function findMisindentedLine(lines: Line[], at: number): number | undefined {
  const indentOf = (i: number) => {
    const text = lines[i]!.text;
    const dash = /^( *)(- +)?/.exec(text)!;
    return dash[1]!.length + (dash[2]?.length ?? 0);
  };
  const contentful = (i: number) => lines[i]!.text.trim() !== '' && !lines[i]!.text.trimStart().startsWith('#');
  for (let i = Math.max(at - 1, 0); i <= Math.min(at + 1, lines.length - 1); i++) {
    if (!contentful(i)) continue;
    let previous = i - 1;
    while (previous >= 0 && !contentful(previous)) previous--;
    if (previous < 0) {
      if (indentOf(i) > 0) return i;
      continue;
    }
    const before = FIELD_LINE.exec(lines[previous]!.text);
    const hasValue = before?.[5] !== undefined && before[5] !== '';
    const indent = indentOf(i);
    // Deeper than a field that already has its value on its line.
    if (hasValue && indent > indentOf(previous)) return i;
    // Shallower, but at no indentation a key above uses.
    if (indent < indentOf(previous)) {
      const used = new Set<number>();
      for (let j = 0; j < i; j++) if (contentful(j)) used.add(indentOf(j));
      const plain = lines[i]!.text.length - lines[i]!.text.trimStart().length;
      if (!used.has(indent) && !used.has(plain)) return i;
    }
  }
  return undefined;
}

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const text_ of text.split('\n')) {
    lines.push({ start, text: text_.replace(/\r$/, '') });
    start += text_.length + 1;
  }
  return lines;
}

function lineAt(lines: Line[], offset: number): number {
  let i = 0;
  while (i + 1 < lines.length && lines[i + 1]!.start <= offset) i++;
  return i;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
