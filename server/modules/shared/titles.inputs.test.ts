import 'reflect-metadata';
import { validate } from 'class-validator';
import { CreateDraftInput, UpdateDraftInput } from '../drafts/draft.inputs';
import {
  AgendaSubItemInput,
  CreateMeetingInput,
  UpdateMeetingInput,
} from '../meetings/meeting.inputs';

const GROUP = '0123456789abcdef01234567';

async function refused<T extends object>(input: T, values: Partial<T>): Promise<string[]> {
  const errors = await validate(Object.assign(input, values));
  return errors.map((e) => e.property).sort();
}

describe('the EN/FR titles mixin', () => {
  it('requires both titles within the bounds on creation', async () => {
    expect(
      await refused(new CreateDraftInput(), {
        workingGroupId: GROUP,
        titleEn: 'Annex',
        titleFr: 'Annexe',
      }),
    ).toEqual([]);
    expect(
      await refused(new CreateDraftInput(), { workingGroupId: GROUP, titleEn: 'Annex' }),
    ).toEqual(['titleFr']);
    expect(
      await refused(new CreateDraftInput(), {
        workingGroupId: GROUP,
        titleEn: 'ab',
        titleFr: 'x'.repeat(301),
      }),
    ).toEqual(['titleEn', 'titleFr']);
    expect(
      await refused(new CreateMeetingInput(), {
        date: new Date('2020-09-10'),
        titleEn: 'ab',
        titleFr: 'Réunion',
      }),
    ).toEqual(['kind', 'titleEn']);
  });

  it('lets an update leave either title out, but not send one out of bounds', async () => {
    expect(await refused(new UpdateDraftInput(), {})).toEqual([]);
    expect(await refused(new UpdateMeetingInput(), { titleFr: 'ab' })).toEqual(['titleFr']);
    expect(
      await refused(new UpdateDraftInput(), {
        titleEn: 'Renamed',
        deadline: new Date('2999-01-01'),
      }),
    ).toEqual(['deadline']);
  });

  it("keeps each input's own bounds", async () => {
    expect(await refused(new AgendaSubItemInput(), { titleEn: 'x', titleFr: 'y' })).toEqual([]);
    expect(
      await refused(new AgendaSubItemInput(), { titleEn: '', titleFr: 'y'.repeat(501) }),
    ).toEqual(['titleEn', 'titleFr']);
  });
});
