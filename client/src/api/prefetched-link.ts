import { ApolloLink } from '@apollo/client';
import { print } from '@apollo/client/utilities';
import type { FormattedExecutionResult } from 'graphql';
import { Observable, type Subscription } from 'rxjs';
import { session } from './session';

/** What a script in a draft page's HTML asked for before any of the code ran (server/http/web-client.ts). */
export interface PagePrefetch {
  /** The session it was asked with. */
  token: string;
  variables: Record<string, unknown>;
  /** The query's text, as Apollo Client prints it. */
  query: string;
  /** The answer's body; null for an HTTP error. */
  result: Promise<FormattedExecutionResult | null>;
}

declare global {
  interface Window {
    __draftPagePrefetch?: PagePrefetch;
  }
}

const sameVariables = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/**
 * Answers the first DraftPage query with the answer the page's HTML already asked for, when it
 * was asked with the same session, variables and text; anything else (another query, an error,
 * an answer without the draft) goes to the server as usual. The page then shows the draft's
 * details, and knows whether the person may edit, without a round trip after its code has run.
 */
export function prefetchedLink(): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const prefetch = window.__draftPagePrefetch;
    if (!prefetch || operation.operationName !== 'DraftPage') return forward(operation);
    delete window.__draftPagePrefetch;
    if (
      prefetch.token !== session.get()?.token ||
      !sameVariables(prefetch.variables, operation.variables) ||
      prefetch.query !== print(operation.query)
    )
      return forward(operation);
    return new Observable<ApolloLink.Result>((observer) => {
      let closed = false;
      let fromServer: Subscription | undefined;
      const ask = () => {
        if (!closed) fromServer = forward(operation).subscribe(observer);
      };
      prefetch.result.then((body) => {
        if (closed) return;
        if (!body?.data?.draft || body.errors) return ask();
        observer.next(body);
        observer.complete();
      }, ask);
      return () => {
        closed = true;
        fromServer?.unsubscribe();
      };
    });
  });
}
