import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ProposalKind, ProposalStatus } from './proposal.enums';

@ObjectType({
  description: 'What the signed-in person may do with a proposal, by the rules the mutations apply',
})
export class ProposalAbilities {
  @Field(() => Boolean, {
    description:
      "Support or object to it for their delegation (supportProposal): a delegate of another delegation than the proposer's, while it is open",
  })
  support!: boolean;

  @Field(() => Boolean, {
    description:
      'Accept or reject it (decideProposal): the coordinator, the Chair, the Secretariat, while it is open',
  })
  decide!: boolean;
}

@ObjectType({
  description:
    "A delegation's proposed change to a draft's text (tracked changes): insertion, deletion or replacement, shown inline in the text",
})
export class Proposal {
  @Field(() => ID, { description: 'Also the target of its comment thread' })
  id!: string;

  @Field(() => String, {
    description: 'Id of its marks in the document (`<userId>:<random>`)',
  })
  markId!: string;

  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Field(() => ProposalKind)
  kind!: ProposalKind;

  @Field(() => String, { description: 'Words proposed for insertion' })
  inserted!: string;

  @Field(() => String, { description: 'Words proposed for deletion' })
  deleted!: string;

  @Field(() => String, { nullable: true, description: 'Lasting id of the paragraph it is in' })
  paragraphId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of that paragraph (1, 2, 3…)' })
  paragraphNumber!: number | null;

  @Field(() => Date, { description: 'When the server first saw it in the text' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}
