import { ArrayMaxSize, IsEnum, IsInt, IsMongoId, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AuditAction } from './audit.enums';

@InputType({ description: 'Narrows the audit trail; every part optional' })
export class AuditFilterInput {
  @Field(() => [AuditAction], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(AuditAction, { each: true })
  actions?: AuditAction[];

  @Field(() => ID, { nullable: true, description: 'Who did it' })
  @IsOptional()
  @IsMongoId({ message: 'actorId must be a 24-character hexadecimal id' })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'What it was about (a draft, group, person)' })
  @IsOptional()
  @IsMongoId({ message: 'targetId must be a 24-character hexadecimal id' })
  targetId?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Entries older than this one (paging)' })
  @IsOptional()
  @IsMongoId({ message: 'before must be a 24-character hexadecimal id' })
  before?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  first?: number;
}
