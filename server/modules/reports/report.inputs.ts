import {
  ArrayMaxSize,
  ArrayMinSize,
  IsMongoId,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { TITLE_BOUNDS, TitlesInput } from '../shared/titles.inputs';

@InputType({ description: "One section of the report: a version of a group's draft" })
export class ReportSectionInput {
  @Field(() => ID, { description: 'The version of the draft whose text the section takes' })
  @IsMongoId({ message: 'versionId must be a 24-character hexadecimal id' })
  versionId!: string;

  @Field(() => String, {
    nullable: true,
    description: "Its heading in the report; by default the draft's English title",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  heading?: string | null;
}

@InputType({ description: 'A report to compile from versions of drafts, its sections in order' })
export class CompileReportInput extends TitlesInput(TITLE_BOUNDS, { optional: true }) {
  @Field(() => [ReportSectionInput])
  @ArrayMinSize(1, { message: 'Choose at least one version of a draft to compile.' })
  @ArrayMaxSize(12, { message: 'A report has at most 12 sections.' })
  @ValidateNested({ each: true })
  sections!: ReportSectionInput[];
}
