import { Field, ObjectType } from 'type-graphql';
import { User } from '../users/user.type';

@ObjectType()
export class AuthPayload {
  @Field(() => String, {
    description:
      'Send as `Authorization: Bearer <token>` (HTTP) or connectionParams.authorization (WebSocket)',
  })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}
