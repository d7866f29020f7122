import { Types } from 'mongoose';
import * as Y from 'yjs';
import { RequestError, request } from '../../../client/src/collab/graphql-request';
import { addParagraph, connectEditor, type Editor, until } from '../../../test/helpers/editors';
import { buildDraft, buildUser } from '../../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../../test/helpers/test-platform';
import { CONTENT_FIELD } from '../../collaboration/document-state';
import { DraftUpdateModel } from '../../collaboration/update.model';
import { DraftDecisionModel } from '../decisions/decision.model';
import { DecisionKind } from '../decisions/decision-kind';
import { DraftModel } from '../drafts/draft.model';
import { DraftStatus } from '../drafts/draft-status';
import { Role } from '../users/role';
import { UserModel } from '../users/user.model';
import { SilenceOutcomeModel, SilenceProcedureModel } from './silence.model';
import { SilenceState } from './silence-state';

const SILENCE = `state until startedAt endedAt startedBy { name }
  version { id number label text } breaks { delegation { name } statement at by { name } }`;
const START = `mutation($d: ID!, $u: DateTimeISO!) { startSilence(draftId: $d, until: $u) { ${SILENCE} } }`;
const BREAK = `mutation($d: ID!, $s: String!) { breakSilence(draftId: $d, statement: $s) { ${SILENCE} } }`;
const WITHDRAW = `mutation($d: ID!) { withdrawSilence(draftId: $d) { ${SILENCE} } }`;
const DRAFT = `query($d: ID!) { draft(id: $d) {
  status text statusHistory { status previousStatus }
  can { edit changeStatus adopt startSilence breakSilence withdrawSilence } silence { ${SILENCE} }
} }`;
const APPLY =
  'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }';

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
function paragraph(text: string): string {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => (update = u));
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).push([p]);
  return b64(update);
}
const code = (res: { errors?: { extensions?: { code?: string } }[] }) =>
  res.errors?.[0]?.extensions?.code;
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('the silence procedure', () => {
  let t: TestPlatform;
  let chair: string;
  let secretariat: string;
  let delegate: string; // France
  let coordinator: string; // Estonia
  const editors: Editor[] = [];

  /** A new draft of group 1 with one paragraph, in `status`. */
  const draftWith = async (text: string, status = DraftStatus.AGREED) => {
    const draftId = await buildDraft(1);
    const res = await t.gql(APPLY, { d: draftId, u: paragraph(text) }, chair);
    expect(res.errors).toBeUndefined();
    await DraftModel.updateOne({ _id: draftId }, { $set: { status } });
    return draftId;
  };
  const read = async (draftId: string, token = chair) => {
    const res = await t.gql(DRAFT, { d: draftId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.draft;
  };

  beforeAll(async () => {
    // Sweeps often, as a second instance would need to find procedures it did not start.
    t = await startTestPlatform({ SILENCE_SWEEP_MS: '200' });
    [chair, secretariat, delegate, coordinator] = await Promise.all(
      ['chair', 'secretariat', 'delegate', 'coordinator'].map((w) =>
        t.login(`${w}@committee.test`),
      ),
    );
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  it('is started by the Chair or the Secretariat only, broken by delegates only, withdrawn by the Chair only; readers do neither', async () => {
    const draftId = await draftWith('Calls upon all States to report.');
    const observer = (await buildUser(t, [Role.OBSERVER], [1])).token;
    const expert = (await buildUser(t, [Role.EXPERT], [1])).token;
    const groupCoordinator = (await buildUser(t, [Role.COORDINATOR], [1])).token;
    for (const [who, token] of [
      ['observer', observer],
      ['expert', expert],
      ['coordinator', groupCoordinator],
      ['delegate', delegate],
    ] as const) {
      expect({ who, can: (await read(draftId, token)).can.startSilence }).toEqual({
        who,
        can: false,
      });
      expect({
        who,
        code: code(await t.gql(START, { d: draftId, u: inMs(60_000) }, token)),
      }).toEqual({
        who,
        code: 'FORBIDDEN',
      });
    }
    expect((await read(draftId, secretariat)).can.startSilence).toBe(true);
    expect((await read(draftId, chair)).can).toMatchObject({
      startSilence: true,
      breakSilence: false,
      withdrawSilence: false,
    });
    const started = await t.gql(START, { d: draftId, u: inMs(60_000) }, secretariat);
    expect(started.errors).toBeUndefined();
    expect(started.data!.startSilence).toMatchObject({ state: 'UNDER_SILENCE', breaks: [] });

    // Under silence: nobody starts another; delegates may break; only the Chair withdraws.
    expect(code(await t.gql(START, { d: draftId, u: inMs(60_000) }, chair))).toBe('UNDER_SILENCE');
    expect((await read(draftId, delegate)).can).toMatchObject({
      edit: false,
      breakSilence: true,
      withdrawSilence: false,
    });
    expect((await read(draftId, observer)).can.breakSilence).toBe(false);
    expect(code(await t.gql(BREAK, { d: draftId, s: 'We object.' }, observer))).toBe('FORBIDDEN');
    expect(code(await t.gql(BREAK, { d: draftId, s: 'We object.' }, expert))).toBe('FORBIDDEN');
    expect(code(await t.gql(BREAK, { d: draftId, s: 'We object.' }, chair))).toBe('FORBIDDEN');
    expect(code(await t.gql(WITHDRAW, { d: draftId }, secretariat))).toBe('FORBIDDEN');
    expect(code(await t.gql(WITHDRAW, { d: draftId }, delegate))).toBe('FORBIDDEN');
    expect((await read(draftId, chair)).can).toMatchObject({
      withdrawSilence: true,
      changeStatus: false,
      adopt: false,
    });
    // The procedure decides the status meanwhile: nobody sets it by hand.
    expect((await t.gql(DRAFT, { d: draftId }, chair)).data!.draft.status).toBe('AGREED');
    const byHand = await t.gql(
      'mutation($id: ID!) { setDraftStatus(id: $id, status: ADOPTED) { status } }',
      { id: draftId },
      chair,
    );
    expect(code(byHand)).toBe('UNDER_SILENCE');

    const withdrawn = await t.gql(WITHDRAW, { d: draftId }, chair);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawSilence).toMatchObject({ state: 'WITHDRAWN' });
    const after = await read(draftId, chair);
    // Withdrawn: unlocked, status as it was, and nothing left to withdraw.
    expect(after).toMatchObject({ status: 'AGREED', can: { edit: true, startSilence: true } });
    expect(code(await t.gql(WITHDRAW, { d: draftId }, chair))).toBe('NO_SILENCE');
    expect(code(await t.gql(BREAK, { d: draftId, s: 'Late.' }, delegate))).toBe('NO_SILENCE');
  });

  it('refuses a deadline in the past and a break without a statement, changing nothing', async () => {
    const draftId = await draftWith('Encourages assistance.');
    const past = await t.gql(START, { d: draftId, u: inMs(-60_000) }, chair);
    expect(code(past)).toBe('BAD_USER_INPUT');
    expect(past.errors![0].extensions).toMatchObject({ field: 'until' });
    expect((await read(draftId)).silence).toBeNull();
    await t.gql(START, { d: draftId, u: inMs(60_000) }, chair);
    const empty = await t.gql(BREAK, { d: draftId, s: '   ' }, delegate);
    expect(code(empty)).toBe('BAD_USER_INPUT');
    expect((await read(draftId)).silence).toMatchObject({ state: 'UNDER_SILENCE', breaks: [] });
    await t.gql(WITHDRAW, { d: draftId }, chair);
  });

  it('freezes the text as a version and locks it over HTTP and WebSocket, storing nothing', async () => {
    const draftId = await draftWith('Decides to remain seized of the matter.');
    const started = await t.gql(START, { d: draftId, u: inMs(60_000) }, chair);
    expect(started.data!.startSilence.version).toMatchObject({
      number: 1,
      label: 'Circulated under the silence procedure',
      text: 'Decides to remain seized of the matter.',
    });
    const stored = await DraftUpdateModel.countDocuments({ draftId });
    const overHttp = await t.gql(APPLY, { d: draftId, u: paragraph('Sneaked in.') }, chair);
    expect(code(overHttp)).toBe('UNDER_SILENCE');
    const overWs = await request(t.ws(delegate), APPLY, {
      d: draftId,
      u: paragraph('Sneaked in over WebSocket.'),
    }).then(
      () => null,
      (err: RequestError) => err,
    );
    expect(overWs?.code).toBe('UNDER_SILENCE');
    // The web client's binary socket: the editor is told, and nothing is stored.
    const editor = connectEditor(t.url, delegate, draftId);
    editors.push(editor);
    const errors: RequestError[] = [];
    editor.provider.on('error', (err: RequestError) => errors.push(err));
    await editor.provider.whenSynced();
    addParagraph(editor.doc, 'Typed under silence.');
    await until(() => errors.length > 0, 5000, 'the refusal');
    expect(errors.map((e) => e.code)).toEqual(['UNDER_SILENCE']);
    expect(await DraftUpdateModel.countDocuments({ draftId })).toBe(stored);
    expect((await read(draftId)).text).toBe('Decides to remain seized of the matter.');
    // Nothing else changes the text meanwhile: no version restored, no reading.
    const versionId = started.data!.startSilence.version.id;
    const restore = await t.gql(
      'mutation($v: ID!) { restoreDraftVersion(versionId: $v) { id } }',
      { v: versionId },
      chair,
    );
    expect(code(restore)).toBe('UNDER_SILENCE');
    const reading = await t.gql(
      'mutation($d: ID!) { startReading(draftId: $d, round: FIRST) { id } }',
      { d: draftId },
      chair,
    );
    expect(code(reading)).toBe('UNDER_SILENCE');
    await t.gql(WITHDRAW, { d: draftId }, chair);
    // Withdrawn: edits pass again.
    expect(
      (await t.gql(APPLY, { d: draftId, u: paragraph('After.') }, chair)).errors,
    ).toBeUndefined();
  });

  it('freezes every edit accepted before the lock, even one still on its way to the log', async () => {
    const draftId = await draftWith('First paragraph.');
    const editor = connectEditor(t.url, delegate, draftId);
    editors.push(editor);
    const errors: RequestError[] = [];
    editor.provider.on('error', (err: RequestError) => errors.push(err));
    await editor.provider.whenSynced();
    for (let i = 0; i < 20; i += 1) addParagraph(editor.doc, `Typed just before, ${i}.`);
    // Sent without waiting for the acknowledgements: some edits are accepted, maybe not stored.
    const started = await t.gql(START, { d: draftId, u: inMs(60_000) }, chair);
    expect(started.errors).toBeUndefined();
    await until(() => editor.provider.pending === 0 || errors.length > 0, 5_000, 'answers');
    const stored = await read(draftId);
    // Whatever was stored (accepted before the lock) is in the circulated version, nothing else.
    expect(started.data!.startSilence.version.text).toBe(stored.text);
    await t.gql(WITHDRAW, { d: draftId }, chair);
  });

  it('adopts an unbroken draft at the deadline, once, and records it', async () => {
    const draftId = await draftWith('Adopted in writing.');
    const until_ = inMs(1_500);
    expect((await t.gql(START, { d: draftId, u: until_ }, chair)).errors).toBeUndefined();
    await until(async () => (await read(draftId)).status === 'ADOPTED', 10_000, 'adoption');
    // Give the sweeps a few more turns: nothing is settled twice.
    await new Promise((r) => setTimeout(r, 1_000));
    const draft = await read(draftId);
    expect(draft.silence).toMatchObject({ state: 'ADOPTED', until: until_, endedAt: until_ });
    expect(
      draft.statusHistory.filter((s: { status: string }) => s.status === 'ADOPTED'),
    ).toHaveLength(1);
    const decisions = await DraftDecisionModel.find({
      draftId,
      kind: DecisionKind.SILENCE_ADOPTED,
    }).lean();
    expect(decisions).toHaveLength(1);
    expect(decisions[0].detail).toBe(until_);
    expect(await SilenceOutcomeModel.countDocuments({ draftId })).toBe(1);
    // Adopted: locked as any adopted text.
    expect(code(await t.gql(APPLY, { d: draftId, u: paragraph('Too late.') }, chair))).toBe(
      'DRAFT_LOCKED',
    );
  });

  it('is ended by a break, which returns the draft to negotiation and is never adopted', async () => {
    const draftId = await draftWith('Broken in writing.');
    await t.gql(START, { d: draftId, u: inMs(2_000) }, chair);
    const broken = await t.gql(
      BREAK,
      { d: draftId, s: 'France cannot join consensus on para 1.' },
      delegate,
    );
    expect(broken.errors).toBeUndefined();
    expect(broken.data!.breakSilence).toMatchObject({
      state: SilenceState.BROKEN,
      breaks: [
        {
          delegation: { name: 'France' },
          statement: 'France cannot join consensus on para 1.',
          at: expect.any(String),
        },
      ],
    });
    // Another delegation may put its statement beside it before the deadline; one each.
    const second = await t.gql(BREAK, { d: draftId, s: 'Estonia joins France.' }, coordinator);
    expect(second.errors).toBeUndefined();
    expect(second.data!.breakSilence.breaks).toHaveLength(2);
    expect(code(await t.gql(BREAK, { d: draftId, s: 'Again.' }, delegate))).toBe('CONFLICT');
    await new Promise((r) => setTimeout(r, 2_500));
    const draft = await read(draftId, delegate);
    expect(draft).toMatchObject({ status: 'IN_REVIEW', silence: { state: 'BROKEN' } });
    expect(draft.can.edit).toBe(true);
    expect(draft.statusHistory.some((s: { status: string }) => s.status === 'ADOPTED')).toBe(false);
    expect(
      await DraftDecisionModel.countDocuments({ draftId, kind: DecisionKind.SILENCE_ADOPTED }),
    ).toBe(0);
    expect(
      await DraftDecisionModel.countDocuments({ draftId, kind: DecisionKind.SILENCE_BROKEN }),
    ).toBe(2);
    // The Chair is told of the break; the status it moved is not told a second time.
    const NOTICES = '{ notifications(first: 100) { kind draftId } }';
    const notices = async (token: string) =>
      ((await t.gql(NOTICES, {}, token)).data!.notifications as { kind: string; draftId: string }[])
        .filter((n) => n.draftId === draftId)
        .map((n) => n.kind);
    await until(async () => (await notices(chair)).includes('SILENCE_BROKEN'), 10_000, 'notice');
    expect(await notices(coordinator)).toContain('SILENCE_BROKEN');
    expect(await notices(coordinator)).not.toContain('DRAFT_STATUS');
    // Past the deadline nobody breaks it any more.
    expect(
      code(
        await t.gql(
          BREAK,
          { d: draftId, s: 'Later.' },
          (await buildUser(t, [Role.DELEGATE])).token,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('carries out a break whose claim a crash left half done, once', async () => {
    const draftId = await draftWith('Broken just before a crash.');
    await t.gql(START, { d: draftId, u: inMs(60_000) }, chair);
    const procedure = await SilenceProcedureModel.findOne({ draftId }).lean();
    const france = await UserModel.findOne({ email: 'delegate@committee.test' }).lean();
    // The claim was inserted ten seconds ago; the server died before anything else was written.
    await SilenceOutcomeModel.create({
      _id: Types.ObjectId.createFromTime(Math.floor(Date.now() / 1000) - 10),
      procedureId: procedure!._id,
      draftId,
      state: SilenceState.BROKEN,
      byId: france!._id,
      delegationId: france!.delegationId,
      statement: 'Sent just before the crash.',
      at: new Date(Date.now() - 10_000),
    });
    await until(async () => (await read(draftId)).silence.state === 'BROKEN', 5_000, 'recovery');
    await new Promise((r) => setTimeout(r, 1_000));
    const draft = await read(draftId);
    expect(draft).toMatchObject({
      status: 'IN_REVIEW',
      can: { edit: true },
      silence: {
        breaks: [{ delegation: { name: 'France' }, statement: 'Sent just before the crash.' }],
      },
    });
    expect(
      await DraftDecisionModel.countDocuments({ draftId, kind: DecisionKind.SILENCE_BROKEN }),
    ).toBe(1);
  });

  it('settles at start a deadline that passed while the server was down', async () => {
    const draftId = await draftWith('Adopted while the server was down.');
    await t.gql(START, { d: draftId, u: inMs(1_500) }, chair);
    await t.restart(() => new Promise((r) => setTimeout(r, 2_500)));
    await until(
      async () => (await read(draftId)).status === 'ADOPTED',
      10_000,
      'adoption at start',
    );
    expect(
      await DraftDecisionModel.countDocuments({ draftId, kind: DecisionKind.SILENCE_ADOPTED }),
    ).toBe(1);
  });
});
