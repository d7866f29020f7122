import { Types } from 'mongoose';
import { draftOf } from '../../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../../test/helpers/test-platform';
import { UserModel } from '../users/user.model';
import { recordDecision } from './decision.service';
import { DecisionKind } from './decision-kind';

describe('Draft.decisions', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.stop());

  it('lists what negotiation decided, newest first, with who and the paragraph, to anyone signed in', async () => {
    const draftId = await draftOf(2);
    const chair = await UserModel.findOne({ email: 'chair@committee.test' }).lean();
    const at = (s: number) => new Date(Date.UTC(2020, 9, 5, 10, 0, s));
    await recordDecision({
      draftId: new Types.ObjectId(draftId),
      kind: DecisionKind.PARAGRAPH_STATUS,
      byId: chair!._id,
      paragraphId: 'p-one',
      paragraphNumber: 3,
      detail: 'AGREED',
      at: at(1),
    });
    await recordDecision({
      draftId: new Types.ObjectId(draftId),
      kind: DecisionKind.PROPOSAL_ACCEPTED,
      byId: chair!._id,
      text: 'and its annexes',
      subjectId: 'x:y',
      at: at(2),
    });
    const res = await t.gql(
      'query($d: ID!) { draft(id: $d) { decisionCount decisions { kind paragraphNumber detail text by { name } } } }',
      { d: draftId },
      await t.login('observer@committee.test'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.draft).toEqual({
      decisionCount: 2,
      decisions: [
        {
          kind: 'PROPOSAL_ACCEPTED',
          paragraphNumber: null,
          detail: '',
          text: 'and its annexes',
          by: { name: chair!.name },
        },
        {
          kind: 'PARAGRAPH_STATUS',
          paragraphNumber: 3,
          detail: 'AGREED',
          text: '',
          by: { name: chair!.name },
        },
      ],
    });
    const anonymous = await t.gql('query($d: ID!) { draft(id: $d) { decisions { kind } } }', {
      d: draftId,
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
