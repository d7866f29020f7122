import type { NotificationKind } from './notification-kind';

/** What a person chooses to be told, as the service takes it. */
export interface NotificationPreferencesData {
  enabledKinds: NotificationKind[];
  email: boolean;
}
