import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class LoginArgs {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(256)
  password!: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(256)
  currentPassword!: string;

  @Field(() => String)
  @IsString()
  @MinLength(12, { message: 'newPassword must be at least 12 characters long' })
  @MaxLength(256)
  newPassword!: string;
}
