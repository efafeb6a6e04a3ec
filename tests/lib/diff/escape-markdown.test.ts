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
    ['terminal \u001b]0;TITLE\u0007\u001b[2Jescapes', 'terminal \\\\x1B\\]0;TITLE\\\\x07\\\\x1B\\[2Jescapes'],
    ['C1 \u009b and DEL \u007f', 'C1 \\\\x9B and DEL \\\\x7F'],
    ['bidi \u202eoverride\u202c', 'bidi \\\\u202Eoverride\\\\u202C'],
  ])('escapeText(%j)', (value, expected) => {
    expect(escapeText(value)).toBe(expected);
  });

  it('writes an id as code, and text that cannot be a safe code span as escaped text', () => {
    expect(code('q3-churn')).toBe('`q3-churn`');
    expect(code('a|b')).toBe('a&#124;b');
    expect(code('a`b')).toBe('a\\`b');
    expect(code('q3\u202e-churn')).toBe('q3\\\\u202E-churn');
  });

  it('keeps the code parts of a message, escaping the rest', () => {
    expect(escapeMessage('The owner `growth` is a team <b>here</b>.')).toBe('The owner `growth` is a team &lt;b&gt;here&lt;/b&gt;.');
    expect(escapeMessage('Unknown person `a | b`.')).toBe('Unknown person a &#124; b.');
  });
});
