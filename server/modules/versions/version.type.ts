import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ChangeKind } from './version.enums';

@ObjectType({
  description:
    'A numbered version of a draft ("Rev.1", "Rev.2"…): its text frozen when it was made, never changed afterwards',
})
export class DraftVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1, 2, 3… per draft, in the order they were made' })
  number!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, {
    description: 'Its plain text, one block (paragraph, heading, list item) a line',
  })
  text!: string;

  @Field(() => Int, { description: "The seq of the draft's update log the text was taken at" })
  seq!: number;
}

@ObjectType({ description: 'A passage of a comparison: inserted, deleted or unchanged' })
export class TextChange {
  @Field(() => ChangeKind)
  kind!: ChangeKind;

  @Field(() => String)
  text!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The number of the paragraph it is in (1, 2, 3… as the draft numbers them; of `from` for a deletion, of `to` otherwise); null in headings and lists',
  })
  paragraph!: number | null;
}

@ObjectType({ description: 'What changed in a draft from one version to another' })
export class DraftComparison {
  @Field(() => [TextChange], { description: 'In document order' })
  changes!: TextChange[];
}
