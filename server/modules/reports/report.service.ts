import { randomUUID } from 'node:crypto';
import type { Types } from 'mongoose';
import type { AuthUser } from '../../core/auth-user';
import { authorize } from '../../core/authorize';
import {
  appError,
  badInput,
  draftLocked,
  ErrorCode,
  notFound,
  underSilence,
} from '../../core/errors';
import { claimDecision, releaseDecision } from '../decisions/claim.service';
import { recordDecision } from '../decisions/decision.service';
import { DecisionKind } from '../decisions/decision-kind';
import type { DraftDoc } from '../drafts/draft.model';
import { DraftModel } from '../drafts/draft.model';
import { draftPolicy } from '../drafts/draft.policy';
import { createDraft, findDraft } from '../drafts/draft.service';
import type { DomainEvents } from '../shared/domain-events';
import { TITLE_BOUNDS } from '../shared/title-bounds';
import { bytesOf, type DraftTextPort } from '../versions/draft-text';
import { type DraftVersionDoc, DraftVersionModel } from '../versions/version.model';
import { findVersion } from '../versions/version.service';
import type { ReportCompilation } from './report.data';
import { type DraftReportDoc, DraftReportModel, type ReportSectionDoc } from './report.model';
import { reportPolicy } from './report.policy';
import { compileUpdate, takeInUpdate } from './report-text';

/** The review report's title, as the programme of work names it. */
export const REPORT_TITLE = {
  en: 'Draft report on the comprehensive review',
  fr: 'Projet de rapport sur l’examen complet',
} as const;

/** The four groups' drafts, with room for an introduction or annexes compiled the same way. */
export const MAX_SECTIONS = 12;
const MAX_HEADING = 200;

const trimmed = (value: string | null | undefined): string =>
  value?.replace(/\s+/g, ' ').trim() ?? '';

function title(value: string | null | undefined, fallback: string, field: string): string {
  const t = trimmed(value);
  if (!t) return fallback;
  if (t.length < TITLE_BOUNDS.min || t.length > TITLE_BOUNDS.max)
    throw badInput(
      `${field} must be ${TITLE_BOUNDS.min} to ${TITLE_BOUNDS.max} characters long.`,
      field,
    );
  return t;
}

export function findReport(draftId: Types.ObjectId): Promise<DraftReportDoc | null> {
  return DraftReportModel.findOne({ draftId }).lean<DraftReportDoc>();
}

/** The newest numbered version of a draft (without its state), or null if it has none. */
export function latestVersion(draftId: Types.ObjectId): Promise<DraftVersionDoc | null> {
  return DraftVersionModel.findOne({ draftId }, { state: 0 })
    .sort({ number: -1 })
    .lean<DraftVersionDoc>();
}

/** A version's frozen state (the listing reads leave it out). */
async function versionState(id: Types.ObjectId): Promise<Uint8Array> {
  const version = await findVersion(id);
  return bytesOf(version.state);
}

/**
 * Compiles the review report: a new draft whose text is, in order, each chosen version's text
 * under its heading, written as the compiler's edit; the lineage of each section is kept. The
 * draft belongs to the first section's working group (every draft has one: the policies, the
 * dashboard and the edit gate all go by it), and from then on lives like any other draft.
 */
export async function compileReport(
  user: AuthUser,
  request: ReportCompilation,
  text: Pick<DraftTextPort, 'applyServerUpdate'>,
  events: DomainEvents,
): Promise<DraftDoc> {
  authorize(
    reportPolicy.compile(user),
    'Only the Chair or the Secretariat may compile the report on the comprehensive review.',
  );
  const titleEn = title(request.titleEn, REPORT_TITLE.en, 'titleEn');
  const titleFr = title(request.titleFr, REPORT_TITLE.fr, 'titleFr');
  if (request.sections.length === 0)
    throw badInput('Choose at least one version of a draft to compile.', 'sections');
  if (request.sections.length > MAX_SECTIONS)
    throw badInput(`A report has at most ${MAX_SECTIONS} sections.`, 'sections');
  const sources: { version: DraftVersionDoc; draft: DraftDoc; heading: string }[] = [];
  const seen = new Set<string>();
  for (const [i, asked] of request.sections.entries()) {
    const field = `sections.${i}.versionId`;
    const version = await findVersion(asked.versionId, field);
    const draft = await findDraft(version.draftId);
    const key = draft._id.toHexString();
    if (seen.has(key))
      throw badInput(
        'Each draft may give one section: two versions of one draft were chosen.',
        field,
      );
    seen.add(key);
    if (await DraftReportModel.exists({ draftId: draft._id }))
      throw badInput('A report cannot be compiled from another report.', field);
    const heading = trimmed(asked.heading) || draft.title.en;
    if (heading.length > MAX_HEADING)
      throw badInput(
        `A heading is at most ${MAX_HEADING} characters long.`,
        `sections.${i}.heading`,
      );
    sources.push({ version, draft, heading });
  }
  const firstGroup = sources[0]?.draft.workingGroupId;
  if (!firstGroup) throw badInput('Choose at least one version of a draft to compile.', 'sections');
  const sections = sources.map((s) => ({ ...s, headingId: `report:${randomUUID()}` }));
  const draft = await createDraft(user, firstGroup, { titleEn, titleFr }, events);
  try {
    await text.applyServerUpdate(
      user,
      draft._id,
      compileUpdate(
        sections.map((s) => ({
          heading: s.heading,
          headingId: s.headingId,
          state: bytesOf(s.version.state),
        })),
      ),
    );
    const at = new Date();
    await DraftReportModel.create({
      draftId: draft._id,
      createdById: user._id,
      sections: sections.map((s) => ({
        sourceDraftId: s.draft._id,
        versionId: s.version._id,
        versionNumber: s.version.number,
        heading: s.heading,
        headingId: s.headingId,
        takenAt: at,
        takenById: user._id,
      })),
    });
  } catch (err) {
    // Nothing half made: a report without its text or lineage would mislead.
    await DraftReportModel.deleteOne({ draftId: draft._id });
    await DraftModel.deleteOne({ _id: draft._id });
    throw err;
  }
  return draft;
}

/** How many times a section's lineage is written again when a concurrent write lost it. */
const LINEAGE_ATTEMPTS = 10;

/** Lineage writes in progress on this instance, by report: one after the other. */
const lineageWrites = new Map<string, Promise<unknown>>();

/**
 * Writes one section's lineage (only its fields: sections keep their places). The embedded
 * database applies two updates of one document at the same moment as two whole-document
 * rewrites, so a take-in of another section at that moment could put back the old fields. On
 * this instance the writes of one report go one after the other; a write another instance
 * undid at the same moment is seen on reading it back and made again (that instance's own
 * read-back sees the same; the rare case where both read back in between is left).
 */
async function writeLineage(
  reportId: Types.ObjectId,
  index: number,
  fields: {
    versionId: Types.ObjectId;
    versionNumber: number;
    takenAt: Date;
    takenById: Types.ObjectId;
    takeIns: number;
  },
): Promise<DraftReportDoc | null> {
  const set = Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [`sections.${index}.${key}`, value]),
  );
  const write = async (): Promise<DraftReportDoc | null> => {
    let updated: DraftReportDoc | null = null;
    for (let attempt = 0; attempt < LINEAGE_ATTEMPTS; attempt += 1) {
      await DraftReportModel.updateOne({ _id: reportId }, { $set: set });
      updated = await DraftReportModel.findById(reportId).lean<DraftReportDoc>();
      const written = updated?.sections[index] as ReportSectionDoc | undefined;
      if (!updated || (written && (written.takeIns ?? 0) >= fields.takeIns)) return updated;
    }
    return updated;
  };
  const key = reportId.toHexString();
  const before = lineageWrites.get(key) ?? Promise.resolve();
  const mine = before.then(write, write);
  const settled = mine.catch(() => undefined);
  lineageWrites.set(key, settled);
  try {
    return await mine;
  } finally {
    if (lineageWrites.get(key) === settled) lineageWrites.delete(key);
  }
}

/**
 * Takes a source draft's version (by default its newest) into the report: the section's blocks
 * are replaced by that version's, as the person's edit through the edit path (stored, relayed to
 * open editors, attributed), its heading and the other sections untouched; the lineage follows.
 */
export async function takeInReportSection(
  user: AuthUser,
  reportDraftId: Types.ObjectId,
  sectionId: Types.ObjectId,
  versionId: Types.ObjectId | null,
  text: Pick<DraftTextPort, 'loadState' | 'applyServerUpdate'>,
  events: DomainEvents,
): Promise<DraftReportDoc> {
  const draft = await findDraft(reportDraftId);
  const report = await findReport(reportDraftId);
  if (!report) throw badInput('This draft is not a compiled report.', 'draftId');
  authorize(
    draftPolicy.manage(user, draft),
    'Only the Chair, the Secretariat or the group coordinator may change the sections of this report.',
  );
  if (draftPolicy.locked(draft))
    throw draftPolicy.underSilence(draft) ? underSilence() : draftLocked();
  const sections = report.sections as ReportSectionDoc[];
  const section = sections.find((s) => s._id.equals(sectionId));
  if (!section) throw notFound('Report section', sectionId.toHexString());
  const chosen = versionId
    ? await findVersion(versionId)
    : await latestVersion(section.sourceDraftId);
  if (!chosen) throw badInput('The source draft has no version to take in.', 'versionId');
  if (!chosen.draftId.equals(section.sourceDraftId))
    throw badInput("versionId is not a version of this section's draft.", 'versionId');
  if (chosen.number === section.versionNumber) return report;
  // Two take-ins of one section at once would each put the new blocks in: one claims it.
  const takeIns = section.takeIns ?? 0;
  const claim = `report-section:${sectionId.toHexString()}:${takeIns}`;
  if (!(await claimDecision(claim)))
    throw appError(
      ErrorCode.Conflict,
      `The section "${section.heading}" was just updated by someone else; look at the report's sources again.`,
    );
  let seq: number;
  try {
    const state = await versionState(chosen._id);
    const current = await text.loadState(reportDraftId);
    const update = takeInUpdate(
      current.state,
      { heading: section.heading, headingId: section.headingId, state },
      sections.map((s) => s.headingId),
    );
    if (!update)
      throw appError(
        ErrorCode.Conflict,
        `The heading of the section "${section.heading}" is no longer in the report's text, so the section cannot be found: restore the heading from a version of the report, or edit the text by hand.`,
      );
    seq = await text.applyServerUpdate(user, reportDraftId, update);
  } catch (err) {
    await releaseDecision(claim);
    throw err;
  }
  const updated = await writeLineage(report._id, sections.indexOf(section), {
    versionId: chosen._id,
    versionNumber: chosen.number,
    takenAt: new Date(),
    takenById: user._id,
    takeIns: takeIns + 1,
  });
  if (!updated) throw notFound('Report', reportDraftId.toHexString());
  // In the report's history beside the other decisions on its text: who replaced which section.
  await recordDecision({
    draftId: reportDraftId,
    kind: DecisionKind.REPORT_SECTION_TAKEN_IN,
    detail: String(chosen.number),
    text: section.heading,
    subjectId: sectionId.toHexString(),
    byId: user._id,
  });
  events.emit('report.sectionTakenIn', {
    draft,
    sectionId,
    versionId: chosen._id,
    byId: user._id,
    seq,
  });
  return updated;
}
