import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import { CONTENT_FIELD } from '../../core/document-blocks';
import { badInput } from '../../core/errors';
import type { DraftDoc } from '../drafts/draft.model';
import { DraftModel } from '../drafts/draft.model';
import { draftPolicy } from '../drafts/draft.policy';
import { createDraft } from '../drafts/draft.service';
import type { DomainEvents } from '../shared/domain-events';
import { TITLE_BOUNDS } from '../shared/title-bounds';
import type { DraftTextPort } from '../versions/draft-text';
import { checkDocx } from './docx-check';
import { readDocx } from './docx-reader';
import { outlineUpdate } from './outline-to-yjs';

export interface DraftImport {
  workingGroupId: Types.ObjectId;
  /** Titles given by the person; else the document's title, else the file's name. */
  titleEn?: string;
  titleFr?: string;
  fileName?: string;
}

/** A title the person gave, checked; null when they gave none. */
const givenTitle = (value: string | undefined, field: string): string | null => {
  const title = value?.replace(/\s+/g, ' ').trim() ?? '';
  if (!title) return null;
  if (title.length < TITLE_BOUNDS.min || title.length > TITLE_BOUNDS.max)
    throw badInput(
      `${field} must be ${TITLE_BOUNDS.min} to ${TITLE_BOUNDS.max} characters long.`,
      field,
    );
  return title;
};

/** A title that fits the bounds, or null when it cannot be made to. */
const fitTitle = (value: string | null | undefined): string | null => {
  const title = value?.replace(/\s+/g, ' ').trim().slice(0, TITLE_BOUNDS.max) ?? '';
  return title.length >= TITLE_BOUNDS.min ? title : null;
};

/**
 * A new draft of the group from a Word document: its headings, paragraphs, lists, bold and
 * italic become the draft's text, written as the importer's edit. A file that cannot be read is
 * refused before anything is created; if the text cannot be stored, the new draft goes again.
 */
export async function importDraft(
  user: AuthUser,
  request: DraftImport,
  bytes: Buffer,
  text: DraftTextPort,
  events: DomainEvents,
): Promise<DraftDoc> {
  authorize(
    draftPolicy.create(user, request.workingGroupId),
    'Only the Chair, the Secretariat or the group coordinator may start a draft.',
  );
  const givenEn = givenTitle(request.titleEn, 'titleEn');
  const givenFr = givenTitle(request.titleFr, 'titleFr');
  await checkDocx(bytes);
  const imported = await readDocx(bytes);
  const fromFile = request.fileName?.replace(/\.docx$/i, '').replace(/[_-]+/g, ' ');
  const titleEn = givenEn ?? fitTitle(imported.title) ?? fitTitle(fromFile) ?? 'Imported draft';
  const titleFr = givenFr ?? titleEn;
  const draft = await createDraft(user, request.workingGroupId, { titleEn, titleFr }, events);
  try {
    await text.applyServerUpdate(user, draft._id, outlineUpdate(imported.blocks, CONTENT_FIELD));
  } catch (err) {
    await DraftModel.deleteOne({ _id: draft._id });
    throw err;
  }
  return draft;
}
