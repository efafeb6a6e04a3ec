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
