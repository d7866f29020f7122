import { Types } from 'mongoose';
import { draftWithVersion } from '../../../test/helpers/consultations';
import { buildUser } from '../../../test/helpers/factories';
import {
  startTestPlatform,
  subscribe,
  type TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { CommentModel } from '../comments/comment.model';
import { Role } from '../users/role';

const OPEN = `mutation($input: OpenConsultationInput!) { openConsultation(input: $input) { id } }`;
const CLOSE = 'mutation($id: ID!) { closeConsultation(id: $id) { closedAt } }';
const ADD = `mutation($input: AddConsultationCommentInput!) { addConsultationComment(input: $input) { id } }`;
const EDIT = `mutation($id: ID!, $body: String!) {
  editConsultationComment(id: $id, body: $body) { id body editedAt canChange }
}`;
const WITHDRAW = 'mutation($id: ID!) { withdrawConsultationComment(id: $id) { id } }';
const COMMENTS = `query($id: ID!) {
  consultation(id: $id) { comments { id body editedAt mine canChange } }
}`;

interface Listed {
  id: string;
  body: string;
  editedAt: string | null;
  mine: boolean;
  canChange: boolean;
}

describe('a Member State’s own comments in a consultation', () => {
  let t: TestPlatform;
  let secretariat: string;
  let chair: string;
  let guest: { id: string; token: string };
  let other: { id: string; token: string };
  /** The draft of the last consultation opened. */
  let draftId: string;

  beforeAll(async () => {
    t = await startTestPlatform();
    secretariat = await t.login('secretariat@committee.test');
    chair = await t.login('chair@committee.test');
    guest = await buildUser(t, [Role.MEMBER_STATE], [], { delegation: 'MEX' });
    other = await buildUser(t, [Role.MEMBER_STATE], [], { delegation: 'IRL' });
  });
  afterAll(() => t.stop());

  /** A consultation just opened on version 1 of a new draft, with one comment by the guest. */
  async function consultationWithComment(): Promise<{ id: string; commentId: string }> {
    draftId = await draftWithVersion(t, chair, ['States shall report.']);
    const opened = await t.gql(OPEN, { input: { draftId, version: 1 } }, secretariat);
    expect(opened.errors).toBeUndefined();
    const id = opened.data!.openConsultation.id as string;
    const added = await t.gql(
      ADD,
      { input: { consultationId: id, body: 'First wording.' } },
      guest.token,
    );
    expect(added.errors).toBeUndefined();
    return { id, commentId: added.data!.addConsultationComment.id };
  }

  const listed = async (id: string, token: string): Promise<Listed[]> => {
    const res = await t.gql<{ consultation: { comments: Listed[] } }>(COMMENTS, { id }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.consultation.comments;
  };
  const stored = async (commentId: string) =>
    CommentModel.findById(commentId, { body: 1, editedAt: 1, deletedAt: 1 }).lean();

  it('lets its author edit it while open, live on other guests’ pages, and nobody else', async () => {
    const { id, commentId } = await consultationWithComment();
    expect((await listed(id, guest.token))[0]).toMatchObject({ mine: true, canChange: true });
    expect((await listed(id, other.token))[0]).toMatchObject({ mine: false, canChange: false });
    expect((await listed(id, secretariat))[0].canChange).toBe(false);

    const sub = subscribe(
      t.ws(other.token),
      'subscription($id: ID!) { consultationChanged(id: $id) { comments { body editedAt } } }',
      { id },
    );
    await t.listening(Topic.ConsultationChanged, id, 1);
    const edited = await t.gql(EDIT, { id: commentId, body: '  Better wording.  ' }, guest.token);
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.editConsultationComment).toMatchObject({
      body: 'Better wording.',
      canChange: true,
    });
    expect(edited.data!.editConsultationComment.editedAt).not.toBeNull();
    const heard = (await sub.next(10_000)).consultationChanged;
    expect(heard.comments).toEqual([{ body: 'Better wording.', editedAt: expect.any(String) }]);
    sub.dispose();

    // Refused with a code, changing nothing: another guest, the Secretariat, a blank text, an
    // unknown id, a comment of the Committee's own.
    const before = await stored(commentId);
    const byOther = await t.gql(EDIT, { id: commentId, body: 'Hijacked.' }, other.token);
    expect(byOther.errors![0].extensions!.code).toBe('FORBIDDEN');
    const bySecretariat = await t.gql(EDIT, { id: commentId, body: 'Edited.' }, secretariat);
    expect(bySecretariat.errors![0].extensions!.code).toBe('FORBIDDEN');
    const blank = await t.gql(EDIT, { id: commentId, body: '   ' }, guest.token);
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const tooLong = await t.gql(EDIT, { id: commentId, body: 'x'.repeat(10_001) }, guest.token);
    expect(tooLong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const unknown = await t.gql(
      EDIT,
      { id: new Types.ObjectId().toHexString(), body: 'Text.' },
      guest.token,
    );
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
    const own = await t.gql(
      'mutation($t: ID!) { addComment(input: { targetId: $t, body: "The Chair’s own." }) { id } }',
      { t: draftId },
      chair,
    );
    expect(own.errors).toBeUndefined();
    const onDraft = await t.gql(EDIT, { id: own.data!.addComment.id, body: 'Text.' }, chair);
    expect(onDraft.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(await stored(commentId)).toEqual(before);
  });

  it('lets its author withdraw it while open: it leaves the list, and cannot be withdrawn twice', async () => {
    const { id, commentId } = await consultationWithComment();
    const byOther = await t.gql(WITHDRAW, { id: commentId }, other.token);
    expect(byOther.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await stored(commentId))!.deletedAt).toBeNull();

    const withdrawn = await t.gql(WITHDRAW, { id: commentId }, guest.token);
    expect(withdrawn.errors).toBeUndefined();
    expect(await listed(id, guest.token)).toEqual([]);
    expect(await listed(id, secretariat)).toEqual([]);
    expect((await stored(commentId))!.deletedAt).not.toBeNull();
    const again = await t.gql(WITHDRAW, { id: commentId }, guest.token);
    expect(again.errors![0].extensions!.code).toBe('NOT_FOUND');
    const edit = await t.gql(EDIT, { id: commentId, body: 'Back?' }, guest.token);
    expect(edit.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('refuses both once closed, changing nothing; changes racing the closing stand only if made before it', async () => {
    const { id, commentId } = await consultationWithComment();
    expect((await t.gql(CLOSE, { id }, secretariat)).errors).toBeUndefined();
    const before = await stored(commentId);
    const edit = await t.gql(EDIT, { id: commentId, body: 'After the closing.' }, guest.token);
    expect(edit.errors![0].extensions!.code).toBe('CONSULTATION_CLOSED');
    const withdraw = await t.gql(WITHDRAW, { id: commentId }, guest.token);
    expect(withdraw.errors![0].extensions!.code).toBe('CONSULTATION_CLOSED');
    expect(await stored(commentId)).toEqual(before);
    expect((await listed(id, guest.token))[0]).toMatchObject({
      body: 'First wording.',
      canChange: false,
    });

    // Edits racing the closing: each is acknowledged and made before it, or refused and undone.
    const raced = await consultationWithComment();
    // Spread over the closing's few milliseconds, so that some come before it and some after.
    const attempts = Array.from(
      { length: 12 },
      (_, i) =>
        new Promise<Awaited<ReturnType<typeof t.gql>>>((resolve) =>
          setTimeout(
            () => resolve(t.gql(EDIT, { id: raced.commentId, body: `Race ${i}` }, guest.token)),
            i * 4,
          ),
        ),
    );
    await new Promise((r) => setTimeout(r, 20));
    const closing = await t.gql(CLOSE, { id: raced.id }, secretariat);
    const results = await Promise.all(attempts);
    expect(closing.errors).toBeUndefined();
    const closedAt = new Date(closing.data!.closeConsultation.closedAt).getTime();
    const accepted = results.flatMap((a, i) => (a.errors ? [] : [`Race ${i}`]));
    for (const a of results)
      if (a.errors) expect(a.errors[0].extensions!.code).toBe('CONSULTATION_CLOSED');
    const after = await stored(raced.commentId);
    if (accepted.length === 0) {
      expect(after!.body).toBe('First wording.');
    } else {
      expect(accepted).toContain(after!.body);
      expect(after!.editedAt!.getTime()).toBeLessThan(closedAt);
    }
  });
});
