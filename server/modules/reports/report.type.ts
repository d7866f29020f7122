import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What the signed-in person may do with a compiled report' })
export class ReportAbilities {
  @Field(() => Boolean, {
    description:
      'Replace a section by another version of its source draft (takeInReportSection); never while the report is adopted or under silence',
  })
  takeIn!: boolean;
}

@ObjectType({
  description:
    "One section of a compiled report: the version of a group's draft its text was taken from",
})
export class ReportSection {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Its heading in the report' })
  heading!: string;

  @Field(() => Int, { description: 'Its place in the report, from 1' })
  order!: number;

  @Field(() => Int, { description: 'The number of the version taken (Rev.N of the source draft)' })
  versionNumber!: number;

  @Field(() => Date, { description: 'When that version was taken in' })
  takenAt!: Date;
}

@ObjectType({
  description:
    'The lineage of a draft compiled from other drafts (the report on the comprehensive review): which version of which draft each section came from',
})
export class DraftReport {
  @Field(() => ID)
  id!: string;
}
