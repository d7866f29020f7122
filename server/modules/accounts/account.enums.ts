import { registerEnumType } from 'type-graphql';
import { AccountStatus, LinkKind } from './account.data';

registerEnumType(AccountStatus, {
  name: 'AccountStatus',
  valuesConfig: {
    INVITED: { description: 'Invited; no password set yet' },
    ACTIVE: { description: 'Signs in with a password' },
    DEACTIVATED: { description: 'Every session ended; sign-ins refused until reactivated' },
  },
});

registerEnumType(LinkKind, {
  name: 'AccountLinkKind',
  valuesConfig: {
    INVITATION: { description: 'Sets the first password of an invited person' },
    RESET: { description: 'Sets a new password, ending every other session' },
  },
});

export { AccountStatus, LinkKind };
