import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from './user.enums';

@ObjectType({ description: 'A person using the platform' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => [Role])
  roles!: Role[];
}
