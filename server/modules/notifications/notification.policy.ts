import type { AuthUser } from '../../core/auth-user';
import type { NotificationDoc } from './notification.model';

/**
 * Notifications are private: each person reads, marks and configures only their own. The service
 * filters every query by the person, so this is the rule they follow, stated once.
 */
export const notificationPolicy = {
  read: (user: AuthUser, n: Pick<NotificationDoc, 'userId'>): boolean => n.userId.equals(user._id),
};
