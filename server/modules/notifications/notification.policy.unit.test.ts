import { personWith, ROLES } from '../../../test/helpers/policy-table';
import { notificationPolicy } from './notification.policy';

// Notices are private whatever one's role: the Chair and the Secretariat read only their own.
describe('notification policy', () => {
  it.each(ROLES)('a %s reads their own notifications and nobody else’s', (role) => {
    const me = personWith(role);
    const other = personWith(role);
    expect(notificationPolicy.read(me, { userId: me._id })).toBe(true);
    expect(notificationPolicy.read(me, { userId: other._id })).toBe(false);
  });
});
