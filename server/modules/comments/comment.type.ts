import { Field, ID, ObjectType } from 'type-graphql';
import { CommentTargetType } from './comment.enums';

@ObjectType()
export class CommentAnchor {
  @Field(() => String)
  quote!: string;

  @Field(() => String, { nullable: true })
  start!: string | null;

  @Field(() => String, { nullable: true })
  end!: string | null;
}

@ObjectType({
  description: 'What the signed-in person may do with a comment, by the rules the mutations apply',
})
export class CommentAbilities {
  @Field(() => Boolean, {
    description: 'Change its text (editComment): its author, while it is not deleted',
  })
  edit!: boolean;

  @Field(() => Boolean, { description: 'Delete it (deleteComment)' })
  delete!: boolean;

  @Field(() => Boolean, { description: 'Resolve or reopen it (resolveComment)' })
  resolve!: boolean;
}

@ObjectType({ description: 'A comment in a thread on an agenda item or a draft' })
export class Comment {
  @Field(() => ID)
  id!: string;

  @Field(() => CommentTargetType)
  targetType!: CommentTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field(() => ID, { description: 'Id of the first comment of the thread' })
  threadId!: string;

  @Field(() => String, { nullable: true, description: 'null once deleted' })
  body!: string | null;

  @Field(() => CommentAnchor, { nullable: true })
  anchor!: CommentAnchor | null;

  @Field(() => Boolean)
  resolved!: boolean;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  editedAt!: Date | null;

  @Field(() => Boolean)
  deleted!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}
