import type { Types } from 'mongoose';
import { logger } from '../logger';
import type { DraftDoc } from '../modules/drafts/draft.model';
import { findDraft } from '../modules/drafts/draft.service';
import type { DomainEvents } from '../modules/shared/domain-events';
import { settleDeadline, settleDue } from '../modules/silence/silence.service';
import { publishDraftChanged } from '../pubsub/draft-changed';
import type { AppPubSub } from '../pubsub/pubsub';
import { ALL, Topic } from '../pubsub/topics';

/**
 * A silence started or ended locks or unlocks the text: every instance's edit check hears it
 * through the status topic (the draft as it now is), and so do open pages and dashboards.
 */
export function silenceTopics(
  events: DomainEvents,
  pubSub: AppPubSub,
  collab: { statusChanged(draft: DraftDoc): void },
): (() => void)[] {
  return [
    events.on('silence.changed', ({ draftId }) => {
      findDraft(draftId)
        .then((draft) => {
          collab.statusChanged(draft);
          for (const key of [draft._id.toHexString(), draft.workingGroupId.toHexString(), ALL])
            pubSub.publish(Topic.DraftStatusChanged, key, draft);
          publishDraftChanged(pubSub, draft._id.toHexString());
        })
        .catch((err) =>
          logger.error(
            { err, draftId: draftId.toHexString() },
            'could not announce a silence change',
          ),
        );
    }),
  ];
}

export interface SilenceDeadlineOptions {
  /**
   * How often this instance looks for procedures started elsewhere (another instance) and for
   * outcomes a crash left half done. Its own procedures get a timer at once.
   */
  sweepMs: number;
}

/**
 * The deadlines of silence procedures, honoured by every instance: each one keeps a timer for
 * every procedure under way (its own at once, others' from the next sweep) and settles it at the
 * deadline; the outcome's unique insert lets exactly one instance adopt. At start it settles the
 * deadlines passed while it was down. Timers are unref'd and cleared by the returned stop.
 */
export function silenceDeadlines(
  events: DomainEvents,
  { sweepMs }: SilenceDeadlineOptions,
): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  let sweeping: Promise<void> | null = null;

  const settle = (id: Types.ObjectId) => {
    timers.delete(id.toHexString());
    if (stopped) return;
    settleDeadline(id, events)
      .then((end) => {
        // Woken a little early (timers may fire before their time): try again at the deadline.
        if (end === null) void sweep();
      })
      .catch((err) =>
        logger.error({ err, procedureId: id.toHexString() }, 'could not settle a silence deadline'),
      );
  };

  const schedule = (p: { _id: Types.ObjectId; until: Date }) => {
    const key = p._id.toHexString();
    if (stopped || timers.has(key)) return;
    // setTimeout holds at most 2^31-1 ms; a later deadline is scheduled by a later sweep.
    const delay = Math.min(Math.max(0, p.until.getTime() - Date.now()), 2 ** 31 - 1);
    if (delay > sweepMs * 2) return;
    const timer = setTimeout(() => settle(p._id), delay);
    timer.unref();
    timers.set(key, timer);
  };

  const sweep = (): Promise<void> => {
    sweeping ??= settleDue(events)
      .then((pending) => {
        for (const p of pending) schedule(p);
      })
      .catch((err) => logger.error({ err }, 'could not look for silence deadlines'))
      .finally(() => {
        sweeping = null;
      });
    return sweeping;
  };

  const stopListening = events.on('silence.changed', ({ procedureId, change, until }) => {
    if (change === 'started') schedule({ _id: procedureId, until });
  });
  void sweep();
  const interval = setInterval(() => void sweep(), sweepMs);
  interval.unref();
  return () => {
    stopped = true;
    stopListening();
    clearInterval(interval);
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  };
}
