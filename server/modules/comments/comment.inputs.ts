import {
  IsMongoId,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MAX_COMMENT_LENGTH } from './comment.data';

@InputType({ description: 'The passage of a draft a comment is about' })
export class CommentAnchorInput {
  @Field(() => String)
  @IsString()
  @Length(1, 1000)
  quote!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Encoded Yjs relative position of the start',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  start?: string;

  @Field(() => String, { nullable: true, description: 'Encoded Yjs relative position of the end' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  end?: string;
}

@InputType()
export class AddCommentInput {
  @Field(() => ID, { description: 'An agenda item or a draft' })
  @IsMongoId({ message: 'targetId must be a 24-character hexadecimal id' })
  targetId!: string;

  @Field(() => String)
  @IsString()
  @Length(1, MAX_COMMENT_LENGTH, {
    message: `body must be 1 to ${MAX_COMMENT_LENGTH} characters long`,
  })
  body!: string;

  @Field(() => ID, { nullable: true, description: 'The comment this one answers' })
  @IsOptional()
  @IsMongoId({ message: 'parentId must be a 24-character hexadecimal id' })
  parentId?: string;

  @Field(() => CommentAnchorInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  anchor?: CommentAnchorInput;
}
