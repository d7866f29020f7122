import { registerEnumType } from 'type-graphql';
import { Language } from './localized';

// Registered in the GraphQL layer so that localized.ts (used by models) stays free of type-graphql.
// GraphQL types and resolvers import the enum from here, so the registration runs before the
// schema is built.
registerEnumType(Language, { name: 'Language', description: 'Interface language of a text' });

export { Language };
