import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A State on the Committee' })
export class Delegation {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-3 code' })
  code!: string;

  @Field(() => Int, {
    description:
      'Year its term on the Council began; 2021 members are invited to later 2020 meetings',
  })
  memberSince!: number;

  @Field(() => Boolean)
  permanent!: boolean;
}
