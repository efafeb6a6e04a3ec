import { describe, expect, it } from 'vitest';
import { code, escapeMessage, escapeText } from '../../../src/lib/diff/escape-markdown.js';

describe('escaping values for a pull-request comment', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a | b', 'a &#124; b'],
    ['ping @everyone', 'ping &#64;everyone'],
    ['*bold* _it_ ~~gone~~ [link](x) `code` $x$ \\', '\\*bold\\* \\_it\\_ \\~\\~gone\\~\\~ \\[link\\](x) \\`code\\` \\$x\\$ \\\\'],
    ['Tom &amp; Jerry', 'Tom &amp;amp; Jerry'],
    ['two\nlines', 'two lines'],
  ])('escapeText(%j)', (value, expected) => {
    expect(escapeText(value)).toBe(expected);
  });

  it('writes an id as code, and text that cannot be a safe code span as escaped text', () => {
    expect(code('q3-churn')).toBe('`q3-churn`');
    expect(code('a|b')).toBe('a&#124;b');
    expect(code('a`b')).toBe('a\\`b');
  });

  it('keeps the code parts of a message, escaping the rest', () => {
    expect(escapeMessage('The owner `growth` is a team <b>here</b>.')).toBe('The owner `growth` is a team &lt;b&gt;here&lt;/b&gt;.');
    expect(escapeMessage('Unknown person `a | b`.')).toBe('Unknown person a &#124; b.');
  });
});
