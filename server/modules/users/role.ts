import { registerEnumType } from 'type-graphql';
import { Role } from '../../core/role';

export { Role };

registerEnumType(Role, {
  name: 'Role',
  description: 'What a person does on the Committee',
  valuesConfig: {
    CHAIR: { description: 'Chair of the Committee' },
    COORDINATOR: { description: 'Coordinator of a working group' },
    DELEGATE: { description: 'Member of a delegation' },
    EXPERT: { description: 'Member of the Group of Experts' },
    SECRETARIAT: { description: 'Office for Disarmament Affairs, servicing the Committee' },
    OBSERVER: { description: 'May read, not write' },
  },
});
