import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class ApplyDraftUpdateArgs {
  @Field(() => ID)
  draftId!: string;

  @Field(() => String, { description: 'base64 Yjs update, at most 1 MiB decoded' })
  update!: string;

  @Field(() => String, {
    nullable: true,
    description: 'An id of the sending editor (at most 64 characters), echoed to subscribers',
  })
  clientId?: string;
}
