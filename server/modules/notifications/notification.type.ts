import { Field, ID, ObjectType } from 'type-graphql';
import { NotificationKind } from './notification.enums';

@ObjectType({
  description:
    'A notice to you of something that concerns you (a silence, your proposal decided, a reply, a mention, a deadline, a status change); only ever your own. `text(lang)` says what happened',
})
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => Boolean)
  read!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, {
    description: 'Path in the web client of what it is about (e.g. /drafts/<id>)',
  })
  link!: string;

  @Field(() => ID, { nullable: true, description: 'The draft it is about, if any' })
  draftId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The comment it is about (reply, mention)' })
  commentId!: string | null;
}

@ObjectType({ description: 'What you are told of, and whether by e-mail as well' })
export class NotificationPreferences {
  @Field(() => [NotificationKind], {
    description: 'Kinds you are notified of (the others are off)',
  })
  enabledKinds!: NotificationKind[];

  @Field(() => Boolean, {
    description: 'Also by e-mail, as a digest every few minutes (when the server sends e-mail)',
  })
  email!: boolean;
}

@ObjectType({ description: 'A name an @mention in a comment can use' })
export class MentionCandidate {
  @Field(() => String, { description: 'The exact name to write after @' })
  name!: string;

  @Field(() => Boolean, { description: 'A delegation (all its people are told), not a person' })
  delegation!: boolean;
}
