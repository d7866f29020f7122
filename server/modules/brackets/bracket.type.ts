import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A bracketed passage of a draft: language not yet accepted, with the options proposed for it',
})
export class Bracket {
  @Field(() => ID, { description: "The bracket mark's id in the text (`<userId>:<random>`)" })
  id!: string;

  @Field(() => String, { description: 'Option A: the bracketed text' })
  text!: string;

  @Field(() => [String], { description: 'Options B, C…, in order' })
  alternatives!: string[];

  @Field(() => ID, {
    nullable: true,
    description: 'The lasting id of the paragraph (block) it is in, when it has one',
  })
  paragraphId!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The number of that paragraph (1, 2, 3…); null in headings and lists',
  })
  paragraphNumber!: number | null;
}
