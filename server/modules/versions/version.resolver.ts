import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import type { DraftDoc } from '../drafts/draft.model';
import { Draft } from '../drafts/draft.type';
import { parseId } from '../shared/ids';
import { Language } from '../shared/localized.enums';
import { Presented, present, presentAll } from '../shared/present';
import { User } from '../users/user.type';
import type { TextChangeData } from './compare';
import type { DraftVersionDoc } from './version.model';
import {
  type Comparison,
  compareDraft,
  countVersions,
  createDraftVersion,
  listVersions,
  restoreDraftVersion,
} from './version.service';
import { DraftComparison, DraftVersion, TextChange } from './version.type';
import { labelIn } from './version-labels';

type VersionRoot = Presented<DraftVersionDoc>;

@Resolver(() => DraftVersion)
export class DraftVersionResolver {
  @Authorized()
  @Mutation(() => DraftVersion, {
    description:
      "Freezes the draft's current text as its next numbered version; for those who manage the draft",
  })
  async createDraftVersion(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('label', () => String, {
      nullable: true,
      description: 'At most 120 characters, trimmed',
    })
    label: string | null | undefined,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<VersionRoot> {
    return present(
      await createDraftVersion(user, parseId(draftId, 'draftId'), label, ctx.collab, ctx.events),
    );
  }

  @Authorized()
  @Mutation(() => Draft, {
    description:
      "Makes the draft's text that of a version again, as a new change by the one who restores it (open editors follow live); never on an adopted draft",
  })
  async restoreDraftVersion(
    @Arg('versionId', () => ID) versionId: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<Presented<DraftDoc>> {
    return present(
      await restoreDraftVersion(user, parseId(versionId, 'versionId'), ctx.collab, ctx.events),
    );
  }

  @Authorized()
  @Query(() => DraftComparison, {
    description:
      'What changed from version `from` to version `to` (a null id is the current text), word by word, with who inserted and who deleted each passage',
  })
  compareDraft(
    @Arg('draftId', () => ID) draftId: string,
    @Arg('from', () => ID, { nullable: true }) from: string | null | undefined,
    @Arg('to', () => ID, { nullable: true }) to: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<Comparison> {
    return compareDraft(
      parseId(draftId, 'draftId'),
      from ? parseId(from, 'from') : null,
      to ? parseId(to, 'to') : null,
      ctx.collab,
    );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'e.g. "Zero draft", "Chair\'s text" as typed; the platform\'s own ("Adopted text") in the language asked for',
  })
  label(
    @Root() v: VersionRoot,
    @Arg('lang', () => Language, { nullable: true }) lang?: Language,
  ): string | null {
    return labelIn(v.label ?? null, lang);
  }

  @FieldResolver(() => String, { description: '"Rev.1", "Rev.2"…' })
  name(@Root() v: VersionRoot): string {
    return `Rev.${v.number}`;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description:
      'Who made it (for the adopted text: who adopted it); null if that account no longer exists',
  })
  async createdBy(@Root() v: VersionRoot, @Ctx() ctx: Context) {
    return v.createdById ? present(await ctx.loaders.user.load(v.createdById)) : null;
  }
}

@Resolver(() => Draft)
export class DraftVersionsResolver {
  @FieldResolver(() => [DraftVersion], {
    description: 'Its numbered versions, oldest first',
    complexity: listCost(2),
  })
  async versions(@Root() d: Presented<DraftDoc>): Promise<VersionRoot[]> {
    return presentAll(await listVersions(d._id));
  }

  @FieldResolver(() => Int, {
    description:
      'How many numbered versions it has: cheap enough for a live selection (draftChanged), so that an open history reads its versions again only when one is made',
  })
  versionCount(@Root() d: Presented<DraftDoc>): Promise<number> {
    return countVersions(d._id);
  }
}

@Resolver(() => TextChange)
export class TextChangeResolver {
  @FieldResolver(() => [User], {
    description:
      'Who inserted it (INSERTED) or deleted it (DELETED), as far as recorded; empty for unchanged text',
  })
  async authors(@Root() change: TextChangeData, @Ctx() ctx: Context) {
    const users = await Promise.all(change.authorIds.map((id) => ctx.loaders.user.load(id)));
    return users.flatMap((u) => (u ? [present(u)] : []));
  }
}
