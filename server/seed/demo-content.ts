import type { Types } from 'mongoose';
import { lengthAndWords } from '../collaboration/edit-activity';
import { DraftSnapshotModel } from '../collaboration/snapshot.model';
import { DraftUpdateModel } from '../collaboration/update.model';
import { ConsultationModel, OPEN_SLOT } from '../modules/consultations/consultation.model';
import type { OutlineBlock, Run } from '../modules/documents/document-outline';
import { outlineUpdate } from '../modules/documents/outline-to-yjs';
import { DraftModel } from '../modules/drafts/draft.model';
import { seedId } from '../modules/shared/ids';
import { CONTENT_FIELD, textOfState } from '../modules/versions/draft-text';
import { DraftVersionModel } from '../modules/versions/version.model';

const run = (text: string): Run => ({
  text,
  bold: false,
  italic: false,
  change: null,
  lineBreak: false,
});
const heading = (text: string): OutlineBlock => ({ kind: 'heading', level: 2, runs: [run(text)] });
const paragraph = (text: string): OutlineBlock => ({
  kind: 'paragraph',
  number: null,
  runs: [run(text)],
});

/**
 * Working group 1's zero draft, written for the demonstration from its mandate (programme of
 * work, paragraph 8): what a group would put to Member States before the comprehensive review.
 */
const ZERO_DRAFT: OutlineBlock[] = [
  heading('Conclusions'),
  paragraph(
    'The Committee notes that nine States have not yet submitted a first national report under resolution 1540 (2004), and that the number of States providing additional information and updates continues to grow.',
  ),
  paragraph(
    'The Committee notes the central role of national points of contact in reporting and in the exchange of information, and the value of regional training courses for points of contact adapted to each region.',
  ),
  heading('Recommendations'),
  paragraph(
    'The Committee should continue to encourage the States that have not yet submitted a first report to do so, through dialogue and information on the assistance available, including through meetings on the margins of the General Assembly.',
  ),
  paragraph(
    'The Committee should encourage all States to nominate national points of contact, and continue regional training for them focused on reporting and information exchange.',
  ),
  paragraph(
    'The Committee should encourage States to prepare voluntary national implementation action plans setting out their priorities and projects, and to share effective practices on a voluntary basis.',
  ),
];

/** The label of the version put to consultation. */
export const DEMO_VERSION_LABEL = 'Zero draft for consultation with Member States';

/** Whether anything was ever written in the draft: its text is then the group's, never replaced. */
async function written(draftId: Types.ObjectId): Promise<boolean> {
  const [snapshot, update, version] = await Promise.all([
    DraftSnapshotModel.exists({ _id: draftId }),
    DraftUpdateModel.exists({ draftId }),
    DraftVersionModel.exists({ draftId }),
  ]);
  return !!(snapshot || update || version);
}

/**
 * Something to try in the demonstration (`npm start`, DEMO_CONTENT=1), never in tests or
 * production: working group 1's draft gets a zero draft as its text, frozen as version 1, and a
 * consultation of Member States open on it until the Secretariat closes it, so that the demo guest
 * account has a text to read and comment on. Only into a draft nobody has written in: returns
 * whether it was added.
 */
export async function seedDemoContent(): Promise<boolean> {
  const draftId = seedId('draft:1');
  if (await written(draftId)) return false;
  const state = outlineUpdate(ZERO_DRAFT, CONTENT_FIELD);
  const now = new Date();
  const secretariat = seedId('user:secretariat');
  // The snapshot first: should a crash stop this half-way, the draft counts as written and the
  // rest is not added to someone's text later.
  // As if the text were its first update, merged (readers take a snapshot past seq 0 only).
  await DraftSnapshotModel.create({
    _id: draftId,
    seq: 1,
    state: Buffer.from(state),
    updatedAt: now,
  });
  const version = await DraftVersionModel.create({
    _id: seedId('version:draft:1:1'),
    draftId,
    number: 1,
    label: DEMO_VERSION_LABEL,
    state: Buffer.from(state),
    seq: 1,
    text: textOfState(state),
    createdById: secretariat,
    createdAt: now,
  });
  // The dashboard's summary, as the first edit would have left it.
  await DraftModel.updateOne(
    { _id: draftId },
    {
      $set: {
        lastEditedAt: now,
        lastEditedById: secretariat,
        ...lengthAndWords(version.text ?? ''),
      },
    },
    { timestamps: false },
  );
  await ConsultationModel.create({
    _id: seedId('consultation:draft:1:1'),
    draftId,
    versionId: version._id,
    versionNumber: 1,
    slot: OPEN_SLOT,
    openedById: secretariat,
    openedAt: now,
    closesAt: null,
  });
  return true;
}
