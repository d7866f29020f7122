import { Types } from 'mongoose';
import * as Y from 'yjs';
import { connectEditor, Editor } from '../../../test/helpers/editors';
import {
  buildAgendaItem,
  buildDraft,
  FACTORY_PASSWORD,
  workingGroupId,
} from '../../../test/helpers/factories';
import { startTestMailServer, type TestMailServer } from '../../../test/helpers/mail-server';
import {
  startTestPlatform,
  subscribe,
  TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { waitFor } from '../../../test/helpers/wait';
import { CONTENT_FIELD } from '../../collaboration/document-state';
import { hashPassword } from '../auth/password';
import { DelegationModel } from '../delegations/delegation.model';
import { DraftModel } from '../drafts/draft.model';
import { Role } from '../users/role';
import { UserModel } from '../users/user.model';
import { sendDigests } from './digest.service';
import { findMentions } from './mentions';
import { NotificationModel } from './notification.model';
import { noticeDeadlines } from './notification.triggers';
import { NotificationKind } from './notification-kind';

interface Note {
  id: string;
  kind: string;
  text: string;
  read: boolean;
  link: string;
  draftId: string | null;
  commentId: string | null;
}

const LIST = `query($f: Int, $l: Language) { notifications(first: $f) { id kind text(lang: $l) read link draftId commentId createdAt } unreadNotificationCount }`;
const ADD = `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const READ = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const PREFS = `query { notificationPreferences { enabledKinds email } }`;
const SET_PREFS = `mutation($i: NotificationPreferencesInput!) { setNotificationPreferences(input: $i) { enabledKinds email } }`;

let counter = 0;

describe('notifications', () => {
  let t: TestPlatform;
  let smtp: TestMailServer;
  const editors: Editor[] = [];

  beforeAll(async () => {
    // A real SMTP server (test/helpers/mail-server.ts) on a free port: the digest travels over the wire to it.
    smtp = await startTestMailServer();
    t = await startTestPlatform({
      SMTP_URL: smtp.url,
      NOTIFY_DIGEST_MS: '700',
      NOTIFY_DEADLINE_CHECK_MS: '300',
      PUBLIC_URL: 'https://committee.example.org',
    });
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
    await smtp.stop();
  });

  async function person(
    roles: Role[],
    opts: { delegation?: string; groups?: number[]; name?: string } = {},
  ) {
    counter += 1;
    const n = counter;
    const email = `notify${n}.${Date.now()}@test.example`;
    const d = opts.delegation
      ? await DelegationModel.findOne({ code: opts.delegation }).lean()
      : null;
    const name = opts.name ?? `Notified person ${n}`;
    const user = await UserModel.create({
      email,
      name,
      passwordHash: await hashPassword(FACTORY_PASSWORD),
      roles,
      delegationId: d?._id ?? null,
      workingGroupIds: await Promise.all((opts.groups ?? []).map(workingGroupId)),
    });
    return {
      id: user._id.toHexString(),
      name,
      email,
      token: await t.login(email, FACTORY_PASSWORD),
    };
  }

  const inbox = async (token: string, lang = 'EN') => {
    const res = await t.gql<{ notifications: Note[]; unreadNotificationCount: number }>(
      LIST,
      { f: 50, l: lang },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const waitForKind = (token: string, kind: string, count = 1) =>
    waitFor(
      async () => (await inbox(token)).notifications.filter((n) => n.kind === kind),
      (list) => list.length >= count,
      10_000,
      `${count} ${kind}`,
    );
  const comment = async (token: string, targetId: string, body: string, parentId?: string) => {
    const res = await t.gql<{ addComment: { id: string } }>(
      ADD,
      { input: { targetId, body, parentId } },
      token,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.addComment.id;
  };

  it('finds mentions by the longest known name, not inside words or e-mail addresses', () => {
    const names = ['France', 'Delegate (demo, France)', 'Ana', 'Ana Lima'];
    expect(findMentions('Thanks @Delegate (demo, France) and @france.', names).sort()).toEqual([
      'Delegate (demo, France)',
      'France',
    ]);
    expect(findMentions('@Ana Lima agrees', names)).toEqual(['Ana Lima']);
    expect(findMentions('@Anastasia, mail ana@France', names)).toEqual([]);
  });

  it('a reply to your comment, and an @mention of you or your delegation, each notify once, live, never the author', async () => {
    const draftId = await buildDraft(1);
    const [alice, bob, france1, france2] = await Promise.all([
      person([Role.DELEGATE], { groups: [1], delegation: 'CHN' }),
      person([Role.DELEGATE], { groups: [1], delegation: 'GBR' }),
      person([Role.DELEGATE], { groups: [1], delegation: 'FRA' }),
      person([Role.DELEGATE], { delegation: 'FRA' }),
    ]);
    const live = subscribe<{ notificationAdded: Note }>(
      t.ws(alice.token),
      'subscription { notificationAdded { id kind text link commentId } }',
    );
    await t.listening(Topic.NotificationAdded, alice.id, 1);

    const first = await comment(alice.token, draftId, 'Should we say "shall"?');
    const reply = await comment(bob.token, draftId, 'Yes, I think so.', first);
    const event = await live.next();
    expect(event.notificationAdded).toMatchObject({
      kind: 'COMMENT_REPLY',
      link: `/drafts/${draftId}`,
      commentId: reply,
    });
    expect(event.notificationAdded.text).toContain('replied to your comment');
    // Bob replying to his own comment tells nobody.
    await comment(bob.token, draftId, 'And again.', reply);

    const mention = await comment(bob.token, draftId, `@${alice.name} and @France: your view?`);
    const aliceMention = await live.next();
    expect(aliceMention.notificationAdded).toMatchObject({ kind: 'MENTION', commentId: mention });
    expect(aliceMention.notificationAdded.text).toMatch(/mentioned you in a comment/);
    for (const f of [france1, france2]) {
      const [n] = await waitForKind(f.token, 'MENTION');
      expect(n.text).toMatch(/mentioned your delegation/);
      const fr = (await inbox(f.token, 'FR')).notifications.find((x) => x.kind === 'MENTION');
      expect(fr?.text).toMatch(/a mentionné votre délégation/);
    }
    // Nobody is told of their own act: Bob mentions himself.
    await comment(bob.token, draftId, `Note to @${bob.name}.`);

    const a = await inbox(alice.token);
    expect(a.notifications.map((n) => n.kind).sort()).toEqual(['COMMENT_REPLY', 'MENTION']);
    expect(a.unreadNotificationCount).toBe(2);
    expect((await inbox(bob.token)).notifications).toEqual([]);
    live.dispose();
  });

  it('an @mention in a comment on an agenda item leads to its month of the calendar', async () => {
    const { itemId } = await buildAgendaItem('2020-03-12');
    const [writer, named] = await Promise.all([
      person([Role.DELEGATE], { delegation: 'VNM' }),
      person([Role.DELEGATE], { delegation: 'BEL' }),
    ]);
    await comment(writer.token, itemId, `@${named.name}, your view on this item?`);
    const [n] = await waitForKind(named.token, 'MENTION');
    expect(n).toMatchObject({ link: '/calendar/2020-03', draftId: null });
    expect(n.text).toMatch(/mentioned you in a comment on the agenda item “Test item \d+”/);
  });

  it('marks read (some, then all), only one’s own, and tells one’s other windows the count', async () => {
    const draftId = await buildDraft(1);
    const [reader, other] = await Promise.all([
      person([Role.DELEGATE], { groups: [1] }),
      person([Role.DELEGATE], { groups: [1] }),
    ]);
    const c1 = await comment(reader.token, draftId, 'One');
    const c2 = await comment(reader.token, draftId, 'Two');
    await comment(other.token, draftId, 'Re one', c1);
    await comment(other.token, draftId, 'Re two', c2);
    const replies = await waitForKind(reader.token, 'COMMENT_REPLY', 2);
    const counts = subscribe<{ unreadNotificationCountChanged: number }>(
      t.ws(reader.token),
      'subscription { unreadNotificationCountChanged }',
    );
    await t.listening(Topic.NotificationsRead, reader.id, 1);

    // Another person's ids change nothing of theirs.
    const theirs = await t.gql(READ, { ids: [replies[0].id] }, other.token);
    expect(theirs.data).toEqual({ markNotificationsRead: 0 });
    expect((await inbox(reader.token)).unreadNotificationCount).toBe(2);

    const one = await t.gql(READ, { ids: [replies[0].id] }, reader.token);
    expect(one.data).toEqual({ markNotificationsRead: 1 });
    expect((await counts.next()).unreadNotificationCountChanged).toBe(1);
    const all = await t.gql(READ, {}, reader.token);
    expect(all.data).toEqual({ markNotificationsRead: 0 });
    expect((await counts.next()).unreadNotificationCountChanged).toBe(0);
    expect((await inbox(reader.token)).notifications.every((n) => n.read)).toBe(true);

    const bad = await t.gql(READ, { ids: ['nope'] }, reader.token);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badFirst = await t.gql(LIST, { f: 0 }, reader.token);
    expect(badFirst.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await t.gql(LIST, { f: 5 });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    counts.dispose();
  });

  it('lists older ones page by page after a given one, and only after one of one’s own', async () => {
    const reader = await person([Role.DELEGATE], { groups: [1] });
    const other = await person([Role.DELEGATE], { groups: [1] });
    const start = Date.now() - 60_000;
    // Five notices a second apart (the list's order is theirs, newest first).
    await NotificationModel.insertMany(
      [0, 1, 2, 3, 4].map((i) => ({
        userId: new Types.ObjectId(reader.id),
        kind: NotificationKind.MENTION,
        key: `page-test:${i}`,
        text: { en: `Notice ${i}`, fr: `Avis ${i}` },
        link: '/',
        createdAt: new Date(start + i * 1000),
      })),
    );
    const LIST = 'query($f: Int, $b: ID) { notifications(first: $f, before: $b) { id text } }';
    const page = async (before: string | null, token = reader.token) =>
      t.gql<{ notifications: { id: string; text: string }[] }>(LIST, { f: 2, b: before }, token);
    const first = (await page(null)).data!.notifications;
    expect(first.map((n) => n.text)).toEqual(['Notice 4', 'Notice 3']);
    const secondRes = await page(first[1].id);
    expect(secondRes.errors).toBeUndefined();
    const second = secondRes.data!.notifications;
    expect(second.map((n) => n.text)).toEqual(['Notice 2', 'Notice 1']);
    const last = (await page(second[1].id)).data!.notifications;
    expect(last.map((n) => n.text)).toEqual(['Notice 0']);
    const foreign = await page(first[0].id, other.token);
    expect(foreign.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('preferences: a kind turned off is not notified; the settings are one’s own', async () => {
    const draftId = await buildDraft(1);
    const [quiet, other] = await Promise.all([
      person([Role.DELEGATE], { groups: [1] }),
      person([Role.DELEGATE], { groups: [1] }),
    ]);
    const initial = await t.gql(PREFS, {}, quiet.token);
    expect(initial.data!.notificationPreferences.email).toBe(true);
    expect(initial.data!.notificationPreferences.enabledKinds).toContain('MENTION');
    const set = await t.gql(
      SET_PREFS,
      {
        i: {
          enabledKinds: initial.data!.notificationPreferences.enabledKinds.filter(
            (k: string) => k !== 'MENTION',
          ),
          email: false,
        },
      },
      quiet.token,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setNotificationPreferences.enabledKinds).not.toContain('MENTION');
    expect(set.data!.setNotificationPreferences.email).toBe(false);
    expect((await t.gql(PREFS, {}, other.token)).data!.notificationPreferences.email).toBe(true);

    await comment(other.token, draftId, `@${quiet.name} look`);
    const mine = await comment(quiet.token, draftId, 'mine');
    await comment(other.token, draftId, 'replying', mine);
    // The reply kind is on (it arrives after the mention would have); the mention kind is off.
    await waitForKind(quiet.token, 'COMMENT_REPLY');
    expect((await inbox(quiet.token)).notifications.map((n) => n.kind)).toEqual(['COMMENT_REPLY']);
    const bad = await t.gql(SET_PREFS, { i: { enabledKinds: ['LOUD'], email: true } }, quiet.token);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a status change of a group’s draft tells its members, not the one who made it', async () => {
    const draftId = await buildDraft(2);
    const [member, outsider, secretariat] = await Promise.all([
      person([Role.DELEGATE], { groups: [2] }),
      person([Role.DELEGATE], { groups: [3] }),
      person([Role.SECRETARIAT]),
    ]);
    const res = await t.gql(
      'mutation($id: ID!) { setDraftStatus(id: $id, status: IN_REVIEW) { status } }',
      { id: draftId },
      secretariat.token,
    );
    expect(res.errors).toBeUndefined();
    const [n] = await waitForKind(member.token, 'DRAFT_STATUS');
    expect(n).toMatchObject({ draftId, link: `/drafts/${draftId}` });
    expect(n.text).toMatch(/is now in review/);
    expect((await inbox(outsider.token)).notifications).toEqual([]);
    expect((await inbox(secretariat.token)).notifications).toEqual([]);
  });

  it('a deadline within 48 hours tells the group once per draft and deadline', async () => {
    const draftId = await buildDraft(3);
    const [member, secretariat] = await Promise.all([
      person([Role.DELEGATE], { groups: [3] }),
      person([Role.SECRETARIAT]),
    ]);
    const setDeadline = (hours: number) =>
      t.gql(
        'mutation($id: ID!, $d: DateTimeISO) { updateDraft(id: $id, input: { deadline: $d }) { id } }',
        { id: draftId, d: new Date(Date.now() + hours * 3600_000).toISOString() },
        secretariat.token,
      );
    expect((await setDeadline(72)).errors).toBeUndefined();
    // A few runs of the check (every 300 ms) find nothing due within 48 hours.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await inbox(member.token)).notifications).toEqual([]);
    expect((await setDeadline(30)).errors).toBeUndefined();
    const [n] = await waitForKind(member.token, 'DEADLINE_SOON');
    expect(n.text).toMatch(/is due within 48 hours/);
    // Later checks do not repeat it.
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      (await inbox(member.token)).notifications.filter((x) => x.kind === 'DEADLINE_SOON'),
    ).toHaveLength(1);
    // A new deadline is a new notice.
    expect((await setDeadline(20)).errors).toBeUndefined();
    await waitForKind(member.token, 'DEADLINE_SOON', 2);
  });

  it('two instances looking for deadlines, or sending digests, at the same moment notify and mail once', async () => {
    const draftId = await buildDraft(2);
    const member = await person([Role.DELEGATE], { groups: [2] });
    await DraftModel.updateOne(
      { _id: draftId },
      { $set: { deadline: new Date(Date.now() + 3600_000) } },
    );
    const events = t.platform.app.events;
    // Besides the server's own timer, three runs at once, as several instances would.
    await Promise.all([1, 2, 3].map(() => noticeDeadlines(new Date(), events)));
    await waitForKind(member.token, 'DEADLINE_SOON');
    expect(
      await NotificationModel.countDocuments({
        userId: new Types.ObjectId(member.id),
        kind: NotificationKind.DEADLINE_SOON,
      }),
    ).toBe(1);

    // Two digest runs at once (and the server's own) put each notice in one mail only.
    await NotificationModel.updateMany(
      { userId: new Types.ObjectId(member.id) },
      { $set: { mailed: false } },
    );
    const sentHere: string[] = [];
    const port = {
      async send(m: { to: string }) {
        sentHere.push(m.to);
      },
    };
    const period = { periodMs: 3_600_000, baseUrl: 'https://committee.example.org' };
    await Promise.all([sendDigests(port, period), sendDigests(port, period)]);
    await new Promise((r) => setTimeout(r, 1500));
    const toMember = [
      ...sentHere,
      ...smtp.mails.map((m) => (Array.isArray(m.to) ? '' : (m.to?.text ?? ''))),
    ].filter((to) => to === member.email);
    expect(toMember).toHaveLength(1);
  });

  it('a proposal of your delegation accepted tells its people, not the one who decided', async () => {
    const draftId = await buildDraft(1);
    const [proposer, colleague, secretariat] = await Promise.all([
      person([Role.DELEGATE], { groups: [1], delegation: 'FRA' }),
      person([Role.DELEGATE], { delegation: 'FRA' }),
      person([Role.SECRETARIAT]),
    ]);
    const ed = connectEditor(t.url, proposer.token, draftId);
    editors.push(ed);
    await ed.provider.whenSynced();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('The Committee reviews.')]);
    ed.doc.getXmlFragment(CONTENT_FIELD).push([p]);
    await ed.provider.whenAcknowledged();
    const markId = `${proposer.id}:nnnnnnnnnn`;
    ed.doc.transact(() => {
      const text = (ed.doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement).get(
        0,
      ) as Y.XmlText;
      text.insert(14, ' yearly', { insertion: { id: markId } });
    });
    await ed.provider.whenAcknowledged();
    const proposals = await waitFor(
      async () =>
        (
          await t.gql<{ draft: { proposals: { id: string }[] } }>(
            'query($d: ID!) { draft(id: $d) { proposals { id } } }',
            { d: draftId },
            secretariat.token,
          )
        ).data?.draft.proposals ?? [],
      (list) => list.length === 1,
    );
    const decided = await t.gql(
      'mutation($p: ID!) { decideProposal(proposalId: $p, accept: true) { status } }',
      { p: proposals[0].id },
      secretariat.token,
    );
    expect(decided.errors).toBeUndefined();
    for (const who of [proposer, colleague]) {
      const [n] = await waitForKind(who.token, 'PROPOSAL_DECIDED');
      expect(n.text).toMatch(/Your delegation’s proposal \(“yearly”\) on .* was accepted/);
    }
    expect((await inbox(secretariat.token)).notifications).toEqual([]);
  });

  it('a silence started, broken and ended tells the group, the Chair and the Secretariat; a break reaches the Chair even with the kind off', async () => {
    const draftId = await buildDraft(4);
    const [member, breaker, chair, secretariat, outsider] = await Promise.all([
      person([Role.DELEGATE], { groups: [4] }),
      person([Role.DELEGATE], { groups: [4], delegation: 'DEU' }),
      person([Role.CHAIR]),
      person([Role.SECRETARIAT]),
      person([Role.DELEGATE], { groups: [1] }),
    ]);
    // The Chair turned silence breaks off: they are told anyway.
    await t.gql(SET_PREFS, { i: { enabledKinds: ['SILENCE_STARTED'], email: false } }, chair.token);
    const events = t.platform.app.events;
    const procedureId = new Types.ObjectId();
    const until = new Date('2026-12-01T17:00:00Z');
    const base = {
      draftId: new Types.ObjectId(draftId),
      procedureId,
      until,
      delegationId: null,
    };
    events.emit('silence.changed', {
      ...base,
      change: 'started',
      byId: new Types.ObjectId(secretariat.id),
    });
    for (const who of [member, breaker, chair]) {
      const [n] = await waitForKind(who.token, 'SILENCE_STARTED');
      expect(n.text).toContain(
        'is under the silence procedure until 1 December 2026 at 12:00 (New York)',
      );
    }
    const fr = (await inbox(member.token, 'FR')).notifications[0];
    expect(fr.text).toContain('procédure d’approbation tacite jusqu’au 1 décembre 2026');
    // Emitted twice (another instance, say): still once.
    events.emit('silence.changed', {
      ...base,
      change: 'started',
      byId: new Types.ObjectId(secretariat.id),
    });

    const deu = await DelegationModel.findOne({ code: 'DEU' }).lean();
    events.emit('silence.changed', {
      ...base,
      change: 'broken',
      byId: new Types.ObjectId(breaker.id),
      delegationId: deu!._id,
    });
    for (const who of [member, chair, secretariat]) {
      const [n] = await waitForKind(who.token, 'SILENCE_BROKEN');
      expect(n.text).toMatch(/^Germany broke the silence on/);
    }
    events.emit('silence.changed', { ...base, change: 'adopted', byId: null });
    const [adopted] = await waitForKind(breaker.token, 'SILENCE_ENDED');
    expect(adopted.text).toMatch(/was adopted under the silence procedure on 1 December 2026/);
    expect((await inbox(breaker.token)).notifications.map((n) => n.kind).sort()).toEqual([
      'SILENCE_ENDED',
      'SILENCE_STARTED',
    ]);
    expect(
      (await inbox(member.token)).notifications.filter((n) => n.kind === 'SILENCE_STARTED'),
    ).toHaveLength(1);
    // The Chair turned SILENCE_ENDED off.
    expect((await inbox(chair.token)).notifications.map((n) => n.kind).sort()).toEqual([
      'SILENCE_BROKEN',
      'SILENCE_STARTED',
    ]);
    expect((await inbox(outsider.token)).notifications).toEqual([]);
  });

  it('sends an e-mail digest over SMTP with what is new, once, and none to those who turned e-mail off', async () => {
    const draftId = await buildDraft(1);
    const [reader, writer, mute] = await Promise.all([
      person([Role.DELEGATE], { groups: [1] }),
      person([Role.DELEGATE], { groups: [1] }),
      person([Role.DELEGATE], { groups: [1] }),
    ]);
    await t.gql(
      SET_PREFS,
      { i: { enabledKinds: ['MENTION', 'COMMENT_REPLY'], email: false } },
      mute.token,
    );
    const c = await comment(reader.token, draftId, 'A question');
    await comment(writer.token, draftId, `Answer, cc @${mute.name}`, c);
    await comment(writer.token, draftId, `@${reader.name} see above`);
    const mailsTo = (email: string) =>
      smtp.mails.filter((m) => m.to && !Array.isArray(m.to) && m.to.text === email);
    const textOf = (mails: typeof smtp.mails) => mails.map((m) => m.text ?? '').join('\n');
    // Usually one digest holds both notices; on a loaded machine a digest may run between the two
    // comments, and the second notice then goes in the next one.
    const mails = await waitFor(
      () => mailsTo(reader.email),
      (list) =>
        textOf(list).includes('mentioned you') && textOf(list).includes('replied to your comment'),
      15_000,
      'the digests',
    );
    const text = textOf(mails);
    expect(text.match(/replied to your comment/g)).toHaveLength(1);
    expect(text.match(/mentioned you/g)).toHaveLength(1);
    expect(text).toContain('a répondu à votre commentaire');
    expect(text).toContain(`https://committee.example.org/drafts/${draftId}`);
    for (const m of mails) {
      const notices = (m.text ?? '').split('\n').filter((line) => line.startsWith('- ')).length;
      expect(m.subject).toContain(`${notices} new notification${notices === 1 ? '' : 's'}`);
      expect(m.from?.text).toContain('1540 Committee');
    }
    // Nothing new: no further mail; and none to the person who turned e-mail off.
    await new Promise((r) => setTimeout(r, 2000));
    expect(mailsTo(reader.email)).toHaveLength(mails.length);
    expect((await inbox(mute.token)).notifications).toHaveLength(1);
    expect(mailsTo(mute.email)).toHaveLength(0);
  });
});
