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
 * mailed. Several instances may run it at once, and the embedded FerretDB lets conditional updates
 * race, so unique inserts decide: the period's claim per person (`digest:<user>:<period>`) keeps
 * to one mail per period, and each notice's own claim (`mail:<id>`) puts it in one mail only,
 * also when a slow send straddles two periods. A crash between the claims and the sending loses
 * that mail (the notices stay in the inbox): a notice is mailed at most once. People who turned
 * e-mail off have their notices marked mailed without a mail.
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
    UserModel.find(
      { _id: mongoose.trusted({ $in: userIds }) },
      { email: 1, name: 1, deactivatedAt: 1 },
    ).lean(),
    NotificationPreferenceModel.find({ userId: mongoose.trusted({ $in: userIds }) }).lean(),
  ]);
  const emailOff = new Set(prefs.filter((p) => !p.email).map((p) => p.userId.toHexString()));
  const markMailed = (ids: Types.ObjectId[]) =>
    NotificationModel.updateMany(
      { _id: mongoose.trusted({ $in: ids }) },
      { $set: { mailed: true } },
    );
  let sent = 0;
  for (const user of users) {
    const list = byUser.get(user._id.toHexString()) ?? [];
    // A deactivated person is no longer mailed about the Committee's work.
    if (emailOff.has(user._id.toHexString()) || user.deactivatedAt) {
      await markMailed(list.map((n) => n._id));
      continue;
    }
    if (!(await claimDecision(`digest:${user._id.toHexString()}:${period}`))) continue;
    const claimed = await Promise.all(
      list.map((n) => claimDecision(`mail:${n._id.toHexString()}`)),
    );
    const mine = list.filter((_, i) => claimed[i]);
    if (mine.length > 0) {
      await mail.send(digestMail(user.email, user.name, mine, opts.baseUrl));
      sent += 1;
    }
    // Those claimed elsewhere are that instance's to mail: none is read again here.
    await markMailed(list.map((n) => n._id));
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
