import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsMongoId,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsDateInBounds } from '../shared/date-bounds';
import { TITLE_BOUNDS, TitlesInput } from '../shared/titles.inputs';
import { MeetingKind } from './meeting.enums';

/** An item is about a few drafts at most (the four working groups' drafts). */
const DRAFT_LINKS_MAX = 10;

@InputType()
export class AgendaSubItemInput extends TitlesInput({ min: 1, max: 500 }) {
  @Field(() => ID, {
    nullable: true,
    description: 'Keep an existing sub-item (and its id) by naming it',
  })
  @IsOptional()
  @IsMongoId({ message: 'id must be a 24-character hexadecimal id' })
  id?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Drafts it is about (left out: an existing one keeps its own)',
  })
  @IsOptional()
  @ArrayMaxSize(DRAFT_LINKS_MAX, { message: `at most ${DRAFT_LINKS_MAX} drafts may be linked` })
  @ArrayUnique({ message: 'draftIds names a draft twice' })
  @IsMongoId({ each: true, message: 'each of draftIds must be a 24-character hexadecimal id' })
  draftIds?: string[];
}

@InputType()
export class AgendaItemInput extends TitlesInput({ min: 1, max: 1000 }) {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string | null;

  @Field(() => [AgendaSubItemInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  subItems?: AgendaSubItemInput[];

  @Field(() => [ID], {
    nullable: true,
    description: 'Drafts it is about (left out: an existing one keeps its own)',
  })
  @IsOptional()
  @ArrayMaxSize(DRAFT_LINKS_MAX, { message: `at most ${DRAFT_LINKS_MAX} drafts may be linked` })
  @ArrayUnique({ message: 'draftIds names a draft twice' })
  @IsMongoId({ each: true, message: 'each of draftIds must be a 24-character hexadecimal id' })
  draftIds?: string[];
}

@InputType()
export class CreateMeetingInput extends TitlesInput(TITLE_BOUNDS) {
  @Field(() => Date)
  @IsDateInBounds()
  date!: Date;

  @Field(() => MeetingKind)
  @IsEnum(MeetingKind)
  kind!: MeetingKind;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True while only the month is fixed (default false)',
  })
  @IsOptional()
  @IsBoolean()
  dateIsIndicative?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsMongoId({ message: 'workingGroupId must be a 24-character hexadecimal id' })
  workingGroupId?: string | null;

  @Field(() => [AgendaItemInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  agenda?: AgendaItemInput[];
}

@InputType()
export class UpdateMeetingInput extends TitlesInput(TITLE_BOUNDS, { optional: true }) {
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDateInBounds()
  date?: Date;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  dateIsIndicative?: boolean;

  @Field(() => MeetingKind, { nullable: true })
  @IsOptional()
  @IsEnum(MeetingKind)
  kind?: MeetingKind;
}
