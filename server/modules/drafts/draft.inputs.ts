import { IsMongoId, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsDateInBounds } from '../shared/date-bounds';
import { TITLE_BOUNDS, TitlesInput } from '../shared/titles.inputs';

@InputType()
export class CreateDraftInput extends TitlesInput(TITLE_BOUNDS) {
  @Field(() => ID)
  @IsMongoId({ message: 'workingGroupId must be a 24-character hexadecimal id' })
  workingGroupId!: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDateInBounds()
  deadline?: Date | null;
}

@InputType()
export class UpdateDraftInput extends TitlesInput(TITLE_BOUNDS, { optional: true }) {
  @Field(() => Date, { nullable: true, description: 'null clears the deadline' })
  @IsOptional()
  @IsDateInBounds()
  deadline?: Date | null;
}
