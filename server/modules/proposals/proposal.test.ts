import * as Y from 'yjs';
import { connectEditor, Editor, until } from '../../../test/helpers/editors';
import { buildDraft, FACTORY_PASSWORD, workingGroupId } from '../../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../../test/helpers/test-platform';
import { waitFor } from '../../../test/helpers/wait';
import { CONTENT_FIELD } from '../../collaboration/document-state';
import { hashPassword } from '../auth/password';
import { DraftDecisionModel } from '../decisions/decision.model';
import { DecisionKind } from '../decisions/decision-kind';
import { DelegationModel } from '../delegations/delegation.model';
import { DraftModel } from '../drafts/draft.model';
import { DraftStatus } from '../drafts/draft-status';
import { Role } from '../users/role';
import { UserModel } from '../users/user.model';

interface ProposalView {
  id: string;
  markId: string;
  status: string;
  kind: string;
  text: string;
  inserted: string;
  deleted: string;
  paragraphNumber: number | null;
  delegation: { name: string } | null;
  author: { name: string } | null;
  supports: { name: string }[];
  objections: { name: string }[];
  can: { support: boolean; decide: boolean };
}

const PROPOSALS = `query($d: ID!) { draft(id: $d) { text openProposals proposeByDefault decideProposals
  proposals { id markId status kind text inserted deleted paragraphNumber delegation { name } author { name }
    supports { name } objections { name } can { support decide } } } }`;
const SUPPORT = `mutation($p: ID!, $s: Boolean!) { supportProposal(proposalId: $p, support: $s) { id supports { name } objections { name } } }`;
const DECIDE = `mutation($p: ID!, $a: Boolean!) { decideProposal(proposalId: $p, accept: $a) { id status } }`;

let counter = 0;
const UK = 'United Kingdom of Great Britain and Northern Ireland';

describe('proposals by delegation', () => {
  let t: TestPlatform;
  const editors: Editor[] = [];

  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  /** A signed-in person of a delegation (by code) in working group 1. */
  async function person(roles: Role[], delegation: string | null, groups = [1]) {
    counter += 1;
    const email = `proposals${counter}.${Date.now()}@test.example`;
    const d = delegation ? await DelegationModel.findOne({ code: delegation }).lean() : null;
    const user = await UserModel.create({
      email,
      name: `${delegation ?? 'Officer'} person ${counter}`,
      passwordHash: await hashPassword(FACTORY_PASSWORD),
      roles,
      delegationId: d?._id ?? null,
      workingGroupIds: await Promise.all(groups.map(workingGroupId)),
    });
    return { id: user._id.toHexString(), token: await t.login(email, FACTORY_PASSWORD) };
  }
  const open = async (token: string, draftId: string) => {
    const e = connectEditor(t.url, token, draftId);
    editors.push(e);
    await e.provider.whenSynced();
    return e;
  };
  const textOf = (doc: Y.Doc) => {
    const p = doc.getXmlFragment(CONTENT_FIELD).get(0) as Y.XmlElement;
    return p.get(0) as Y.XmlText;
  };
  const plain = (doc: Y.Doc) =>
    (textOf(doc).toDelta() as { insert: string }[]).map((d) => d.insert).join('');
  const list = async (draftId: string, token: string) => {
    const res = await t.gql<{
      draft: {
        text: string;
        openProposals: number;
        proposeByDefault: boolean;
        decideProposals: boolean;
        proposals: ProposalView[];
      };
    }>(PROPOSALS, { d: draftId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.draft;
  };

  it('lists proposals by delegation; supports and objections; the coordinator accepts one and rejects another, exactly, once', async () => {
    const draftId = await buildDraft(1);
    const [france, uk, china, coordinator, chair, observer] = await Promise.all([
      person([Role.DELEGATE], 'FRA'),
      person([Role.DELEGATE], 'GBR'),
      person([Role.DELEGATE], 'CHN'),
      person([Role.COORDINATOR, Role.DELEGATE], 'EST'),
      person([Role.CHAIR], 'IDN', []),
      person([Role.OBSERVER], 'KEN', []),
    ]);
    const fr = await open(france.token, draftId);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('The Committee shall review the reports.')]);
    fr.doc.getXmlFragment(CONTENT_FIELD).push([p]);
    await fr.provider.whenAcknowledged();
    const gb = await open(uk.token, draftId);
    await until(() => plain(gb.doc).length > 0);

    // France: "shall" → "should"; the United Kingdom: "review" → "consider" (one edit each).
    const frId = `${france.id}:aaaaaaaaaa`;
    const gbId = `${uk.id}:bbbbbbbbbb`;
    fr.doc.transact(() => {
      const text = textOf(fr.doc);
      text.format(14, 5, { deletion: { id: frId } });
      text.insert(19, 'should', { insertion: { id: frId } });
    });
    await fr.provider.whenAcknowledged();
    await until(() => plain(gb.doc).includes('should'));
    gb.doc.transact(() => {
      const text = textOf(gb.doc);
      const at = plain(gb.doc).indexOf('review');
      text.format(at, 6, { deletion: { id: gbId } });
      text.insert(at + 6, 'consider', { insertion: { id: gbId } });
    });
    await gb.provider.whenAcknowledged();

    let draft = await list(draftId, china.token);
    // The count is the one the list's reading of the text (just before) wrote.
    expect((await list(draftId, china.token)).openProposals).toBe(2);
    expect(draft.proposals.map((x) => [x.kind, x.deleted, x.inserted, x.delegation?.name])).toEqual(
      [
        ['REPLACEMENT', 'shall', 'should', 'France'],
        ['REPLACEMENT', 'review', 'consider', UK],
      ],
    );
    expect(draft.proposals[0]).toMatchObject({
      markId: frId,
      status: 'OPEN',
      text: 'should',
      paragraphNumber: 1,
      author: { name: expect.stringContaining('FRA person') },
      can: { support: true, decide: false },
    });
    const [frP, gbP] = draft.proposals;

    // Who may do what.
    expect((await list(draftId, france.token)).proposals[0].can).toEqual({
      support: false,
      decide: false,
    });
    expect((await list(draftId, coordinator.token)).proposals[0].can).toEqual({
      support: true,
      decide: true,
    });
    expect((await list(draftId, observer.token)).proposals[0].can).toEqual({
      support: false,
      decide: false,
    });
    for (const [token, code] of [
      [france.token, 'FORBIDDEN'], // its own proposal
      [observer.token, 'FORBIDDEN'],
      [chair.token, 'FORBIDDEN'], // not a delegate
    ] as const) {
      const res = await t.gql(SUPPORT, { p: frP.id, s: true }, token);
      expect(res.errors?.[0].extensions?.code).toBe(code);
    }
    for (const token of [france.token, uk.token, observer.token]) {
      const res = await t.gql(DECIDE, { p: frP.id, a: true }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(
      (await t.gql(DECIDE, { p: 'nope', a: true }, chair.token)).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await t.gql(DECIDE, { p: '0123456789abcdef01234567', a: true }, chair.token)).errors?.[0]
        .extensions?.code,
    ).toBe('NOT_FOUND');

    // China supports France's, then changes its mind; the United Kingdom supports it too.
    let res = await t.gql(SUPPORT, { p: frP.id, s: true }, china.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.supportProposal).toMatchObject({
      supports: [{ name: 'China' }],
      objections: [],
    });
    res = await t.gql(SUPPORT, { p: frP.id, s: false }, china.token);
    expect(res.data!.supportProposal).toMatchObject({
      supports: [],
      objections: [{ name: 'China' }],
    });
    res = await t.gql(SUPPORT, { p: frP.id, s: true }, china.token);
    res = await t.gql(SUPPORT, { p: frP.id, s: true }, uk.token);
    expect(res.data!.supportProposal.supports.map((d: { name: string }) => d.name).sort()).toEqual([
      'China',
      UK,
    ]);

    // The coordinator accepts France's and rejects the United Kingdom's.
    res = await t.gql(DECIDE, { p: frP.id, a: true }, coordinator.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.decideProposal.status).toBe('ACCEPTED');
    res = await t.gql(DECIDE, { p: gbP.id, a: false }, coordinator.token);
    expect(res.data!.decideProposal.status).toBe('REJECTED');
    const expected = 'The Committee should review the reports.';
    await until(() => plain(fr.doc) === expected && plain(gb.doc) === expected);
    // No mark is left in the stored text.
    expect(JSON.stringify(textOf(fr.doc).toDelta())).not.toMatch(/insertion|deletion/);
    await list(draftId, chair.token);
    draft = await list(draftId, chair.token);
    expect(draft.text).toBe(expected);
    expect(draft.openProposals).toBe(0);
    expect(draft.proposals.map((x) => x.status).sort()).toEqual(['ACCEPTED', 'REJECTED']);

    // A decided proposal is not there to decide again; nothing changes.
    for (const [id, accept] of [
      [frP.id, false],
      [gbP.id, true],
    ] as const) {
      res = await t.gql(DECIDE, { p: id, a: accept }, chair.token);
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    res = await t.gql(SUPPORT, { p: frP.id, s: false }, china.token);
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await list(draftId, chair.token)).text).toBe(expected);

    // In the history.
    const decisions = await DraftDecisionModel.find({ draftId }).sort({ at: 1 }).lean();
    expect(decisions.map((d) => [d.kind, d.text, d.paragraphNumber])).toEqual([
      [DecisionKind.PROPOSAL_ACCEPTED, '− shall + should', 1],
      [DecisionKind.PROPOSAL_REJECTED, '− review + consider', 1],
    ]);
  });

  it('insertions and deletions: accept keeps inserted words and removes struck ones; reject the reverse; the tracker counts them for dashboards', async () => {
    const draftId = await buildDraft(1);
    const [france, chair] = await Promise.all([
      person([Role.DELEGATE], 'FRA'),
      person([Role.SECRETARIAT], null, []),
    ]);
    const fr = await open(france.token, draftId);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Alpha beta gamma delta.')]);
    fr.doc.getXmlFragment(CONTENT_FIELD).push([p]);
    await fr.provider.whenAcknowledged();
    const ids = ['a', 'b', 'c', 'd'].map((x) => `${france.id}:${x.repeat(10)}`);
    fr.doc.transact(() => {
      const text = textOf(fr.doc);
      text.insert(5, ' one', { insertion: { id: ids[0] } }); // Alpha one beta gamma delta.
      text.format(10, 5, { deletion: { id: ids[1] } }); // "beta "
      text.insert(15, 'two ', { insertion: { id: ids[2] } }); // before gamma
      text.format(19, 6, { deletion: { id: ids[3] } }); // "gamma "
    });
    await fr.provider.whenAcknowledged();
    // The tracker records them without anyone asking for the list.
    await waitFor(
      async () => (await DraftModel.findById(draftId).lean())?.openProposals,
      (n) => n === 4,
    );
    const { proposals } = await list(draftId, chair.token);
    expect(proposals.map((x) => [x.kind, x.text])).toEqual([
      ['INSERTION', ' one'],
      ['DELETION', 'beta '],
      ['INSERTION', 'two '],
      ['DELETION', 'gamma '],
    ]);
    const byText = new Map(proposals.map((x) => [x.text, x.id]));
    for (const [text, accept] of [
      [' one', true],
      ['beta ', true],
      ['two ', false],
      ['gamma ', false],
    ] as const) {
      const res = await t.gql(DECIDE, { p: byText.get(text), a: accept }, chair.token);
      expect(res.errors).toBeUndefined();
    }
    await until(() => plain(fr.doc) === 'Alpha one gamma delta.');
    await waitFor(
      async () => (await DraftModel.findById(draftId).lean())?.openProposals,
      (n) => n === 0,
    );
  });

  it('lets one of two decisions taken at once on a proposal through, never both', async () => {
    const draftId = await buildDraft(1);
    const [france, secretariat, chair] = await Promise.all([
      person([Role.DELEGATE], 'FRA'),
      person([Role.SECRETARIAT], null, []),
      person([Role.CHAIR], null, []),
    ]);
    const fr = await open(france.token, draftId);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Alpha delta.')]);
    fr.doc.getXmlFragment(CONTENT_FIELD).push([p]);
    await fr.provider.whenAcknowledged();
    textOf(fr.doc).insert(5, ' beta', { insertion: { id: `${france.id}:${'e'.repeat(10)}` } });
    await fr.provider.whenAcknowledged();
    const { proposals } = await list(draftId, secretariat.token);
    const [id] = proposals.map((x) => x.id);
    // Accepted and rejected at the same moment: one wins, the other is refused, and the text is
    // the winner's (the inserted word kept, or gone), not a mixture.
    const results = await Promise.all([
      t.gql(DECIDE, { p: id, a: true }, secretariat.token),
      t.gql(DECIDE, { p: id, a: false }, chair.token),
      t.gql(DECIDE, { p: id, a: false }, secretariat.token),
    ]);
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.errors))
      expect(['NOT_FOUND', 'CONFLICT']).toContain(r.errors![0].extensions?.code);
    const accepted = won[0].data!.decideProposal.status === 'ACCEPTED';
    await until(() => plain(fr.doc) === (accepted ? 'Alpha beta delta.' : 'Alpha delta.'));
    expect(await DraftDecisionModel.countDocuments({ subjectId: id })).toBe(1);
  });

  it('each proposal has its own comment thread, under the draft’s rules', async () => {
    const draftId = await buildDraft(1);
    const [france, china, observer] = await Promise.all([
      person([Role.DELEGATE], 'FRA'),
      person([Role.DELEGATE], 'CHN'),
      person([Role.OBSERVER], 'KEN', []),
    ]);
    const fr = await open(france.token, draftId);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Words.')]);
    fr.doc.getXmlFragment(CONTENT_FIELD).push([p]);
    fr.doc.transact(() => {
      textOf(fr.doc).insert(5, ' added', { insertion: { id: `${france.id}:cccccccccc` } });
    });
    await fr.provider.whenAcknowledged();
    const [proposal] = (await list(draftId, china.token)).proposals;
    const ADD = `mutation($input: AddCommentInput!) { addComment(input: $input) { id targetType targetId } }`;
    const res = await t.gql(
      ADD,
      { input: { targetId: proposal.id, body: 'China cannot accept “added”.' } },
      china.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.addComment).toMatchObject({ targetType: 'PROPOSAL', targetId: proposal.id });
    const refused = await t.gql(
      ADD,
      { input: { targetId: proposal.id, body: 'Me too.' } },
      observer.token,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anchored = await t.gql(
      ADD,
      {
        input: {
          targetId: proposal.id,
          body: 'x',
          anchor: { quote: 'Words', start: null, end: null },
        },
      },
      china.token,
    );
    expect(anchored.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const thread = await t.gql(
      'query($t: ID!) { comments(targetId: $t) { body can { resolve } } }',
      { t: proposal.id },
      france.token,
    );
    expect(thread.data!.comments).toEqual([
      { body: 'China cannot accept “added”.', can: { resolve: false } },
    ]);
  });

  it('delegates propose by default while the draft is in review; managers do not', async () => {
    const draftId = await buildDraft(1);
    const [france, coordinator] = await Promise.all([
      person([Role.DELEGATE], 'FRA'),
      person([Role.COORDINATOR, Role.DELEGATE], 'EST'),
    ]);
    expect((await list(draftId, france.token)).proposeByDefault).toBe(false);
    await DraftModel.updateOne({ _id: draftId }, { status: DraftStatus.IN_REVIEW });
    expect((await list(draftId, france.token)).proposeByDefault).toBe(true);
    expect((await list(draftId, france.token)).decideProposals).toBe(false);
    expect((await list(draftId, coordinator.token)).proposeByDefault).toBe(false);
    expect((await list(draftId, coordinator.token)).decideProposals).toBe(true);
  });
});
