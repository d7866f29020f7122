import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';

/** Cost of a list field: its own 1 plus its selection times the number of entries it usually has. */
export const listCost =
  (typicalLength: number) =>
  ({ childComplexity }: ComplexityEstimatorArgs): number =>
    1 + typicalLength * childComplexity;
