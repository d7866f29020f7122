// The plain enum lives in decision-kind.ts, so that services import it without the GraphQL layer
// (scripts/check-cycles.mjs counts `*.enums.ts` as GraphQL); the types import it from here.
export { DecisionKind } from './decision-kind';
