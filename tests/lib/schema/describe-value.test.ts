import { describe, expect, it } from 'vitest';
import { describeValue, quoteName, showValue } from '../../../src/lib/schema/describe-value.js';

describe('describeValue', () => {
  it.each([
    [null, 'empty'],
    [undefined, 'empty'],
    ['', 'empty text'],
    ['abc', 'the text `abc`'],
    [12, 'the number 12'],
    [NaN, 'NaN'],
    [true, '`true`'],
    [[], 'an empty list'],
    [{}, 'an empty mapping'],
    [['a', 'b'], 'the list `[a, b]`'],
    [{ a: 'b' }, 'the mapping `{a: b}`'],
    [[{ a: 'b' }], 'the list `[{a: b}]`'],
    [{ a: [1, null] }, 'the mapping `{a: [1, null]}`'],
  ])('describes %j as %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('never shows `[object Object]`', () => {
    for (const value of [{ a: { b: { c: {} } } }, [[[{}]]], [new Map()], { x: [{ y: 1 }] }]) expect(describeValue(value)).not.toContain('[object');
  });
});

describe('showValue', () => {
  it('cuts long text, with an ellipsis', () => {
    expect(showValue('x'.repeat(100))).toBe(`${'x'.repeat(40)}…`);
  });

  it('cuts a large list or mapping without rendering all of it', () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(showValue(big)).toBe(`${`[${big.slice(0, 14).join(', ')}`.slice(0, 40)}…`);
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 'v']));
    expect(showValue(wide)).toMatch(/^\{k0: v, k1: v, .*…$/);
    expect(showValue(wide).length).toBe(41);
  });

  it('cuts a value nested deeply', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 1_000; i++) deep = [deep];
    expect(showValue(deep)).toBe(`${'['.repeat(40)}…`);
  });

  it('shows a value that contains itself, as YAML `&a [*a]` reads, without overflowing the stack', () => {
    const list: unknown[] = [];
    list.push(list);
    const map: Record<string, unknown> = {};
    map.x = map;
    expect(showValue(list)).toBe(`${'['.repeat(40)}…`);
    expect(describeValue(map)).toBe(`the mapping \`${'{x: '.repeat(10)}…\``);
  });
});

describe('quoteName', () => {
  it('quotes a name, shortened when long', () => {
    expect(quoteName('title')).toBe('`title`');
    expect(quoteName('k'.repeat(1_000))).toBe(`\`${'k'.repeat(40)}…\``);
  });
});
