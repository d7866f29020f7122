import mongoose, { type Types } from 'mongoose';
import { claimDecision } from '../decisions/claim.service';
import { Language, pick } from '../shared/localized';
import { UserModel } from '../users/user.model';
import {
  type NotificationDoc,
  NotificationModel,
  NotificationPreferenceModel,
} from './notification.model';

/** What the digest needs of a mail transport (nodemailer's `sendMail`, or a test's). */
export interface MailPort {
  send(mail: { to: string; subject: string; text: string; html: string }): Promise<void>;
}

export interface DigestOptions {
  /** At most one digest per person in each period of this length (NOTIFY_DIGEST_MS). */
  periodMs: number;
  /** Where the links in the mail lead (the web client's address). */
  baseUrl: string;
  now?: Date;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Sends each person one e-mail with what they were notified of and not yet mailed, then marks it
 * mailed. Several instances may run it at once: the period's claim per person (a unique insert)
 * lets one of them send; a crash after the claim leaves the notices unmailed for the next period,
 * so nothing is lost, and nothing is sent twice within one period. People who turned e-mail off
 * have their notices marked mailed without a mail.
 */
export async function sendDigests(mail: MailPort, opts: DigestOptions): Promise<number> {
  const now = opts.now ?? new Date();
  const period = Math.floor(now.getTime() / opts.periodMs);
  const pending = await NotificationModel.find({ mailed: false })
    .sort({ createdAt: 1 })
    .lean<NotificationDoc[]>();
  const byUser = new Map<string, NotificationDoc[]>();
  for (const n of pending) {
    const list = byUser.get(n.userId.toHexString()) ?? [];
    list.push(n);
    byUser.set(n.userId.toHexString(), list);
  }
  if (byUser.size === 0) return 0;
  const userIds = [...byUser.values()].map((list) => list[0].userId);
  const [users, prefs] = await Promise.all([
    UserModel.find({ _id: mongoose.trusted({ $in: userIds }) }, { email: 1, name: 1 }).lean(),
    NotificationPreferenceModel.find({ userId: mongoose.trusted({ $in: userIds }) }).lean(),
  ]);
  const emailOff = new Set(prefs.filter((p) => !p.email).map((p) => p.userId.toHexString()));
  let sent = 0;
  for (const user of users) {
    const list = byUser.get(user._id.toHexString()) ?? [];
    const ids: Types.ObjectId[] = list.map((n) => n._id);
    if (!emailOff.has(user._id.toHexString())) {
      if (!(await claimDecision(`digest:${user._id.toHexString()}:${period}`))) continue;
      await mail.send(digestMail(user.email, user.name, list, opts.baseUrl));
      sent += 1;
    }
    await NotificationModel.updateMany(
      { _id: mongoose.trusted({ $in: ids }) },
      { $set: { mailed: true } },
    );
  }
  return sent;
}

function digestMail(
  to: string,
  name: string,
  list: NotificationDoc[],
  baseUrl: string,
): { to: string; subject: string; text: string; html: string } {
  // Both languages, as the person's language is chosen in the browser, not known to the server.
  const subject =
    list.length === 1
      ? '1540 Committee: 1 new notification / 1 nouvelle notification'
      : `1540 Committee: ${list.length} new notifications / ${list.length} nouvelles notifications`;
  const url = (n: NotificationDoc) => new URL(n.link, baseUrl).toString();
  const text = [
    `${name},`,
    '',
    ...list.map(
      (n) => `- ${pick(n.text, Language.EN)}\n  ${pick(n.text, Language.FR)}\n  ${url(n)}`,
    ),
    '',
    'Notification settings / Paramètres des notifications: ' +
      new URL('/notifications', baseUrl).toString(),
  ].join('\n');
  const html = `<p>${escapeHtml(name)},</p><ul>${list
    .map(
      (n) =>
        `<li><a href="${escapeHtml(url(n))}">${escapeHtml(n.text.en)}</a><br><span lang="fr">${escapeHtml(n.text.fr)}</span></li>`,
    )
    .join('')}</ul>`;
  return { to, subject, text, html };
}
