import { DocumentNode, GraphQLError, GraphQLSchema, validate } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../core/errors';
import { httpStatus } from '../core/http-status';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
}

const rejected = (code: ErrorCode, message: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: httpStatus(code) } } });

/** Errors for a query nested deeper or costing more than the limits allow (empty when it fits). */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  limits: QueryLimits,
): GraphQLError[] {
  const depthErrors = validate(schema, document, [depthLimit(limits.maxDepth)]);
  if (depthErrors.length > 0) {
    return [
      rejected(
        ErrorCode.QueryTooDeep,
        `The query is nested deeper than ${limits.maxDepth} levels.`,
      ),
    ];
  }
  const complexity = getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
  if (complexity > limits.maxComplexity) {
    return [
      rejected(
        ErrorCode.QueryTooComplex,
        `The query costs ${complexity}, above the limit of ${limits.maxComplexity}; ask for fewer fields or nested lists.`,
      ),
    ];
  }
  return [];
}
