import { DocumentNode, GraphQLError, GraphQLSchema, Kind, parse, validate, visit } from 'graphql';
import { checkQueryLimits, QueryLimits } from './limits';

type Prepared =
  | { document: DocumentNode; errors?: undefined }
  | { document?: undefined; errors: readonly GraphQLError[] };

/** Whether @include/@skip take a variable: then the cost depends on the variables' values. */
function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = false;
  visit(document, {
    Directive(node) {
      if (node.arguments?.some((a) => a.value.kind === Kind.VARIABLE)) depends = true;
    },
  });
  return depends;
}

/**
 * Parsed, validated and limit-checked operations by their text. An editor sends the same mutation
 * text with every keystroke; parsing and validating it each time would cost more than storing it.
 */
export class DocumentCache {
  private entries = new Map<string, Prepared & { variableDependent: boolean }>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: QueryLimits,
    private readonly max = 1000,
  ) {}

  prepare(
    query: string,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ): Prepared {
    const key = `${operationName ?? ''}\n${query}`;
    const cached = this.entries.get(key);
    if (cached && !cached.variableDependent) {
      // Most recently used goes last, so the first entry is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    let document: DocumentNode;
    try {
      document = cached?.document ?? parse(query);
    } catch (err) {
      return { errors: [err as GraphQLError] };
    }
    const errors = cached?.document ? [] : validate(this.schema, document);
    const prepared: Prepared =
      errors.length > 0
        ? { errors }
        : (() => {
            const limitErrors = checkQueryLimits(
              this.schema,
              document,
              variables,
              operationName,
              this.limits,
            );
            return limitErrors.length > 0 ? { errors: limitErrors } : { document };
          })();
    if (!cached) {
      this.entries.set(key, {
        ...prepared,
        variableDependent: errors.length === 0 && costDependsOnVariables(document),
      });
      if (this.entries.size > this.max)
        this.entries.delete(this.entries.keys().next().value as string);
    }
    return prepared;
  }
}
