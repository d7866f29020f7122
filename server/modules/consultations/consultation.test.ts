import mammoth from 'mammoth';
import WebSocket from 'ws';
import {
  ClientMessage,
  decodeServerFrame,
  encodeClientFrame,
  type ServerFrame,
  ServerMessage,
  WIRE_VERSION,
} from '../../../client/src/collab/wire';
import { draftWithVersion } from '../../../test/helpers/consultations';
import { buildUser, meetingOf, workingGroupId } from '../../../test/helpers/factories';
import {
  startTestPlatform,
  subscribe,
  type TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { until, waitFor } from '../../../test/helpers/wait';
import { CommentModel } from '../comments/comment.model';
import { NotificationModel } from '../notifications/notification.model';
import { Role } from '../users/role';
import { ConsultationModel } from './consultation.model';

const OPEN = `mutation($input: OpenConsultationInput!) {
  openConsultation(input: $input) { id draftId versionNumber open closesAt closedAt }
}`;
const CLOSE = 'mutation($id: ID!) { closeConsultation(id: $id) { id open closedAt } }';
const CONSULTATION = `query($id: ID!) {
  consultation(id: $id) {
    id title symbol versionNumber versionLabel open closesAt
    blocks { kind level number text html }
    comments { id body authorName delegationName paragraph mine }
    can { comment close }
  }
}`;
const COMMENT = `mutation($input: AddConsultationCommentInput!) {
  addConsultationComment(input: $input) { id body authorName delegationName paragraph mine }
}`;

describe('open consultations', () => {
  let t: TestPlatform;
  let secretariat: string;
  let chair: string;
  let guest: { id: string; token: string };
  let draftId: string;

  /** A draft whose version 1 says "Version one text." and whose live text goes on. */
  const draftWithVersions = () =>
    draftWithVersion(
      t,
      chair,
      ['Version one text.', 'States <b>shall</b> report.'],
      ['Live text added after the version.'],
    );

  async function open(input: Record<string, unknown>, token = secretariat) {
    return t.gql(OPEN, { input }, token);
  }

  beforeAll(async () => {
    t = await startTestPlatform();
    secretariat = await t.login('secretariat@committee.test');
    chair = await t.login('chair@committee.test');
    guest = await buildUser(t, [Role.MEMBER_STATE], [], { delegation: 'MEX' });
    draftId = await draftWithVersions();
  });
  afterAll(() => t.stop());

  it('is opened by the Secretariat only, on an existing version, with a closing date to come, once per version', async () => {
    const byChair = await open({ draftId, version: 1 }, chair);
    expect(byChair.errors![0].extensions!.code).toBe('FORBIDDEN');
    const byGuest = await open({ draftId, version: 1 }, guest.token);
    expect(byGuest.errors![0].extensions!.code).toBe('FORBIDDEN');
    const noVersion = await open({ draftId, version: 7 });
    expect(noVersion.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'version' });
    const past = await open({ draftId, version: 1, closesAt: new Date(Date.now() - 60_000) });
    expect(past.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'closesAt',
    });
    expect(await ConsultationModel.countDocuments({ draftId })).toBe(0);

    const can = `query($d: ID!) { draft(id: $d) { can { openConsultation } } }`;
    expect((await t.gql(can, { d: draftId }, secretariat)).data!.draft.can.openConsultation).toBe(
      true,
    );
    expect((await t.gql(can, { d: draftId }, chair)).data!.draft.can.openConsultation).toBe(false);

    // Five openings at once: the unique index lets one through.
    const other = await draftWithVersions();
    const closesAt = new Date(Date.now() + 7 * 86_400_000);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => open({ draftId: other, version: 1, closesAt })),
    );
    expect(results.filter((r) => r.data?.openConsultation)).toHaveLength(1);
    expect(
      results.filter((r) => r.errors?.[0].extensions?.code === 'CONSULTATION_OPEN'),
    ).toHaveLength(4);
    const opened = results.find((r) => r.data?.openConsultation)!.data!.openConsultation;
    expect(opened).toMatchObject({ versionNumber: 1, open: true, closedAt: null });
    expect(new Date(opened.closesAt).getTime()).toBe(closesAt.getTime());

    // The group's members are told (the draft's link, the date in New York time).
    const coordinator = await t.login('coordinator@committee.test');
    const notices = await waitFor(
      async () =>
        (
          await t.gql('{ notifications(first: 50) { kind text link } }', {}, coordinator)
        ).data!.notifications.filter((n: { kind: string }) => n.kind === 'CONSULTATION') as {
          text: string;
          link: string;
        }[],
      (list) => list.length >= 1,
      15_000,
      'a consultation notice',
    );
    expect(notices[0].text).toMatch(
      /^Member States are consulted on version 1 of “Test draft \d+” until .*\(New York\)/,
    );
    expect(notices[0].link).toBe(`/drafts/${other}`);
    // The trail says who opened it.
    const entries = await waitFor(
      async () =>
        (
          await t.gql(
            `query($f: AuditFilterInput) { auditLog(filter: $f) { action summary actorName } }`,
            { f: { targetId: other, actions: ['CONSULTATION_CHANGED'] } },
            chair,
          )
        ).data!.auditLog as { action: string; summary: string; actorName: string }[],
      (e) => e.length >= 1,
      15_000,
      'an audit entry',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0].summary).toMatch(/^consultation opened on version 1 \(closes /);
    expect(entries[0].actorName).toMatch(/Secretariat/);
  });

  it('shows a guest the version’s text and its guests’ comments, and nothing else of the Committee', async () => {
    const c = (await open({ draftId, version: 1 })).data!.openConsultation;
    const member = await buildUser(t, [Role.DELEGATE], [1], { delegation: 'FRA' });
    // A member's own comment on the draft: never shown to guests.
    await t.gql(
      'mutation($d: ID!) { addComment(input: { targetId: $d, body: "Internal note" }) { id } }',
      { d: draftId },
      member.token,
    );

    const list = await t.gql('{ consultations { id versionNumber open } }', {}, guest.token);
    expect(list.errors).toBeUndefined();
    expect(list.data!.consultations.map((x: { id: string }) => x.id)).toContain(c.id);
    const read = await t.gql(CONSULTATION, { id: c.id }, guest.token);
    expect(read.errors).toBeUndefined();
    const consultation = read.data!.consultation;
    expect(consultation.versionNumber).toBe(1);
    expect(consultation.versionLabel).toBe('For consultation');
    expect(consultation.blocks.map((b: { text: string }) => b.text)).toEqual([
      'Version one text.',
      'States <b>shall</b> report.',
    ]);
    expect(consultation.blocks[0]).toMatchObject({ kind: 'PARAGRAPH', number: 1 });
    // What was typed is text: escaped in the HTML.
    expect(consultation.blocks[1].html).toBe('States &#60;b&#62;shall&#60;/b&#62; report.');
    expect(JSON.stringify(consultation)).not.toContain('Live text');
    expect(consultation.comments).toEqual([]);
    expect(consultation.can).toEqual({ comment: true, close: false });

    const group = (await workingGroupId(1)).toHexString();
    const { meetingId } = await meetingOf('2020-02');
    for (const [query, vars] of [
      ['{ drafts { id } }', {}],
      ['query($id: ID!) { draft(id: $id) { id } }', { id: draftId }],
      ['{ meetings { id } }', {}],
      ['query($id: ID!) { meeting(id: $id) { id } }', { id: meetingId }],
      ['{ workingGroups { id } }', {}],
      ['query($id: ID!) { workingGroup(id: $id) { id } }', { id: group }],
      ['query($id: ID!) { comments(targetId: $id) { id body } }', { id: draftId }],
      [
        'query($d: ID!) { compareDraft(draftId: $d, from: null, to: null) { changes { text } } }',
        { d: draftId },
      ],
      ['mutation($id: ID!) { closeConsultation(id: $id) { id } }', { id: c.id }],
      // Through their own account: their delegation's members, their groups, lead to drafts.
      ['{ me { delegation { members { id } } } }', {}],
      ['{ me { workingGroups { drafts { id } } } }', {}],
      [
        'mutation($d: ID!) { addComment(input: { targetId: $d, body: "x" }) { id } }',
        { d: draftId },
      ],
    ] as const) {
      const res = await t.gql(query, vars, guest.token);
      expect({ query, code: res.errors?.[0].extensions?.code }).toEqual({
        query,
        code: 'FORBIDDEN',
      });
    }
    // The consulted version as a Word document: that version's text only, clean.
    const word = await fetch(`${t.url}/consultations/${c.id}/export.docx?lang=fr`, {
      headers: { authorization: `Bearer ${guest.token}` },
    });
    expect(word.status).toBe(200);
    expect(word.headers.get('content-disposition')).toMatch(/-rev1-fr\.docx/);
    const { value: wordText } = await mammoth.extractRawText({
      buffer: Buffer.from(await word.arrayBuffer()),
    });
    expect(wordText).toContain('Version one text.');
    expect(wordText).not.toContain('Live text');
    const anonymous = await fetch(`${t.url}/consultations/${c.id}/export.docx`);
    expect(anonymous.status).toBe(401);
    // Nor the export of the draft, nor its live streams: the GraphQL subscriptions…
    const doc = await fetch(`${t.url}/drafts/${draftId}/export.pdf?version=1`, {
      headers: { authorization: `Bearer ${guest.token}` },
    });
    expect(doc.status).toBe(403);
    const ws = t.ws(guest.token);
    for (const [query, vars] of [
      ['subscription($d: ID!) { commentAdded(targetId: $d) { id body } }', { d: draftId }],
      ['subscription($d: ID!) { draftUpdates(draftId: $d, afterSeq: 0) { seq } }', { d: draftId }],
      ['subscription($d: ID!) { draftStatusChanged(draftId: $d) { id } }', { d: draftId }],
      ['subscription { draftChanged { id } }', {}],
    ] as const) {
      const sub = subscribe(ws, query, vars);
      await expect(sub.next(10_000)).rejects.toThrow(/FORBIDDEN/);
      sub.dispose();
    }
    // …and the co-editing socket.
    const socket = new WebSocket(`${t.url.replace('http', 'ws')}/collab`);
    const frames: ServerFrame[] = [];
    socket.on('message', (data: Buffer) => frames.push(decodeServerFrame(data)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(
      encodeClientFrame({
        type: ClientMessage.Hello,
        version: WIRE_VERSION,
        token: `Bearer ${guest.token}`,
      }),
    );
    await until(() => frames.some((f) => f.type === ServerMessage.Ready), 10_000);
    socket.send(
      encodeClientFrame({ type: ClientMessage.Subscribe, draftId, afterSeq: 0, clientId: 'g' }),
    );
    await until(() => frames.some((f) => f.type === ServerMessage.StreamEnded), 10_000);
    expect(frames.find((f) => f.type === ServerMessage.StreamEnded)).toMatchObject({
      draftId,
      code: 'FORBIDDEN',
    });
    expect(frames.some((f) => f.type === ServerMessage.Event)).toBe(false);
    socket.close();
  });

  it('takes a guest’s comment, signed with their delegation, to the members on the draft page, live', async () => {
    const id = await draftWithVersions();
    const c = (await open({ draftId: id, version: 1 })).data!.openConsultation;
    const member = await buildUser(t, [Role.DELEGATE], [1], { delegation: 'FRA' });
    const sub = subscribe(
      t.ws(member.token),
      `subscription($d: ID!) { commentAdded(targetId: $d) {
        id body anchor { quote } author { name delegation { name } }
        consultation { id versionNumber } consultationParagraph
      } }`,
      { d: id },
    );
    await t.listening(Topic.CommentAdded, id, 1);

    const badParagraph = await t.gql(
      COMMENT,
      { input: { consultationId: c.id, body: 'On paragraph 9', paragraph: 9 } },
      guest.token,
    );
    expect(badParagraph.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'paragraph',
    });
    const blank = await t.gql(
      COMMENT,
      { input: { consultationId: c.id, body: '   ' } },
      guest.token,
    );
    expect(blank.errors![0].extensions!.code).toBe('BAD_USER_INPUT');

    const added = await t.gql(
      COMMENT,
      { input: { consultationId: c.id, body: 'Mexico supports paragraph 2.', paragraph: 2 } },
      guest.token,
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addConsultationComment).toMatchObject({
      body: 'Mexico supports paragraph 2.',
      delegationName: 'Mexico',
      paragraph: 2,
      mine: true,
    });
    const event = (await sub.next(10_000)).commentAdded;
    expect(event).toMatchObject({
      body: 'Mexico supports paragraph 2.',
      anchor: { quote: 'States <b>shall</b> report.' },
      author: { delegation: { name: 'Mexico' } },
      consultation: { id: c.id, versionNumber: 1 },
      consultationParagraph: 2,
    });
    sub.dispose();
    // The draft page's list has it too.
    const onDraft = await t.gql(
      'query($d: ID!) { comments(targetId: $d) { body consultation { id } } }',
      { d: id },
      member.token,
    );
    expect(onDraft.data!.comments).toEqual([
      { body: 'Mexico supports paragraph 2.', consultation: { id: c.id } },
    ]);
    // Another guest sees it (an open consultation), not as theirs; a member's reply stays
    // internal: the guest is not told of it (a reply's notice), the delegation mentioned is.
    const reply = await t.gql(
      'mutation($d: ID!, $p: ID!) { addComment(input: { targetId: $d, body: "Noted internally, @France", parentId: $p }) { id } }',
      { d: id, p: event.id },
      member.token,
    );
    expect(reply.errors).toBeUndefined();
    const delegate = await t.login('delegate@committee.test');
    await waitFor(
      async () =>
        (
          await t.gql('{ notifications(first: 50) { kind text } }', {}, delegate)
        ).data!.notifications.filter((n: { kind: string }) => n.kind === 'MENTION') as unknown[],
      (list) => list.length >= 1,
      15_000,
      'the mention of France',
    );
    expect(await NotificationModel.countDocuments({ userId: guest.id })).toBe(0);
    const other = await buildUser(t, [Role.MEMBER_STATE], [], { delegation: 'BEL' });
    const seen = (await t.gql(CONSULTATION, { id: c.id }, other.token)).data!.consultation;
    expect(seen.comments).toEqual([
      expect.objectContaining({ body: 'Mexico supports paragraph 2.', mine: false }),
    ]);
    // A member reads the consultation and its comments, but does not comment in it.
    const byMember = await t.gql(CONSULTATION, { id: c.id }, member.token);
    expect(byMember.data!.consultation.can).toEqual({ comment: false, close: false });
    const memberComment = await t.gql(
      COMMENT,
      { input: { consultationId: c.id, body: 'Member' } },
      member.token,
    );
    expect(memberComment.errors![0].extensions!.code).toBe('FORBIDDEN');
    // A guest without a delegation cannot sign a comment.
    const unsigned = await buildUser(t, [Role.MEMBER_STATE]);
    const refused = await t.gql(
      COMMENT,
      { input: { consultationId: c.id, body: 'Who am I?' } },
      unsigned.token,
    );
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('keeps guests’ pages live: another guest’s comment and the closing reach them', async () => {
    const id = await draftWithVersions();
    const c = (await open({ draftId: id, version: 1 })).data!.openConsultation;
    const other = await buildUser(t, [Role.MEMBER_STATE], [], { delegation: 'IRL' });
    const sub = subscribe(
      t.ws(other.token),
      `subscription($id: ID!) { consultationChanged(id: $id) {
        id open comments { body delegationName(lang: EN) } can { comment }
      } }`,
      { id: c.id },
    );
    await t.listening(Topic.ConsultationChanged, c.id, 1);
    await t.gql(COMMENT, { input: { consultationId: c.id, body: 'From Mexico.' } }, guest.token);
    const commented = (await sub.next(10_000)).consultationChanged;
    expect(commented.comments).toEqual([{ body: 'From Mexico.', delegationName: 'Mexico' }]);
    await t.gql(CLOSE, { id: c.id }, secretariat);
    const closed = (await sub.next(10_000)).consultationChanged;
    expect(closed).toMatchObject({ open: false, can: { comment: false } });
    sub.dispose();
    // One who may not read it may not follow it.
    const stranger = await buildUser(t, [Role.MEMBER_STATE], [], { delegation: 'VNM' });
    const refused = subscribe(
      t.ws(stranger.token),
      'subscription($id: ID!) { consultationChanged(id: $id) { id } }',
      { id: c.id },
    );
    await expect(refused.next(10_000)).rejects.toThrow(/NOT_FOUND/);
    refused.dispose();
  });

  it('refuses comments once closed (by the Secretariat or its date), storing nothing; closed ones stay with those who took part', async () => {
    const id = await draftWithVersions();
    const c = (await open({ draftId: id, version: 1, closesAt: new Date(Date.now() + 86_400_000) }))
      .data!.openConsultation;
    await t.gql(COMMENT, { input: { consultationId: c.id, body: 'Before closing.' } }, guest.token);
    const closedByHand = await t.gql(CLOSE, { id: c.id }, secretariat);
    expect(closedByHand.data!.closeConsultation.open).toBe(false);
    expect(closedByHand.data!.closeConsultation.closedAt).not.toBeNull();
    const again = await t.gql(CLOSE, { id: c.id }, secretariat);
    expect(again.errors![0].extensions!.code).toBe('CONSULTATION_CLOSED');
    const before = await CommentModel.countDocuments({ consultationId: c.id });
    const late = await t.gql(
      COMMENT,
      { input: { consultationId: c.id, body: 'Too late.' } },
      guest.token,
    );
    expect(late.errors![0].extensions!.code).toBe('CONSULTATION_CLOSED');
    expect(await CommentModel.countDocuments({ consultationId: c.id })).toBe(before);
    // The guest who took part still reads it; another guest does not see it at all.
    expect((await t.gql(CONSULTATION, { id: c.id }, guest.token)).data!.consultation.can).toEqual({
      comment: false,
      close: false,
    });
    const stranger = await buildUser(t, [Role.MEMBER_STATE], [], { delegation: 'NOR' });
    expect(
      (await t.gql(CONSULTATION, { id: c.id }, stranger.token)).errors![0].extensions!.code,
    ).toBe('NOT_FOUND');
    const download = await fetch(`${t.url}/consultations/${c.id}/export.docx`, {
      headers: { authorization: `Bearer ${stranger.token}` },
    });
    expect(download.status).toBe(404);
    const theirs = (await t.gql('{ consultations { id } }', {}, stranger.token)).data!
      .consultations as { id: string }[];
    expect(theirs.map((x) => x.id)).not.toContain(c.id);

    // Comments racing the closing: each is either stored before it or refused, nothing after.
    const raced = (await open({ draftId: id, version: 1 })).data!.openConsultation;
    const [closing, ...attempts] = await Promise.all([
      t.gql(CLOSE, { id: raced.id }, secretariat),
      ...Array.from({ length: 8 }, (_, i) =>
        t.gql(COMMENT, { input: { consultationId: raced.id, body: `Race ${i}` } }, guest.token),
      ),
    ]);
    expect(closing.errors).toBeUndefined();
    const closedAt = new Date(closing.data!.closeConsultation.closedAt).getTime();
    for (const a of attempts)
      if (a.errors) expect(a.errors[0].extensions!.code).toBe('CONSULTATION_CLOSED');
    const stored = await CommentModel.find({ consultationId: raced.id }).lean();
    expect(stored).toHaveLength(attempts.filter((a) => !a.errors).length);
    for (const c of stored) expect(c.createdAt.getTime()).toBeLessThan(closedAt);

    // A consultation whose date has passed is closed too, and a new one may be opened.
    const reopened = (await open({ draftId: id, version: 1 })).data!.openConsultation;
    await ConsultationModel.updateOne(
      { _id: reopened.id },
      { $set: { closesAt: new Date(Date.now() - 1000) } },
    );
    const expired = await t.gql(
      COMMENT,
      { input: { consultationId: reopened.id, body: 'After the date.' } },
      guest.token,
    );
    expect(expired.errors![0].extensions!.code).toBe('CONSULTATION_CLOSED');
    expect(await CommentModel.countDocuments({ consultationId: reopened.id })).toBe(0);
    const third = await open({ draftId: id, version: 1 });
    expect(third.errors).toBeUndefined();
    const trail = await waitFor(
      async () =>
        (
          await t.gql(
            `query($f: AuditFilterInput) { auditLog(filter: $f) { summary } }`,
            { f: { targetId: id, actions: ['CONSULTATION_CHANGED'] } },
            chair,
          )
        ).data!.auditLog as { summary: string }[],
      (e) => e.length >= 6,
      15_000,
      'six audit entries',
    );
    expect(trail.map((e) => e.summary)).toContain('consultation closed on version 1');
  });
});
