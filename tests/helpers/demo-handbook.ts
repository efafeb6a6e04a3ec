import path from 'node:path';
import { ROOT } from './run-command.js';

/**
 * A copy of the demo handbook (content/ of this repository, 77 files: every
 * kind of page, an MDX glossary term, closed cycles with retrospectives,
 * check-ins, nested objectives), for the tests that need a realistic
 * handbook. It is the tests' own: a company's fork or copy replaces
 * content/ with its handbook and keeps a green suite, and a change to the
 * demo does not change what the tests check.
 */
export const DEMO_HANDBOOK = path.join(ROOT, 'tests/fixtures/demo-handbook');
