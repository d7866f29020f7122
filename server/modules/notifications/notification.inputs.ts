import { ArrayMaxSize } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { NotificationPreferencesData } from './notification.data';
import { NotificationKind } from './notification.enums';

@InputType()
export class NotificationPreferencesInput implements NotificationPreferencesData {
  @Field(() => [NotificationKind], {
    description: 'The kinds to be notified of; the others are off',
  })
  @ArrayMaxSize(50)
  enabledKinds!: NotificationKind[];

  @Field(() => Boolean)
  email!: boolean;
}
