import { useApolloClient } from '@apollo/client/react';
import { useEffect } from 'react';
import { session } from '../../api/session';
import { graphql } from '../../gql';

const MarkDraftSeen = graphql(`
  mutation MarkDraftSeen($draftId: ID!) {
    markDraftSeen(draftId: $draftId)
  }
`);

const MARK_SEEN_TEXT = 'mutation MarkDraftSeen($draftId: ID!) { markDraftSeen(draftId: $draftId) }';

/**
 * Records the person's visit to the draft when they leave it: going elsewhere in the app (the page
 * unmounts) or closing the tab (`pagehide`, sent with `keepalive` so that it outlives the page).
 * Not when they open it: that would overwrite the visit the page compares with on opening. The
 * dashboard's copy of the draft then says there is nothing new.
 */
export function useRecordVisit(draftId: string): void {
  const apollo = useApolloClient();
  useEffect(() => {
    if (!draftId) return;
    let sent = false;
    const onPageHide = () => {
      const s = session.get();
      if (sent || !s) return;
      sent = true;
      void fetch('/graphql', {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
        body: JSON.stringify({ query: MARK_SEEN_TEXT, variables: { draftId } }),
      }).catch(() => {});
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      if (sent || !session.get()) return;
      sent = true;
      void apollo
        .mutate({ mutation: MarkDraftSeen, variables: { draftId } })
        .then(() =>
          apollo.cache.modify({
            id: apollo.cache.identify({ __typename: 'Draft', id: draftId }),
            fields: {
              changesSinceMyLastVisit: () => 0,
              myLastVisitAt: () => new Date().toISOString(),
            },
          }),
        )
        .catch(() => {});
    };
  }, [apollo, draftId]);
}
