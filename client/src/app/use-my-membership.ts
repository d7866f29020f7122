import { useApolloClient, useSubscription } from '@apollo/client/react';
import { graphql } from '../gql';

// Here, not with the membership page: every page has the shell, and its code stays small.
const MyMembershipChangedSubscription = graphql(`
  subscription MyMembershipChanged {
    myMembershipChanged
  }
`);

/**
 * When the Secretariat seats the signed-in person in a group or takes them out (or names them
 * coordinator), what they may do changes everywhere: every open page reads its data again, so
 * that a draft's editor opens for writing or closes at once (its `can` fields decide).
 */
export function useMyMembership(): void {
  const apollo = useApolloClient();
  useSubscription(MyMembershipChangedSubscription, {
    onData: () => void apollo.refetchQueries({ include: 'active' }).catch(() => undefined),
  });
}
