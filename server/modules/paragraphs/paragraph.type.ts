import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ParagraphStatus } from './paragraph.enums';

@ObjectType({
  description:
    'A top-level block of a draft (paragraph, heading, list) with its lasting id and where it stands in the negotiation',
})
export class Paragraph {
  @Field(() => ID, {
    description: 'Lasting id (the `pid` attribute of its block in the Yjs document)',
  })
  id!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      '1, 2, 3… for top-level paragraphs, as the editor numbers them; null for headings and lists',
  })
  number!: number | null;

  @Field(() => String, { description: '`paragraph`, `heading`, `bulletList` or `orderedList`' })
  kind!: string;

  @Field(() => String, { description: 'Plain text (list items one a line)' })
  text!: string;

  @Field(() => ParagraphStatus)
  status!: ParagraphStatus;

  @Field(() => Date, {
    nullable: true,
    description: 'For AGREED_AD_REF: the date capitals are to confirm by',
  })
  confirmBy!: Date | null;

  @Field(() => Boolean, { description: 'Agreed ad referendum and its confirm-by date has passed' })
  overdue!: boolean;

  @Field(() => Int, { description: 'Distinct brackets in it' })
  openBrackets!: number;

  @Field(() => Date, { nullable: true, description: 'When its status was last set' })
  setAt!: Date | null;
}

@ObjectType({ description: "A change of a draft's paragraph statuses, for open editors" })
export class ParagraphsChange {
  @Field(() => ID)
  draftId!: string;

  @Field(() => ID)
  paragraphId!: string;

  @Field(() => ParagraphStatus, {
    description: 'The status set (as stored: OPEN for a paragraph bracketed only by its text)',
  })
  status!: ParagraphStatus;
}
