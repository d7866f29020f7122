import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConsultationBlockKind } from './consultation.enums';

@ObjectType({ description: 'A top-level block of the consulted text (the frozen version)' })
export class ConsultationBlock {
  @Field(() => ConsultationBlockKind)
  kind!: ConsultationBlockKind;

  @Field(() => Int, { description: 'A heading’s level, 1 the highest; 0 for other blocks' })
  level!: number;

  @Field(() => Int, { nullable: true, description: 'A numbered paragraph’s number' })
  number!: number | null;

  @Field(() => String, {
    description: 'Its content as HTML (inline markup; a list as a whole list), escaped',
  })
  html!: string;

  @Field(() => String)
  text!: string;
}

@ObjectType({
  description:
    'A Member State’s comment in a consultation, signed with its author’s name and delegation',
})
export class ConsultationComment {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String)
  authorName!: string;

  @Field(() => String, { nullable: true })
  delegationName!: string | null;

  @Field(() => Int, { nullable: true, description: 'The paragraph it is about; null: the text' })
  paragraph!: number | null;

  @Field(() => Boolean, { description: 'Written by the signed-in person' })
  mine!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When its author last edited it; null if never',
  })
  editedAt!: Date | null;
}

@ObjectType({ description: 'What the signed-in person may do with a consultation' })
export class ConsultationAbilities {
  @Field(() => Boolean, {
    description: 'Comment on its text (addConsultationComment): a Member State, while open',
  })
  comment!: boolean;

  @Field(() => Boolean, {
    description: 'Close it (closeConsultation): the Secretariat, while open',
  })
  close!: boolean;
}

@ObjectType({
  description:
    'An open consultation of Member States on one frozen version of a draft: they read that text and comment on it',
})
export class Consultation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  draftId!: string;

  @Field(() => Int, { description: 'The number of the version consulted on' })
  versionNumber!: number;

  @Field(() => Date)
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it closes by itself, if it does' })
  closesAt!: Date | null;
}
