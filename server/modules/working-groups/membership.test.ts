import * as Y from 'yjs';
import { RequestError, request } from '../../../client/src/collab/graphql-request';
import { addParagraph, connectEditor, until } from '../../../test/helpers/editors';
import { draftOf } from '../../../test/helpers/factories';
import {
  startTestPlatform,
  subscribe,
  TestPlatform,
  Topic,
} from '../../../test/helpers/test-platform';
import { CONTENT_FIELD } from '../../collaboration/document-state';
import { ALL } from '../../pubsub/topics';

const GROUPS = `{ workingGroups { id number coordinator { email } members { email }
  delegations { code } can { manageMembers } } }`;
const ADD = `mutation($g: ID!, $u: ID!) { addWorkingGroupMember(workingGroupId: $g, userId: $u) {
  number members { email } } }`;
const REMOVE = `mutation($g: ID!, $u: ID!) { removeWorkingGroupMember(workingGroupId: $g, userId: $u) {
  number members { email } coordinator { email } } }`;
const COORDINATOR = `mutation($g: ID!, $u: ID) { setWorkingGroupCoordinator(workingGroupId: $g, userId: $u) {
  coordinator { email } members { email } } }`;
const ADD_DELEGATION = `mutation($g: ID!, $d: ID!) { addWorkingGroupDelegation(workingGroupId: $g, delegationId: $d) {
  delegations { code } } }`;
const REMOVE_DELEGATION = `mutation($g: ID!, $d: ID!) { removeWorkingGroupDelegation(workingGroupId: $g, delegationId: $d) {
  delegations { code } } }`;
const CAN = 'query($id: ID!) { draft(id: $id) { can { edit manage } } }';
const APPLY =
  'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }';

const code = (res: { errors?: { extensions?: { code?: string } }[] }) =>
  res.errors?.[0]?.extensions?.code;

function paragraph(text: string): string {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => (update = u));
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).push([p]);
  return Buffer.from(update).toString('base64');
}

interface Group {
  id: string;
  number: number;
  coordinator: { email: string } | null;
  members: { email: string }[];
  delegations: { code: string }[];
  can: { manageMembers: boolean };
}

describe('membership of the working groups', () => {
  let t: TestPlatform;
  let secretariat: string;
  let chair: string;
  let delegate: string;
  let coordinator: string;
  let groups: Group[];
  let people: Record<string, string>;
  let delegations: Record<string, string>;
  beforeAll(async () => {
    t = await startTestPlatform();
    [secretariat, chair, delegate, coordinator] = await Promise.all(
      ['secretariat', 'chair', 'delegate', 'coordinator'].map((who) =>
        t.login(`${who}@committee.test`),
      ),
    );
    groups = (await t.gql<{ workingGroups: Group[] }>(GROUPS, {}, secretariat)).data!.workingGroups;
    const users = (await t.gql('{ users { id email } }', {}, secretariat)).data!.users as {
      id: string;
      email: string;
    }[];
    people = Object.fromEntries(users.map((u) => [u.email.split('@')[0], u.id]));
    const ds = (await t.gql('{ delegations { id code } }', {}, secretariat)).data!.delegations as {
      id: string;
      code: string;
    }[];
    delegations = Object.fromEntries(ds.map((d) => [d.code, d.id]));
  });
  afterAll(() => t.stop());

  const group = (n: number) => groups[n - 1].id;

  it('seats someone in every group, with a coordinator, so that every draft can be edited in the demo', () => {
    expect(groups.map((g) => g.number)).toEqual([1, 2, 3, 4]);
    for (const g of groups) expect(g.members.length).toBeGreaterThan(0);
    expect(groups.map((g) => g.coordinator?.email ?? null)).toEqual([
      'coordinator@committee.test',
      null,
      'coordinator3@committee.test',
      'coordinator4@committee.test',
    ]);
    expect(groups.map((g) => g.delegations.map((d) => d.code))).toEqual([
      ['EST', 'FRA'],
      ['FRA'],
      ['DEU'],
      ['ZAF'],
    ]);
  });

  it('lets the Secretariat alone manage members, as the can field says', async () => {
    expect(groups.every((g) => g.can.manageMembers)).toBe(true);
    for (const token of [chair, delegate, coordinator]) {
      const seen = (await t.gql<{ workingGroups: Group[] }>(GROUPS, {}, token)).data!.workingGroups;
      expect(seen.map((g) => g.can.manageMembers)).toEqual([false, false, false, false]);
      const refused = await t.gql(ADD, { g: group(3), u: people.delegate }, token);
      expect(code(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toMatch(/Only the Secretariat/);
      const coord = await t.gql(COORDINATOR, { g: group(2), u: people.delegate }, token);
      expect(code(coord)).toBe('FORBIDDEN');
      expect(code(await t.gql(ADD_DELEGATION, { g: group(2), d: delegations.USA }, token))).toBe(
        'FORBIDDEN',
      );
    }
    const after = (await t.gql<{ workingGroups: Group[] }>(GROUPS, {}, secretariat)).data!
      .workingGroups;
    expect(after).toEqual(groups);
  });

  it('offers the Secretariat exactly whom it would seat, and nobody else anyone', async () => {
    const SEATABLE = '{ workingGroups { number seatablePeople { email } } }';
    const res = await t.gql(SEATABLE, {}, secretariat);
    expect(res.errors).toBeUndefined();
    const seen = res.data!.workingGroups as {
      number: number;
      seatablePeople: { email: string }[];
    }[];
    // Group 4: not its members, not the observer, not another group's coordinator.
    expect(seen[3].seatablePeople.map((p) => p.email).sort()).toEqual([
      'chair@committee.test',
      'delegate@committee.test',
      'expert@committee.test',
      'secretariat@committee.test',
    ]);
    expect(seen[0].seatablePeople.map((p) => p.email)).not.toContain('delegate@committee.test');
    for (const token of [chair, delegate]) {
      const theirs = (await t.gql(SEATABLE, {}, token)).data!.workingGroups as {
        seatablePeople: unknown[];
      }[];
      expect(theirs.every((g) => g.seatablePeople.length === 0)).toBe(true);
    }
  });

  it('validates its input with clear errors and changes nothing', async () => {
    const bad = await t.gql(ADD, { g: 'nope', u: people.delegate }, secretariat);
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/workingGroupId must be/);
    const unknown = await t.gql(ADD, { g: group(3), u: '0123456789abcdef01234567' }, secretariat);
    expect(code(unknown)).toBe('NOT_FOUND');
    const observer = await t.gql(ADD, { g: group(3), u: people.observer }, secretariat);
    expect(code(observer)).toBe('BAD_USER_INPUT');
    expect(observer.errors![0].message).toMatch(/observer, who reads only/);
    const noDelegation = await t.gql(
      ADD_DELEGATION,
      { g: group(3), d: '0123456789abcdef01234567' },
      secretariat,
    );
    expect(code(noDelegation)).toBe('NOT_FOUND');
  });

  it('gives and takes edit rights at once, over HTTP and over a socket opened before the change', async () => {
    const draft4 = await draftOf(4);
    // Read once before, so the session (and the edit gate's copy of the draft) is cached.
    expect((await t.gql(CAN, { id: draft4 }, delegate)).data!.draft.can).toEqual({
      edit: false,
      manage: false,
    });
    const ws = t.ws(delegate);
    const overWs = (text: string) =>
      request(ws, APPLY, { d: draft4, u: paragraph(text) }).then(
        () => 'stored',
        (err: RequestError) => err.code,
      );
    expect(await overWs('Before being seated.')).toBe('FORBIDDEN');
    expect(code(await t.gql(APPLY, { d: draft4, u: paragraph('Nor here.') }, delegate))).toBe(
      'FORBIDDEN',
    );
    const editor = connectEditor(t.url, delegate, draft4);
    try {
      const errors: RequestError[] = [];
      editor.provider.on('error', (err: RequestError) => errors.push(err));
      await editor.provider.whenSynced();

      const added = await t.gql(ADD, { g: group(4), u: people.delegate }, secretariat);
      expect(
        added.data!.addWorkingGroupMember.members.map((m: { email: string }) => m.email),
      ).toContain('delegate@committee.test');
      // No waiting: the answer came after this instance's sessions and sockets were told.
      expect((await t.gql(CAN, { id: draft4 }, delegate)).data!.draft.can).toEqual({
        edit: true,
        manage: false,
      });
      expect(
        (await t.gql(APPLY, { d: draft4, u: paragraph('Seated, over HTTP.') }, delegate)).data!
          .applyDraftUpdate.seq,
      ).toBeGreaterThan(0);
      expect(await overWs('Seated, over the GraphQL socket.')).toBe('stored');
      addParagraph(editor.doc, 'Seated, in the editor.');
      await until(() => editor.provider.pending === 0, 10000, 'the edit stored');
      expect(errors).toEqual([]);

      await t.gql(REMOVE, { g: group(4), u: people.delegate }, secretariat);
      expect((await t.gql(CAN, { id: draft4 }, delegate)).data!.draft.can.edit).toBe(false);
      expect(code(await t.gql(APPLY, { d: draft4, u: paragraph('Out again.') }, delegate))).toBe(
        'FORBIDDEN',
      );
      expect(await overWs('Out again, over the socket.')).toBe('FORBIDDEN');
      addParagraph(editor.doc, 'Out again, in the editor.');
      await until(() => errors.length > 0, 10000, 'the refusal');
      expect(errors.map((e) => e.code)).toEqual(['FORBIDDEN']);
    } finally {
      await editor.close();
    }
  });

  it('names a coordinator, who joins the group and manages its drafts; the one replaced stays a member', async () => {
    const draft3 = await draftOf(3);
    const coordinator3 = await t.login('coordinator3@committee.test');
    expect((await t.gql(CAN, { id: draft3 }, coordinator3)).data!.draft.can.manage).toBe(true);
    const named = await t.gql(COORDINATOR, { g: group(3), u: people.coordinator }, secretariat);
    expect(named.errors).toBeUndefined();
    expect(named.data!.setWorkingGroupCoordinator.coordinator.email).toBe(
      'coordinator@committee.test',
    );
    expect(
      named.data!.setWorkingGroupCoordinator.members.map((m: { email: string }) => m.email).sort(),
    ).toEqual(['coordinator3@committee.test', 'coordinator@committee.test']);
    expect((await t.gql(CAN, { id: draft3 }, coordinator)).data!.draft.can).toEqual({
      edit: true,
      manage: true,
    });
    // No longer coordinating anything: the role goes, edit rights as a member stay.
    expect((await t.gql(CAN, { id: draft3 }, coordinator3)).data!.draft.can).toEqual({
      edit: true,
      manage: false,
    });
    const roles = async (token: string) =>
      (await t.gql('{ me { roles } }', {}, token)).data!.me.roles as string[];
    expect(await roles(coordinator3)).toEqual(['DELEGATE']);
    expect(await roles(coordinator)).toContain('COORDINATOR');

    // Taking the coordinator out of the group leaves it without one.
    const out = await t.gql(REMOVE, { g: group(3), u: people.coordinator }, secretariat);
    expect(out.data!.removeWorkingGroupMember.coordinator).toBeNull();
    expect((await t.gql(CAN, { id: draft3 }, coordinator)).data!.draft.can.edit).toBe(false);
    // Still coordinator of group 1.
    expect(await roles(coordinator)).toContain('COORDINATOR');
    const back = await t.gql(COORDINATOR, { g: group(3), u: people.coordinator3 }, secretariat);
    expect(back.data!.setWorkingGroupCoordinator.coordinator.email).toBe(
      'coordinator3@committee.test',
    );
    expect(await roles(coordinator3)).toContain('COORDINATOR');
    const none = await t.gql(COORDINATOR, { g: group(2), u: null }, secretariat);
    expect(none.data!.setWorkingGroupCoordinator.coordinator).toBeNull();
  });

  it('keeps a coordinator to the groups they coordinate: the role manages every group one sits in', async () => {
    // The delegate of France sits in groups 1 and 2: coordinating 2 would make them manage 1.
    const stray = await t.gql(COORDINATOR, { g: group(2), u: people.delegate }, secretariat);
    expect(code(stray)).toBe('CONFLICT');
    expect(stray.errors![0].message).toBe(
      'Delegate (demo, France) also sits in working group 1, whose drafts a coordinator would manage too: take them out of it first, or name someone else.',
    );
    // Group 1's coordinator seated in group 2 would manage its drafts.
    const seat = await t.gql(ADD, { g: group(2), u: people.coordinator }, secretariat);
    expect(code(seat)).toBe('CONFLICT');
    expect(seat.errors![0].message).toMatch(
      /coordinates working group 1; seated here, they would manage this group's drafts too/,
    );
    const after = (await t.gql<{ workingGroups: Group[] }>(GROUPS, {}, secretariat)).data!
      .workingGroups[1];
    expect(after.coordinator).toBeNull();
    expect(after.members.map((m) => m.email)).toEqual(['delegate@committee.test']);
    // Out of group 1 first, then named for group 2: fine.
    await t.gql(REMOVE, { g: group(1), u: people.delegate }, secretariat);
    const named = await t.gql(COORDINATOR, { g: group(2), u: people.delegate }, secretariat);
    expect(named.data!.setWorkingGroupCoordinator.coordinator.email).toBe(
      'delegate@committee.test',
    );
    const draft1 = await draftOf(1);
    const draft2 = await draftOf(2);
    expect((await t.gql(CAN, { id: draft2 }, delegate)).data!.draft.can.manage).toBe(true);
    expect((await t.gql(CAN, { id: draft1 }, delegate)).data!.draft.can).toEqual({
      edit: false,
      manage: false,
    });
    // Back as the seed has it.
    await t.gql(COORDINATOR, { g: group(2), u: null }, secretariat);
    expect(
      (await t.gql(ADD, { g: group(1), u: people.delegate }, secretariat)).errors,
    ).toBeUndefined();
  });

  it('seats and unseats delegations, followed live by open pages', async () => {
    const listening = t.listeners(Topic.WorkingGroupChanged, ALL);
    const live = subscribe(
      t.ws(delegate),
      'subscription { workingGroupChanged { number delegations { code } } }',
    );
    const mine = subscribe(t.ws(delegate), 'subscription { myMembershipChanged }');
    await t.listening(Topic.WorkingGroupChanged, ALL, listening + 1);
    const added = await t.gql(ADD_DELEGATION, { g: group(2), d: delegations.USA }, secretariat);
    expect(added.data!.addWorkingGroupDelegation.delegations).toEqual([
      { code: 'FRA' },
      { code: 'USA' },
    ]);
    expect((await live.next()).workingGroupChanged).toEqual({
      number: 2,
      delegations: [{ code: 'FRA' }, { code: 'USA' }],
    });
    const removed = await t.gql(
      REMOVE_DELEGATION,
      { g: group(2), d: delegations.USA },
      secretariat,
    );
    expect(removed.data!.removeWorkingGroupDelegation.delegations).toEqual([{ code: 'FRA' }]);
    expect((await live.next()).workingGroupChanged.delegations).toEqual([{ code: 'FRA' }]);
    // The person's own membership: their pages read what they may do again.
    await t.gql(ADD, { g: group(3), u: people.delegate }, secretariat);
    expect((await mine.next()).myMembershipChanged).toBe(true);
    expect((await live.next()).workingGroupChanged.number).toBe(3);
    live.dispose();
    mine.dispose();
  });
});
