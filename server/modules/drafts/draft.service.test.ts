import { workingGroupId } from '../../../test/helpers/factories';
import { startTestPlatform, TestPlatform } from '../../../test/helpers/test-platform';
import type { AuthUser } from '../../core/auth-user';
import { AppError, ErrorCode } from '../../core/errors';
import { httpStatus } from '../../core/http-status';
import { authenticate } from '../auth/auth.service';
import { DomainEventMap, DomainEvents } from '../shared/domain-events';
import { createDraft, updateDraft } from './draft.service';

/** A script's view: a signed-in person and a bus of its own, no GraphQL anywhere. */
describe('draft services called without GraphQL', () => {
  let t: TestPlatform;
  const signedIn = async (email: string): Promise<AuthUser> =>
    (await authenticate(await t.login(email)))!;

  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.stop());

  function recorder() {
    const events = new DomainEvents();
    const heard: string[] = [];
    const updates: DomainEventMap['draft.updated'][] = [];
    events.on('draft.created', ({ draft }) => heard.push(`created ${draft.title.en}`));
    events.on('draft.updated', (e) => {
      heard.push(`updated ${e.changed.join('+')}`);
      updates.push(e);
    });
    return { events, heard, updates };
  }

  it('announces each write once, after it succeeded, saying what changed', async () => {
    const chair = await signedIn('chair@committee.test');
    const { events, heard, updates } = recorder();
    const draft = await createDraft(
      chair,
      await workingGroupId(1),
      { titleEn: 'Scripted draft', titleFr: 'Projet scripté' },
      events,
    );
    const deadline = new Date('2020-11-30T00:00:00Z');
    await updateDraft(chair, draft._id, { deadline }, events);
    await updateDraft(
      chair,
      draft._id,
      { titleEn: 'Scripted draft, renamed', deadline: null },
      events,
    );
    expect(heard).toEqual(['created Scripted draft', 'updated deadline', 'updated title+deadline']);
    expect(updates[0].draft.deadline).toEqual(deadline);
    expect(updates[1].draft.title.en).toBe('Scripted draft, renamed');
  });

  it('refuses with a coded error that maps to an HTTP status, and announces nothing', async () => {
    const observer = await signedIn('observer@committee.test');
    const { events, heard } = recorder();
    const refusal = await createDraft(
      observer,
      await workingGroupId(1),
      { titleEn: 'Not allowed', titleFr: 'Pas permis' },
      events,
    ).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe(ErrorCode.Forbidden);
    expect(httpStatus((refusal as AppError).code)).toBe(403);
    expect(heard).toEqual([]);
  });
});
