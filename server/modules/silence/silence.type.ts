import { Field, ID, ObjectType } from 'type-graphql';
import { SilenceState } from './silence.enums';

@ObjectType({ description: "A delegation's written statement breaking silence, visible to all" })
export class SilenceBreak {
  @Field(() => String)
  statement!: string;

  @Field(() => Date)
  at!: Date;
}

@ObjectType({
  description:
    'A draft circulated for adoption in writing: adopted at the deadline unless a delegation breaks silence before it',
})
export class SilenceProcedure {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  draftId!: string;

  @Field(() => SilenceState)
  state!: SilenceState;

  @Field(() => Date, {
    description: 'The deadline (an instant; shown in New York time and the reader’s own)',
  })
  until!: Date;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it ended: broken, withdrawn, or adopted (the deadline)',
  })
  endedAt!: Date | null;
}
