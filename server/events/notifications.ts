import { logger } from '../logger';
import { type MailPort, sendDigests } from '../modules/notifications/digest.service';
import {
  noticeDeadlines,
  onCommentAdded,
  onConsultationChanged,
  onDraftStatusChanged,
  onProposalChanged,
  onSilenceChanged,
} from '../modules/notifications/notification.triggers';
import type { DomainEvents } from '../modules/shared/domain-events';
import type { AppPubSub } from '../pubsub/pubsub';
import { Topic } from '../pubsub/topics';

/** A notice failing must not fail the act it is about (that is done); it is logged. */
const quietly = (what: string, work: Promise<unknown>) => {
  work.catch((err: unknown) => logger.error({ err }, `could not notify: ${what}`));
};

/**
 * Notifications: what concerns people becomes notices (written by the notifications module), and
 * each new notice goes to its person's bell on every instance.
 */
export function notificationProcessors(events: DomainEvents, pubSub: AppPubSub): (() => void)[] {
  return [
    events.on('silence.changed', (e) => quietly('silence', onSilenceChanged(e, events))),
    events.on('proposal.changed', (e) => quietly('proposal', onProposalChanged(e, events))),
    events.on('consultation.changed', (e) =>
      quietly('consultation', onConsultationChanged(e, events)),
    ),
    events.on('comment.added', ({ comment }) =>
      quietly('comment', onCommentAdded(comment, events)),
    ),
    events.on('draft.statusChanged', (e) => quietly('status', onDraftStatusChanged(e, events))),
    events.on('notifications.added', ({ notifications }) => {
      for (const n of notifications)
        pubSub.publish(Topic.NotificationAdded, n.userId.toHexString(), n);
    }),
    events.on('notifications.read', ({ userId, unread }) =>
      pubSub.publish(Topic.NotificationsRead, userId.toHexString(), { unread }),
    ),
  ];
}

export interface NotificationScheduleConfig {
  /** The process's mail transport (events/mail.ts); null: no SMTP_URL, no digests. */
  mail: MailPort | null;
  notifyDigestMs: number;
  notifyDeadlineCheckMs: number;
  /** Where links in e-mails lead (read when a digest is sent: the port is known after listen). */
  baseUrl: () => string;
}

/** Runs `work` every `ms` (never two at once), first soon after start; timers never hold the process. */
function every(ms: number, what: string, work: () => Promise<unknown>): () => void {
  let running = false;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = true;
    work()
      .catch((err: unknown) => logger.error({ err }, `${what} failed`))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, Math.min(ms, 1000));
  const timer = setInterval(run, ms);
  first.unref();
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}

/**
 * The scheduled work of notifications in this process: drafts due within 48 hours (any instance
 * may look; each notice is written once), and e-mail digests when SMTP_URL is set.
 */
export function notificationSchedules(
  events: DomainEvents,
  config: NotificationScheduleConfig,
): () => void {
  const stops = [
    every(config.notifyDeadlineCheckMs, 'deadline notices', () =>
      noticeDeadlines(new Date(), events),
    ),
  ];
  const mail = config.mail;
  if (mail) {
    stops.push(
      every(config.notifyDigestMs, 'e-mail digest', () =>
        sendDigests(mail, { periodMs: config.notifyDigestMs, baseUrl: config.baseUrl() }),
      ),
    );
  }
  return () => {
    for (const stop of stops) stop();
  };
}
