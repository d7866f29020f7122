import {
  ArrayMaxSize,
  IsDate,
  IsEnum,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxDate,
  MaxLength,
  Min,
  MinDate,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MeetingKind } from './meeting-kind';

const EARLIEST = new Date('2000-01-01T00:00:00Z');
const LATEST = new Date('2100-01-01T00:00:00Z');

@InputType()
export class AgendaSubItemInput {
  @Field(() => ID, { nullable: true, description: 'Keep an existing sub-item (and its id) by naming it' })
  @IsOptional()
  @IsMongoId({ message: 'id must be a 24-character hexadecimal id' })
  id?: string;

  @Field(() => String)
  @IsString()
  @Length(1, 500)
  titleEn!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 500)
  titleFr!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string | null;
}

@InputType()
export class AgendaItemInput {
  @Field(() => String)
  @IsString()
  @Length(1, 1000)
  titleEn!: string;

  @Field(() => String)
  @IsString()
  @Length(1, 1000)
  titleFr!: string;

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
}

@InputType()
export class CreateMeetingInput {
  @Field(() => Date)
  @IsDate()
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  date!: Date;

  @Field(() => MeetingKind)
  @IsEnum(MeetingKind)
  kind!: MeetingKind;

  @Field(() => String)
  @IsString()
  @Length(3, 300)
  titleEn!: string;

  @Field(() => String)
  @IsString()
  @Length(3, 300)
  titleFr!: string;

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
export class UpdateMeetingInput {
  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  date?: Date;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  dateIsIndicative?: boolean;

  @Field(() => MeetingKind, { nullable: true })
  @IsOptional()
  @IsEnum(MeetingKind)
  kind?: MeetingKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 300)
  titleEn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(3, 300)
  titleFr?: string;
}

@InputType()
export class MoveAgendaItemInput {
  @Field(() => Int, { description: 'New position, from 1' })
  @IsInt()
  @Min(1)
  @Max(100)
  toOrder!: number;
}
