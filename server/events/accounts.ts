import { logger } from '../logger';
import type { MailPort } from '../modules/notifications/digest.service';
import type { DomainEvents } from '../modules/shared/domain-events';
import type { AppPubSub } from '../pubsub/pubsub';
import { ALL, Topic } from '../pubsub/topics';

/**
 * A person's roles changed (the Secretariat's doing): their cached sessions are read again and
 * their open sockets take the new roles at once, on every instance — the same path as a change
 * of working groups (events/membership.ts).
 */
export function accountTopics(events: DomainEvents, pubSub: AppPubSub): (() => void)[] {
  // Every People page open, on every instance, shows the change (an invitation adds a person).
  const changed = ({ user }: { user: { _id: { toHexString(): string } } }) =>
    pubSub.publish(Topic.AccountChanged, ALL, { userId: user._id.toHexString() });
  return [
    events.on('account.changed', changed),
    events.on('account.linkIssued', changed),
    events.on('account.changed', ({ user, change }) => {
      if (change !== 'rolesChanged') return;
      const payload = {
        userId: user._id.toHexString(),
        roles: user.roles,
        workingGroupIds: (user.workingGroupIds ?? []).map((id) => id.toHexString()),
      };
      pubSub.publish(Topic.MembershipChanged, payload.userId, payload);
      pubSub.publish(Topic.MembershipChanged, ALL, payload);
    }),
  ];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The mail a link goes out in, in English and French (the person's language is not known yet). */
export function linkMail(kind: 'invitation' | 'reset', name: string, url: string, expiresAt: Date) {
  const until = expiresAt.toISOString().slice(0, 10);
  const en =
    kind === 'invitation'
      ? `Dear ${name},\n\nYou are invited to the drafting platform of the 1540 Committee. Set your password with this link (it works once, until ${until}):\n\n${url}`
      : `Dear ${name},\n\nThe Secretariat has issued a new password link for your account on the 1540 Committee's drafting platform. Set a new password with this link (it works once, until ${until}):\n\n${url}`;
  const fr =
    kind === 'invitation'
      ? `Madame, Monsieur,\n\nVous êtes invité(e) sur la plateforme de rédaction du Comité 1540. Choisissez votre mot de passe avec ce lien (valable une fois, jusqu’au ${until}) :\n\n${url}`
      : `Madame, Monsieur,\n\nLe Secrétariat a émis un nouveau lien de mot de passe pour votre compte sur la plateforme de rédaction du Comité 1540. Choisissez un nouveau mot de passe avec ce lien (valable une fois, jusqu’au ${until}) :\n\n${url}`;
  const text = `${en}\n\n—\n\n${fr}\n`;
  return {
    subject:
      kind === 'invitation'
        ? '1540 Committee: your invitation / Comité 1540 : votre invitation'
        : '1540 Committee: set a new password / Comité 1540 : nouveau mot de passe',
    text,
    html: `<pre style="font-family:inherit;white-space:pre-wrap">${escapeHtml(text)}</pre>`,
  };
}

/** Mails each invitation and reset link to its person, when there is a mail transport. */
export function accountMail(events: DomainEvents, mail: MailPort | null): () => void {
  if (!mail) return () => {};
  return events.on('account.linkIssued', ({ user, kind, url, expiresAt }) => {
    mail
      .send({ to: user.email, ...linkMail(kind, user.name, url, expiresAt) })
      .catch((err: unknown) =>
        // The link is also in the Secretariat's answer: a failed mail is not a lost link.
        logger.error({ err, userId: user._id.toHexString() }, 'could not mail an account link'),
      );
  });
}
