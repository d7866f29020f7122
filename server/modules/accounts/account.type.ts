import { Field, ID, ObjectType } from 'type-graphql';
import { User } from '../users/user.type';
import { AccountStatus, LinkKind } from './account.enums';

@ObjectType({ description: 'A one-time link to set a password, valid 7 days' })
export class Invitation {
  @Field(() => String, { description: 'The link; its last path segment is the one-time token' })
  url!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => LinkKind)
  kind!: LinkKind;

  @Field(() => User)
  user!: User;
}

@ObjectType({ description: 'What the signed-in person may do with this account' })
export class AccountAbilities {
  @Field(() => Boolean)
  deactivate!: boolean;

  @Field(() => Boolean)
  reactivate!: boolean;

  @Field(() => Boolean, { description: 'Issue a reset link (or the invitation again)' })
  resetPassword!: boolean;

  @Field(() => Boolean, { description: 'Change roles and delegation (setUserAccess)' })
  changeAccess!: boolean;
}

@ObjectType({ description: "A person's account, as the Secretariat manages it" })
export class Account {
  @Field(() => ID, { description: "The person's id" })
  id!: string;

  @Field(() => User)
  user!: User;

  @Field(() => AccountStatus)
  status!: AccountStatus;

  @Field(() => Date, { nullable: true })
  deactivatedAt!: Date | null;

  @Field(() => AccountAbilities)
  can!: AccountAbilities;
}

@ObjectType({ description: 'One of your sessions (a device or browser signed in)' })
export class SessionInfo {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => String, { nullable: true, description: 'The address it signed in from' })
  ip!: string | null;

  @Field(() => Boolean, { description: 'The session this request came with' })
  current!: boolean;
}

@ObjectType({ description: 'What the signed-in person may do beyond their own account' })
export class MyAbilities {
  @Field(() => Boolean, { description: "Manage people's accounts (the People page)" })
  managePeople!: boolean;

  @Field(() => Boolean, { description: 'Read the audit trail' })
  readAuditLog!: boolean;

  @Field(() => Boolean, {
    description: "Read the Committee's drafts, meetings and groups (false for a guest, for now)",
  })
  readCommittee!: boolean;
}

@ObjectType({ description: 'The signed-in person’s own account' })
export class MyAccount {
  @Field(() => User)
  user!: User;

  @Field(() => [SessionInfo])
  sessions!: SessionInfo[];

  @Field(() => MyAbilities)
  can!: MyAbilities;
}
