import { IsDate, IsInt, IsMongoId, IsOptional, IsString, Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_COMMENT_LENGTH } from './consultation.data';

@InputType({ description: 'A consultation of Member States to open on a frozen version' })
export class OpenConsultationInput {
  @Field(() => ID)
  @IsMongoId({ message: 'draftId must be a 24-character hexadecimal id' })
  draftId!: string;

  @Field(() => Int, { description: 'The number of the version consulted on' })
  @IsInt({ message: 'version must be a whole number' })
  @Min(1, { message: 'version must be 1 or more' })
  version!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When it closes by itself; leave it out to close it by hand',
  })
  @IsOptional()
  @IsDate({ message: 'closesAt must be a date and time' })
  closesAt?: Date | null;
}

@InputType({ description: 'A Member State’s comment on the consulted text' })
export class AddConsultationCommentInput {
  @Field(() => ID)
  @IsMongoId({ message: 'consultationId must be a 24-character hexadecimal id' })
  consultationId!: string;

  @Field(() => String)
  @IsString()
  @Length(1, MAX_COMMENT_LENGTH, {
    message: `body must be 1 to ${MAX_COMMENT_LENGTH} characters long`,
  })
  body!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The numbered paragraph it is about; leave it out for the whole text',
  })
  @IsOptional()
  @IsInt({ message: 'paragraph must be a whole number' })
  @Min(1, { message: 'paragraph must be 1 or more' })
  paragraph?: number | null;
}
