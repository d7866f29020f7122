import { Field, ID, ObjectType } from 'type-graphql';
import { DraftStatus } from './draft.enums';

@ObjectType({
  description: "One change of a draft's status: who made it, when, from which status to which",
})
export class DraftStatusChange {
  @Field(() => DraftStatus)
  status!: DraftStatus;

  @Field(() => DraftStatus)
  previousStatus!: DraftStatus;

  @Field(() => Date)
  at!: Date;
}

@ObjectType({
  description:
    'What the signed-in person may do with a draft now (its status counts), by the rules the mutations apply',
})
export class DraftAbilities {
  @Field(() => Boolean, { description: 'Edit the text (applyDraftUpdate); never while adopted' })
  edit!: boolean;

  @Field(() => Boolean, { description: 'Comment on it (addComment)' })
  comment!: boolean;

  @Field(() => Boolean, { description: 'Change its title and deadline (updateDraft)' })
  manage!: boolean;

  @Field(() => Boolean, {
    description:
      'Change its status from the current one to another (setDraftStatus); once adopted, that is reopening it',
  })
  changeStatus!: boolean;

  @Field(() => Boolean, {
    description: 'Mark it adopted (setDraftStatus to ADOPTED); false once it is',
  })
  adopt!: boolean;

  @Field(() => Boolean, {
    description: 'Freeze the current text as a numbered version (createDraftVersion)',
  })
  createVersion!: boolean;

  @Field(() => Boolean, {
    description:
      'Make the text that of an earlier version (restoreDraftVersion); never while adopted',
  })
  restoreVersion!: boolean;

  @Field(() => Boolean, {
    description:
      'Lift a bracket or choose one of its options (liftBracket, chooseAlternative); never while adopted',
  })
  decideBrackets!: boolean;

  @Field(() => Boolean, {
    description:
      'Lead a reading of the text: start it, move it, record outcomes, end it (startReading…); never while adopted',
  })
  conductReading!: boolean;

  @Field(() => Boolean, {
    description:
      'Agree, park or reopen its paragraphs (setParagraphStatus), and edit agreed ones; never while adopted',
  })
  setParagraphStatus!: boolean;

  @Field(() => Boolean, {
    description:
      'Circulate it under the silence procedure (startSilence): the Chair and the Secretariat; never while adopted or already under silence',
  })
  startSilence!: boolean;

  @Field(() => Boolean, {
    description:
      "Break the silence under way in one's delegation's name (breakSilence): its delegates",
  })
  breakSilence!: boolean;

  @Field(() => Boolean, {
    description: 'Withdraw it from the silence under way (withdrawSilence): the Chair',
  })
  withdrawSilence!: boolean;

  @Field(() => Boolean, {
    description:
      'Open a consultation of Member States on one of its versions (openConsultation): the Secretariat',
  })
  openConsultation!: boolean;
}

@ObjectType({ description: "A working group's draft conclusions and recommendations" })
export class Draft {
  @Field(() => ID)
  id!: string;

  @Field(() => DraftStatus)
  status!: DraftStatus;

  @Field(() => Date, { nullable: true })
  deadline!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The document symbol it will be issued under (e.g. S/AC.44/2020/WP.1)',
  })
  symbol!: string | null;

  @Field(() => Date, { nullable: true })
  statusChangedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
