import { Field, ID, ObjectType } from 'type-graphql';
import { AuditAction, AuditTarget } from './audit.enums';

@ObjectType({ description: 'One entry of the append-only audit trail' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => AuditAction)
  action!: AuditAction;

  @Field(() => ID, { nullable: true, description: 'Who did it (null: the platform itself)' })
  actorId!: string | null;

  @Field(() => String, { nullable: true, description: 'Their name at the time' })
  actorName!: string | null;

  @Field(() => AuditTarget)
  targetKind!: AuditTarget;

  @Field(() => ID)
  targetId!: string;

  @Field(() => String, { description: 'What the target was called at the time' })
  targetLabel!: string;

  @Field(() => String, { description: 'What changed' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'The address the change came from' })
  ip!: string | null;

  @Field(() => String, { nullable: true })
  requestId!: string | null;
}
