import {
  Arg,
  Authorized,
  Ctx,
  Extensions,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { notFound } from '../../core/errors';
import { OPEN_TO_GUESTS, requireUser } from '../../graphql/auth-checker';
import { listCost } from '../../graphql/complexity';
import type { AuthUser, Context } from '../../graphql/context';
import { CurrentUser } from '../../graphql/current-user';
import { subscribeTo } from '../../graphql/subscribe';
import { Topic } from '../../pubsub/topics';
import type { CommentDoc } from '../comments/comment.model';
import { Comment } from '../comments/comment.type';
import type { DraftDoc } from '../drafts/draft.model';
import { Draft } from '../drafts/draft.type';
import { parseId } from '../shared/ids';
import { pick } from '../shared/localized';
import { Language } from '../shared/localized.enums';
import { type Presented, present } from '../shared/present';
import { DraftVersionModel } from '../versions/version.model';
import { labelIn } from '../versions/version-labels';
import { ConsultationBlockKind } from './consultation.enums';
import { AddConsultationCommentInput, OpenConsultationInput } from './consultation.inputs';
import { type ConsultationDoc, ConsultationModel } from './consultation.model';
import { consultationAbilities } from './consultation.policy';
import {
  addConsultationComment,
  closeConsultation,
  closedAtOf,
  consultationText,
  countOpenConsultations,
  findConsultation,
  isOpen,
  listConsultationComments,
  listConsultations,
  listDraftConsultations,
  openConsultation,
} from './consultation.service';
import {
  Consultation,
  ConsultationAbilities,
  ConsultationBlock,
  ConsultationComment,
} from './consultation.type';

type ConsultationRoot = Presented<ConsultationDoc>;

// Guests reach these fields: nothing here leads to a draft, a person (an e-mail) or the
// Committee's own comments; names are given as text.
@Resolver(() => Consultation)
export class ConsultationResolver {
  @Authorized()
  @Extensions(OPEN_TO_GUESTS)
  @Query(() => [Consultation], {
    complexity: listCost(10),
    description:
      'Consultations of Member States, newest first: for a Member State the open ones and the closed ones it took part in; for the Committee all',
  })
  async consultations(@CurrentUser() user: AuthUser): Promise<ConsultationRoot[]> {
    return (await listConsultations(user)).map((c) => present(c));
  }

  @Authorized()
  @Extensions(OPEN_TO_GUESTS)
  @Query(() => Consultation)
  async consultation(
    @Arg('id', () => ID) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<ConsultationRoot> {
    return present(await findConsultation(user, parseId(id)));
  }

  @Authorized()
  @Mutation(() => Consultation, {
    description:
      'Opens a consultation of Member States on a frozen version of a draft, until closesAt or until closed; for the Secretariat',
  })
  async openConsultation(
    @Arg('input', () => OpenConsultationInput) input: OpenConsultationInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<ConsultationRoot> {
    return present(
      await openConsultation(
        user,
        {
          draftId: parseId(input.draftId, 'draftId'),
          version: input.version,
          closesAt: input.closesAt ?? null,
        },
        ctx.events,
      ),
    );
  }

  @Authorized()
  @Mutation(() => Consultation, { description: 'Closes a consultation; for the Secretariat' })
  async closeConsultation(
    @Arg('id', () => ID) id: string,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<ConsultationRoot> {
    return present(await closeConsultation(user, parseId(id), ctx.events));
  }

  @Authorized()
  @Extensions(OPEN_TO_GUESTS)
  @Mutation(() => ConsultationComment, {
    description:
      'A Member State’s comment on the consulted text (a paragraph, or the whole), signed with its name and delegation; refused once closed',
  })
  async addConsultationComment(
    @Arg('input', () => AddConsultationCommentInput) input: AddConsultationCommentInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: Context,
  ): Promise<CommentDoc> {
    return addConsultationComment(
      user,
      {
        consultationId: parseId(input.consultationId, 'consultationId'),
        body: input.body,
        paragraph: input.paragraph ?? null,
      },
      ctx.events,
    );
  }

  @Extensions(OPEN_TO_GUESTS)
  @Subscription(() => Consultation, {
    description:
      'The consultation each time a Member State comments in it or it opens or closes; for those who may read it',
    subscribe: subscribeTo(Topic.ConsultationChanged, async (args, ctx) => {
      // Who may read it may follow it: checked once, when subscribing.
      const c = await findConsultation(requireUser(ctx), parseId(args.id));
      return c._id.toHexString();
    }),
  })
  async consultationChanged(
    @Root() event: { consultationId: string },
    @Arg('id', () => ID) _id: string,
  ): Promise<ConsultationRoot> {
    // Read afresh: the change is what the subscriber wants.
    const c = await ConsultationModel.findById(event.consultationId).lean<ConsultationDoc>();
    if (!c) throw notFound('Consultation', event.consultationId);
    return present(c);
  }

  @FieldResolver(() => ID)
  draftId(@Root() c: ConsultationRoot): string {
    return c.draftId.toHexString();
  }

  @FieldResolver(() => Boolean, { description: 'Whether it still takes comments' })
  open(@Root() c: ConsultationRoot): boolean {
    return isOpen(c);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When it closed (by hand or at its date); null while open',
  })
  closedAt(@Root() c: ConsultationRoot): Date | null {
    return closedAtOf(c);
  }

  @FieldResolver(() => String, { description: 'The draft’s title' })
  async title(
    @Root() c: ConsultationRoot,
    @Ctx() ctx: Context,
    @Arg('lang', () => Language, { nullable: true }) lang?: Language,
  ): Promise<string> {
    const draft = await ctx.loaders.draft.load(c.draftId);
    return draft ? pick(draft.title, lang) : '';
  }

  @FieldResolver(() => String, { nullable: true, description: 'The draft’s document symbol' })
  async symbol(@Root() c: ConsultationRoot, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.loaders.draft.load(c.draftId))?.symbol ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The consulted version’s label' })
  async versionLabel(
    @Root() c: ConsultationRoot,
    @Arg('lang', () => Language, { nullable: true }) lang?: Language,
  ): Promise<string | null> {
    const version = await DraftVersionModel.findById(c.versionId, { label: 1 }).lean();
    return labelIn(version?.label ?? null, lang);
  }

  @FieldResolver(() => [ConsultationBlock], {
    complexity: 20,
    description: 'The consulted text: the frozen version, never the live one',
  })
  async blocks(@Root() c: ConsultationRoot): Promise<ConsultationBlock[]> {
    return (await consultationText(c)).map((b) => ({
      ...b,
      kind: ConsultationBlockKind[b.kind],
    }));
  }

  @FieldResolver(() => [ConsultationComment], {
    complexity: listCost(20),
    description: 'The Member States’ comments, oldest first (never the Committee’s own)',
  })
  comments(@Root() c: ConsultationRoot): Promise<CommentDoc[]> {
    return listConsultationComments(c._id);
  }

  @FieldResolver(() => ConsultationAbilities)
  can(
    @Root() c: ConsultationRoot,
    @CurrentUser({ optional: true }) user: AuthUser | null,
  ): ConsultationAbilities {
    return consultationAbilities(user, { open: isOpen(c) });
  }
}

@Resolver(() => Draft)
export class DraftConsultationsResolver {
  @FieldResolver(() => [Consultation], {
    complexity: listCost(5),
    description: 'Consultations of Member States on its versions, newest first',
  })
  async consultations(@Root() d: Presented<DraftDoc>): Promise<ConsultationRoot[]> {
    return (await listDraftConsultations(d._id)).map((c) => present(c));
  }

  @FieldResolver(() => Int, {
    description:
      'How many consultations on it are open now; its live changes (draftChanged) tell a page to read them again',
  })
  openConsultationCount(@Root() d: Presented<DraftDoc>): Promise<number> {
    return countOpenConsultations(d._id);
  }
}

@Resolver(() => Comment)
export class CommentConsultationResolver {
  @FieldResolver(() => Consultation, {
    nullable: true,
    description: 'The consultation a Member State wrote this in; null for the Committee’s own',
  })
  async consultation(@Root() c: CommentDoc, @Ctx() ctx: Context): Promise<ConsultationRoot | null> {
    if (!c.consultationId) return null;
    // One read for every comment of a page, not one per comment.
    return present(await ctx.loaders.consultation.load(c.consultationId));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'In a consultation, the paragraph of the consulted version it is about',
  })
  consultationParagraph(@Root() c: CommentDoc): number | null {
    return c.paragraphNumber ?? null;
  }
}
