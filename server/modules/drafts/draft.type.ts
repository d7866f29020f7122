import { Field, ID, ObjectType } from 'type-graphql';
import { DraftStatus } from './draft-status';

@ObjectType({ description: 'One change of a draft\'s status: who made it, when, from which status to which' })
export class DraftStatusChange {
  @Field(() => DraftStatus)
  status!: DraftStatus;

  @Field(() => DraftStatus)
  previousStatus!: DraftStatus;

  @Field(() => Date)
  at!: Date;
}

@ObjectType({ description: "A working group's draft conclusions and recommendations" })
export class Draft {
  @Field(() => ID)
  id!: string;

  @Field(() => DraftStatus)
  status!: DraftStatus;

  @Field(() => Date, { nullable: true })
  deadline!: Date | null;

  @Field(() => Date, { nullable: true })
  statusChangedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
