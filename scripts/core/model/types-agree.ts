// The hand-written document types must agree with the ones generated from the schemas
// (generated/, by `npm run docs`): `tsc` fails here when a schema and types.ts drift apart.

import type { FirebreakRepositoryPolicyFirebreakYml } from './generated/config.js';
import type { FirebreakContact } from './generated/contact.js';
import type { FirebreakIncidentOrExercise } from './generated/incident.js';
import type { FirebreakPlan } from './generated/plan.js';
import type { Policy } from '../policy.js';
import type { Contact, Incident, Plan } from './types.js';

// Every document the schema accepts fits the hand-written type the code reads it through.
type Agree<Schema, Code> = [Schema] extends [Code] ? true : false;
type Check<T extends true> = T;

export type TypesAgree = [
  Check<Agree<FirebreakContact, Contact>>,
  Check<Agree<FirebreakIncidentOrExercise, Incident>>,
  Check<Agree<FirebreakPlan, Plan>>,
  Check<Agree<NonNullable<FirebreakRepositoryPolicyFirebreakYml['policy']>, Partial<Policy>>>,
];
