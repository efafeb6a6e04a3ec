/** A content file's body that could not be rendered, named, so a failed build says which file to look at. */
export class RenderFailure extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`Could not render the body of \`${file}\`: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RenderFailure';
  }
}

/** Runs one step of rendering `file`'s body; a failure is rethrown naming the file. */
export async function renderFailureNames<T>(file: string, render: () => Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (cause) {
    throw cause instanceof RenderFailure ? cause : new RenderFailure(file, cause);
  }
}

/**
 * An MDX body's component that names its file when it fails: MDX runs the
 * body's expressions when the component is called. Astro recognises MDX
 * components by their symbol-keyed marks, which the wrapper keeps.
 */
export function namedMdxContent<Props>(file: string, Content: (props: Props) => unknown): (props: Props) => unknown {
  const named = (props: Props) => {
    try {
      return Content(props);
    } catch (cause) {
      throw cause instanceof RenderFailure ? cause : new RenderFailure(file, cause);
    }
  };
  for (const key of [...Object.getOwnPropertySymbols(Content), 'moduleId']) {
    const property = Object.getOwnPropertyDescriptor(Content, key);
    if (property) Object.defineProperty(named, key, property);
  }
  return named;
}
