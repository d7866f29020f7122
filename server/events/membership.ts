import type { DomainEvents } from '../modules/shared/domain-events';
import type { AppPubSub } from '../pubsub/pubsub';
import { ALL, Topic } from '../pubsub/topics';

/**
 * Membership changes reach every instance: the sessions of the people concerned (their sockets
 * hold who they are for as long as they are open; their cached sessions are forgotten) and the
 * pages showing the groups.
 */
export function membershipTopics(events: DomainEvents, pubSub: AppPubSub): (() => void)[] {
  return [
    events.on('workingGroup.membershipChanged', ({ workingGroup, people }) => {
      for (const p of people) {
        const payload = {
          userId: p.userId.toHexString(),
          roles: p.roles,
          workingGroupIds: p.workingGroupIds.map((id) => id.toHexString()),
        };
        pubSub.publish(Topic.MembershipChanged, payload.userId, payload);
        pubSub.publish(Topic.MembershipChanged, ALL, payload);
      }
      const workingGroupId = workingGroup._id.toHexString();
      pubSub.publish(Topic.WorkingGroupChanged, workingGroupId, { workingGroupId });
      pubSub.publish(Topic.WorkingGroupChanged, ALL, { workingGroupId });
    }),
  ];
}
