import { registerEnumType } from 'type-graphql';
import { NotificationKind } from './notification-kind';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  valuesConfig: {
    SILENCE_STARTED: {
      description: 'A draft of your group (or any, for officers) went under silence',
    },
    SILENCE_BROKEN: { description: 'A delegation broke the silence on a draft' },
    SILENCE_ENDED: {
      description: 'A silence ended: the draft was adopted, or the Chair withdrew it',
    },
    PROPOSAL_DECIDED: { description: 'A proposal of your delegation was accepted or rejected' },
    COMMENT_REPLY: { description: 'Someone replied to your comment' },
    MENTION: { description: 'Someone mentioned you or your delegation in a comment' },
    DEADLINE_SOON: { description: "Your group's draft is due within 48 hours" },
    DRAFT_STATUS: { description: "The status of your group's draft changed" },
    CONSULTATION: {
      description:
        "A consultation of Member States opened or closed on your group's draft (any, for officers)",
    },
  },
});

export { NotificationKind };
