import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import type { DraftDoc } from '../drafts/draft.model';
import { Draft } from '../drafts/draft.type';
import { parseId } from '../shared/ids';
import { Presented, present } from '../shared/present';
import { User } from '../users/user.type';
import type { TextChangeData } from '../versions/compare';
import { bytesOf } from '../versions/draft-text';
import { compareStates, findVersion } from '../versions/version.service';
import { DraftVersion, TextChange } from '../versions/version.type';
import { CompileReportInput } from './report.inputs';
import type { DraftReportDoc, ReportSectionDoc } from './report.model';
import { reportAbilities } from './report.policy';
import { compileReport, findReport, latestVersion, takeInReportSection } from './report.service';
import { DraftReport, ReportAbilities, ReportSection } from './report.type';

type ReportRoot = Presented<DraftReportDoc>;
type SectionRoot = Presented<ReportSectionDoc> & { order: number; reportDraftId: string };

const sectionsOf = (r: DraftReportDoc): SectionRoot[] =>
  (r.sections as ReportSectionDoc[]).map((s, i) =>
    Object.assign(present(s), { order: i + 1, reportDraftId: r.draftId.toHexString() }),
  );

@Resolver(() => DraftReport)
export class DraftReportResolver {
  @Authorized()
  @Mutation(() => Draft, {
    description:
      "Compiles the report on the comprehensive review: a new draft whose text is each chosen version's text under its heading, in order, with its lineage kept; the Chair's and the Secretariat's",
  })
  async compileReport(
    @Arg('input', () => CompileReportInput) input: CompileReportInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<Presented<DraftDoc>> {
    const draft = await compileReport(
      user,
      {
        titleEn: input.titleEn,
        titleFr: input.titleFr,
        sections: input.sections.map((s, i) => ({
          versionId: parseId(s.versionId, `sections.${i}.versionId`),
          heading: s.heading,
        })),
      },
      ctx.collab,
      ctx.events,
    );
    return present(draft);
  }

  @Authorized()
  @Mutation(() => DraftReport, {
    description:
      "Replaces a section's text by another version of its source draft (by default the newest), as the person's edit; its heading and the other sections stay",
  })
  async takeInReportSection(
    @Arg('draftId', () => ID, { description: 'The report draft' }) draftId: string,
    @Arg('sectionId', () => ID) sectionId: string,
    @Arg('versionId', () => ID, { nullable: true, description: 'Null: the newest version' })
    versionId: string | null | undefined,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<ReportRoot> {
    return present(
      await takeInReportSection(
        user,
        parseId(draftId, 'draftId'),
        parseId(sectionId, 'sectionId'),
        versionId ? parseId(versionId, 'versionId') : null,
        ctx.collab,
        ctx.events,
      ),
    );
  }

  @FieldResolver(() => [ReportSection], {
    description: 'In the order of the text',
    complexity: listCost(3),
  })
  sections(@Root() r: ReportRoot): SectionRoot[] {
    return sectionsOf(r);
  }

  @FieldResolver(() => ReportAbilities)
  async can(
    @Root() r: ReportRoot,
    @CurrentUser({ optional: true }) user: AuthUser | null,
    @Ctx() ctx: Context,
  ): Promise<ReportAbilities> {
    const draft = await ctx.loaders.draft.load(r.draftId);
    return draft ? reportAbilities(user, draft) : { takeIn: false };
  }
}

@Resolver(() => ReportSection)
export class ReportSectionResolver {
  @FieldResolver(() => Draft, {
    nullable: true,
    description: 'The draft it was taken from; null if that draft was deleted',
  })
  async sourceDraft(@Root() s: SectionRoot, @Ctx() ctx: Context) {
    return present(await ctx.loaders.draft.load(s.sourceDraftId));
  }

  @FieldResolver(() => DraftVersion, {
    nullable: true,
    description: 'The version its text was taken from',
  })
  async version(@Root() s: SectionRoot) {
    return present(await findVersionOrNull(s));
  }

  @FieldResolver(() => DraftVersion, {
    nullable: true,
    description: 'The newest version of the source draft (the same as `version` when up to date)',
  })
  async latestVersion(@Root() s: SectionRoot) {
    return present(await latestVersion(s.sourceDraftId));
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the source draft has a newer version than the one taken',
  })
  async outdated(@Root() s: SectionRoot): Promise<boolean> {
    const latest = await latestVersion(s.sourceDraftId);
    return !!latest && latest.number > s.versionNumber;
  }

  @FieldResolver(() => [TextChange], {
    description:
      'What changed in the source draft from the version taken to its newest, word by word with authors; empty when up to date',
    complexity: listCost(4),
  })
  async changes(@Root() s: SectionRoot, @Ctx() ctx: Context): Promise<TextChangeData[]> {
    const latest = await latestVersion(s.sourceDraftId);
    if (!latest || latest.number <= s.versionNumber) return [];
    const [from, to] = await Promise.all([findVersion(s.versionId), findVersion(latest._id)]);
    return compareStates(s.sourceDraftId, bytesOf(from.state), bytesOf(to.state), ctx.collab);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who took that version in' })
  async takenBy(@Root() s: SectionRoot, @Ctx() ctx: Context) {
    return present(await ctx.loaders.user.load(s.takenById));
  }
}

async function findVersionOrNull(s: SectionRoot) {
  try {
    const v = await findVersion(s.versionId);
    return { ...v, state: undefined };
  } catch {
    return null;
  }
}

@Resolver(() => Draft)
export class DraftReportFieldResolver {
  @FieldResolver(() => DraftReport, {
    nullable: true,
    description:
      'For a compiled report (the report on the comprehensive review): where each section came from; null for other drafts',
  })
  async report(@Root() d: Presented<DraftDoc>): Promise<ReportRoot | null> {
    return present(await findReport(d._id));
  }
}
