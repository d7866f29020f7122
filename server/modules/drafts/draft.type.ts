import { Field, ID, ObjectType } from 'type-graphql';
import { DraftStatus } from './draft-status';

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
