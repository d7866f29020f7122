import { registerEnumType } from 'type-graphql';
import { MeetingKind } from './meeting-kind';

// Registered in the GraphQL layer so that meeting-kind.ts (used by the model and services) stays
// free of type-graphql. GraphQL types and inputs import the enum from here, so the registration
// runs before the schema is built.
registerEnumType(MeetingKind, { name: 'MeetingKind' });

export { MeetingKind };
