import { registerEnumType } from 'type-graphql';
import { Role } from './role';

// Registered in the GraphQL layer so that the roles (core, models, policies) stay free of
// type-graphql. GraphQL types and resolvers import the enum from here, so the registration runs
// before the schema is built.
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
    MEMBER_STATE: {
      description:
        'Guest of an open consultation: for now signs in and reads their own account, nothing else',
    },
  },
});

export { Role };
