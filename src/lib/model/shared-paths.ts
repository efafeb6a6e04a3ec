import type { PathSegment } from '../problem.js';

/*
 * The paths in the model's `source` fields, one frozen array per distinct
 * path. A handbook of 10 000 objectives has some 200 000 key results,
 * initiatives, check-ins and scores, but only a few hundred distinct paths
 * (`['keyResults', 2]`, `['updates', 17]`): sharing them spares the garbage
 * collector as many arrays to copy and mark while the model grows.
 */

const ROOT: readonly PathSegment[] = Object.freeze([]);
const keyResultPaths: (readonly PathSegment[])[] = [];
const initiativePaths: (readonly PathSegment[])[][] = [];
const itemPaths = new Map<string, (readonly PathSegment[])[]>();

/** The path of a file's own mapping. */
export function rootPath(): readonly PathSegment[] {
  return ROOT;
}

/** `['keyResults', index]`. */
export function keyResultPath(index: number): readonly PathSegment[] {
  return (keyResultPaths[index] ??= Object.freeze(['keyResults', index]));
}

/** `['keyResults', keyResult, 'initiatives', initiative]`. */
export function initiativePath(keyResult: number, initiative: number): readonly PathSegment[] {
  const paths = (initiativePaths[keyResult] ??= []);
  return (paths[initiative] ??= Object.freeze(['keyResults', keyResult, 'initiatives', initiative]));
}

/** `[list, index]`, for an item of a top-level list such as a review's `updates`. */
export function listItemPath(list: string, index: number): readonly PathSegment[] {
  let paths = itemPaths.get(list);
  if (paths === undefined) itemPaths.set(list, (paths = []));
  return (paths[index] ??= Object.freeze([list, index]));
}
