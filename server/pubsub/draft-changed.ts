import type { AppPubSub } from './pubsub';
import { ALL, Topic } from './topics';

/** Tells dashboards that a draft's summary changed (edits, status, comments, who is in it). */
export function publishDraftChanged(pubSub: AppPubSub, draftId: string): void {
  for (const key of [draftId, ALL]) pubSub.publish(Topic.DraftChanged, key, { draftId });
}
