import { type FieldNode, Kind, print, type SelectionSetNode, visit } from 'graphql';
import { DraftPageDocument } from '../../gql/graphql';

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * `__typename` added at the end of every selection set below the operation's root, as Apollo
 * Client's cache does (`addTypenameToDocument`; the spec of prefetched-link checks that the texts
 * agree). Not Apollo's own function: the server would load 11 MiB of Apollo to print one query.
 */
function withTypenames<T extends Parameters<typeof print>[0]>(doc: T): T {
  return visit(doc, {
    SelectionSet: (set: SelectionSetNode, _key, parent) => {
      const root =
        parent && !Array.isArray(parent) && 'kind' in parent
          ? parent.kind === Kind.OPERATION_DEFINITION
          : false;
      const has = set.selections.some(
        (s) => s.kind === Kind.FIELD && s.name.value === '__typename',
      );
      return root || has ? undefined : { ...set, selections: [...set.selections, TYPENAME] };
    },
  }) as T;
}

/**
 * The DraftPage query exactly as Apollo Client sends it. The page's HTML asks for it ahead of the
 * script (server/http/web-client.ts), and the client takes that answer only for this very text
 * (api/prefetched-link.ts): one source for both, so that a field added to the page cannot
 * silently turn the prefetch off.
 */
export const DRAFT_PAGE_QUERY = print(withTypenames(DraftPageDocument));
