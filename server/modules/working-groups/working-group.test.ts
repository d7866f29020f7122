import mongoose from 'mongoose';
import { startTestPlatform, TestPlatform } from '../../../test/helpers/test-platform';
import { Role } from '../users/role';
import { UserModel } from '../users/user.model';

const DEEP = `{ workingGroups { number title members { name delegation { code } workingGroups { number } }
  coordinator { name delegation { code } } drafts { title workingGroup { number } createdBy { name } openComments can { edit } } } }`;

describe('working groups', () => {
  let t: TestPlatform;
  let token: string;
  beforeAll(async () => {
    t = await startTestPlatform();
    token = await t.login('delegate@committee.test');
  });
  afterAll(() => {
    mongoose.set('debug', false);
    return t.stop();
  });

  it('resolves nested references in a fixed number of queries, whatever the number of records (no N+1)', async () => {
    const count = async () => {
      let queries = 0;
      mongoose.set('debug', () => {
        queries += 1;
      });
      const res = await t.gql(DEEP, {}, token);
      mongoose.set('debug', false);
      expect(res.errors).toBeUndefined();
      return queries;
    };
    // Signed in once before counting: the session is then read from the cache, not the database,
    // in both counts alike.
    await t.gql('{ me { id } }', {}, token);
    const before = await count();
    // Many more members across every group must not mean more queries.
    const groups = (await t.gql('{ workingGroups { id } }', {}, token)).data!.workingGroups.map(
      (g: { id: string }) => new mongoose.Types.ObjectId(g.id),
    );
    await UserModel.insertMany(
      Array.from({ length: 40 }, (_, i) => ({
        email: `member${i}@test.example`,
        name: `Member ${i}`,
        passwordHash: 'x',
        roles: [Role.DELEGATE],
        workingGroupIds: groups,
      })),
    );
    const after = await count();
    // 160 more member records: with N+1 that would be 160 more queries. DataLoader batches per
    // tick, so the count may move by a batch or two, never with the number of records.
    expect(Math.abs(after - before)).toBeLessThanOrEqual(2);
    expect(after).toBeLessThanOrEqual(12);
  });

  it('enforces unique emails in the database itself', async () => {
    await expect(
      UserModel.create({
        email: 'chair@committee.test',
        name: 'Impostor',
        passwordHash: 'x',
        roles: [Role.CHAIR],
      }),
    ).rejects.toThrow(/duplicate key/);
  });

  it('shows a group with its mandate in the chosen language, coordinator and members', async () => {
    const res = await t.gql(
      '{ workingGroups { number title(lang: FR) mandateTasks { letter text(lang: FR) } coordinator { email } members { email } } }',
      {},
      token,
    );
    const wg1 = res.data!.workingGroups[0];
    expect(wg1.title).toBe('Suivi et mise en œuvre au niveau national');
    expect(wg1.mandateTasks[7].text).toMatch(/^Faire mieux connaître les traités multilatéraux/);
    expect(wg1.coordinator.email).toBe('coordinator@committee.test');
    expect(wg1.members.map((m: { email: string }) => m.email)).toContain('delegate@committee.test');
  });
});
