import {
  createSourceEventStream,
  ExecutionArgs,
  ExecutionResult,
  execute,
  Kind,
  OperationDefinitionNode,
  print,
  subscribe,
} from 'graphql';

/**
 * Root subscription fields whose result depends only on the event (authorization happens once,
 * when subscribing): subscribers with the same operation and variables can share one execution.
 */
const EVENT_ONLY_FIELDS = new Set(['draftUpdates', 'presence']);

type Source = AsyncIterator<unknown> & { return?(): Promise<IteratorResult<unknown>> };

const executions = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
const keys = new WeakMap<ExecutionArgs['document'], string>();

function rootField(args: ExecutionArgs): string | undefined {
  const op = args.document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION &&
      (!args.operationName || d.name?.value === args.operationName),
  );
  const selections = op?.selectionSet.selections ?? [];
  return selections.length === 1 && selections[0].kind === Kind.FIELD
    ? selections[0].name.value
    : undefined;
}

function executeOnce(payload: unknown, key: string, args: ExecutionArgs): Promise<ExecutionResult> {
  if (typeof payload !== 'object' || payload === null)
    return Promise.resolve(execute({ ...args, rootValue: payload }));
  let byKey = executions.get(payload);
  if (!byKey) {
    byKey = new Map();
    executions.set(payload, byKey);
  }
  let result = byKey.get(key);
  if (!result) {
    result = Promise.resolve(execute({ ...args, rootValue: payload }));
    byKey.set(key, result);
  }
  return result;
}

/**
 * graphql-ws runs a subscription's selection once per subscriber per event; with a thousand people
 * watching a draft that is a thousand executions of the same thing. For event-only fields this
 * executes once per event and operation and hands every subscriber the same result.
 */
export async function sharedSubscribe(args: ExecutionArgs) {
  const field = rootField(args);
  if (!field || !EVENT_ONLY_FIELDS.has(field)) return subscribe(args);
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
  const iterator = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]() as Source;
  let documentKey = keys.get(args.document);
  if (!documentKey) {
    documentKey = print(args.document);
    keys.set(args.document, documentKey);
  }
  const key = `${args.operationName ?? ''}\n${documentKey}\n${JSON.stringify(args.variableValues ?? {})}`;
  // A plain iterator, not an async generator: return() must end it at once, even mid-wait.
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => mapped,
    async next() {
      const r = await iterator.next();
      return r.done
        ? { done: true, value: undefined }
        : { done: false, value: await executeOnce(r.value, key, args) };
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
  };
  return mapped;
}
