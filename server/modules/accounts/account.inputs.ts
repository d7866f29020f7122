import {
  ArrayMaxSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsMongoId,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { Role } from '../users/user.enums';

@InputType({ description: 'A person the Secretariat invites' })
export class InviteUserInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @Field(() => [Role])
  @ArrayMaxSize(6)
  @ArrayUnique({ message: 'roles names a role twice' })
  @IsEnum(Role, { each: true })
  roles!: Role[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsMongoId({ message: 'delegationId must be a 24-character hexadecimal id' })
  delegationId?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(4)
  @ArrayUnique({ message: 'workingGroupIds names a group twice' })
  @IsMongoId({
    each: true,
    message: 'each of workingGroupIds must be a 24-character hexadecimal id',
  })
  workingGroupIds?: string[];
}

@InputType({ description: "A person's roles and delegation (their groups: the Membership page)" })
export class UserAccessInput {
  @Field(() => ID)
  @IsMongoId({ message: 'userId must be a 24-character hexadecimal id' })
  userId!: string;

  @Field(() => [Role])
  @ArrayMaxSize(6)
  @ArrayUnique({ message: 'roles names a role twice' })
  @IsEnum(Role, { each: true })
  roles!: Role[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsMongoId({ message: 'delegationId must be a 24-character hexadecimal id' })
  delegationId?: string | null;
}

@ArgsType()
export class AcceptInvitationArgs {
  @Field(() => String, { description: 'The last path segment of the link' })
  @IsString()
  @MaxLength(200)
  token!: string;

  @Field(() => String)
  @IsString()
  @MaxLength(256)
  password!: string;
}
