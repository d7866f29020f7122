import { IsDate, IsMongoId, IsOptional, IsString, Length, MaxDate, MinDate } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

const EARLIEST = new Date('2000-01-01T00:00:00Z');
const LATEST = new Date('2100-01-01T00:00:00Z');

@InputType()
export class CreateDraftInput {
  @Field(() => ID)
  @IsMongoId({ message: 'workingGroupId must be a 24-character hexadecimal id' })
  workingGroupId!: string;

  @Field(() => String)
  @IsString()
  @Length(3, 300)
  titleEn!: string;

  @Field(() => String)
  @IsString()
  @Length(3, 300)
  titleFr!: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  deadline?: Date | null;
}

@InputType()
export class UpdateDraftInput {
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

  @Field(() => Date, { nullable: true, description: 'null clears the deadline' })
  @IsOptional()
  @IsDate()
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  deadline?: Date | null;
}
