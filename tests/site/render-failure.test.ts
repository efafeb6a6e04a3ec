import { describe, expect, it } from 'vitest';
import { namedMdxContent, RenderFailure, renderFailureNames } from '../../src/site/render-failure.js';

describe('a body that fails to render', () => {
  it('is reported with its content file', async () => {
    const failing = renderFailureNames('people/lee-wong.md', async () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    await expect(failing).rejects.toThrow('Could not render the body of `people/lee-wong.md`: Maximum call stack size exceeded');
    await expect(failing).rejects.toBeInstanceOf(RenderFailure);
  });

  it('names its file when an MDX component throws, and keeps the marks Astro renders MDX by', () => {
    const mark = Symbol.for('mdx-component');
    const Content = Object.assign(
      (_props: object) => {
        throw new Error('boom');
      },
      { [mark]: true, moduleId: '/content/glossary/x.mdx' },
    );
    const named = namedMdxContent('glossary/x.MDX', Content) as typeof Content;
    expect(named[mark]).toBe(true);
    expect(named.moduleId).toBe('/content/glossary/x.mdx');
    expect(() => named({})).toThrow('Could not render the body of `glossary/x.MDX`: boom');
  });
});
