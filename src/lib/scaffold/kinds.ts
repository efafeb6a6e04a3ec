import type { ScaffoldKind } from './context.js';
import { newCycle } from './new-cycle.js';
import { newKeyResult } from './new-key-result.js';
import { newObjective } from './new-objective.js';
import { newPerson } from './new-person.js';
import { newReview } from './new-review.js';
import { newTeam } from './new-team.js';
import { newTerm } from './new-term.js';

/** Every `npm run new -- <kind>`, in the order a new handbook needs them. */
export const SCAFFOLD_KINDS: readonly ScaffoldKind[] = [newCycle, newTeam, newPerson, newObjective, newKeyResult, newReview, newTerm];
