import { IsMongoId, IsOptional, Matches, ValidateIf } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsDateInBounds } from '../shared/date-bounds';
import { TITLE_BOUNDS, TitlesInput } from '../shared/titles.inputs';
import { SYMBOL_PATTERN } from './draft-symbol';

/** The optional document symbol of a draft, the same on creation and change. */
const DocumentSymbol = (): PropertyDecorator => (target, key) => {
  Field(() => String, {
    nullable: true,
    description:
      'The document symbol it will be issued under, e.g. S/AC.44/2020/WP.1; null or "" clears it',
  })(target, key);
  IsOptional()(target, key as string);
  ValidateIf((_o, v) => v !== '')(target, key as string);
  Matches(SYMBOL_PATTERN, {
    message:
      'symbol must be a document symbol such as S/AC.44/2020/WP.1: up to 60 letters, digits, spaces and . / - ( ).',
  })(target, key as string);
};

@InputType()
export class CreateDraftInput extends TitlesInput(TITLE_BOUNDS) {
  @Field(() => ID)
  @IsMongoId({ message: 'workingGroupId must be a 24-character hexadecimal id' })
  workingGroupId!: string;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDateInBounds()
  deadline?: Date | null;

  @DocumentSymbol()
  symbol?: string | null;
}

@InputType()
export class UpdateDraftInput extends TitlesInput(TITLE_BOUNDS, { optional: true }) {
  @Field(() => Date, { nullable: true, description: 'null clears the deadline' })
  @IsOptional()
  @IsDateInBounds()
  deadline?: Date | null;

  @DocumentSymbol()
  symbol?: string | null;
}
