import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "One person's run of edits on a draft: it closes once they have not edited it for a few minutes (REVISION_GAP_MS), or when a numbered version is made",
})
export class DraftRevision {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { description: 'When its first edit was stored' })
  startedAt!: Date;

  @Field(() => Date, { description: 'When its last edit (so far, while open) was stored' })
  endedAt!: Date;

  @Field(() => Int, {
    description:
      'Words its edits inserted (a word counts where it starts: typing inside one adds none)',
  })
  wordsInserted!: number;

  @Field(() => Int, { description: 'Words its edits deleted, counted the same way' })
  wordsDeleted!: number;

  @Field(() => Int, {
    description: 'Stored updates it groups (an editor sends a few a second while typing)',
  })
  edits!: number;
}

@ObjectType({ description: "A page of a draft's revisions, newest first" })
export class DraftRevisionPage {
  @Field(() => [DraftRevision])
  nodes!: DraftRevision[];

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next page; null when the page is empty',
  })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'Whether older revisions follow this page' })
  hasMore!: boolean;
}
