import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import {
  CommentAddedSubscription,
  CommentChangedSubscription,
  CommentsQuery,
} from '../../comments/comments.graphql';
import { upsertComment } from '../../comments/threads';
import { graphql } from '../../gql';
import type { CommentFieldsFragment } from '../../gql/graphql';

const AgendaCommentCounts = graphql(`
  query AgendaCommentCounts($id: ID!) {
    meeting(id: $id) {
      id
      agenda {
        id
        openComments
      }
    }
  }
`);

/**
 * Keeps an agenda item's count of open comments live while its thread is closed too: each
 * comment added or changed on it has the server count again (an event alone cannot tell whether
 * an edit also reopened or resolved it), and the cache puts the count in place by the item's id.
 */
export function useLiveCommentCount(meetingId: string, itemId: string): void {
  const client = useApolloClient();
  // One count in flight at a time, and one more after it if events came meanwhile: an answer
  // started earlier can never overwrite a later one.
  const state = useRef({ running: false, again: false, live: true });
  useEffect(() => {
    const s = state.current;
    s.live = true;
    return () => {
      s.live = false;
    };
  }, []);
  const recount = () => {
    const s = state.current;
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = true;
    void client
      .query({
        query: AgendaCommentCounts,
        variables: { id: meetingId },
        fetchPolicy: 'network-only',
      })
      .catch(() => undefined)
      .finally(() => {
        s.running = false;
        if (s.again && s.live) {
          s.again = false;
          recount();
        }
      });
  };
  const onComment = (comment: CommentFieldsFragment | undefined) => {
    if (!comment) return;
    // A thread opened earlier and closed since shows what came in meanwhile when opened again.
    client.cache.updateQuery({ query: CommentsQuery, variables: { targetId: itemId } }, (prev) =>
      prev ? { comments: upsertComment(prev.comments, comment) } : undefined,
    );
    recount();
  };
  // The thread, when open, subscribes to the same events with the same variables: Apollo shares one subscription.
  useSubscription(CommentAddedSubscription, {
    variables: { targetId: itemId },
    onData: ({ data }) => onComment(data.data?.commentAdded),
  });
  useSubscription(CommentChangedSubscription, {
    variables: { targetId: itemId },
    onData: ({ data }) => onComment(data.data?.commentChanged),
  });
}
