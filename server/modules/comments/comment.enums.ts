import { registerEnumType } from 'type-graphql';
import { CommentTargetType } from './comment.model';

// Registered in the GraphQL layer so that the comment model stays free of type-graphql. GraphQL
// types and resolvers import the enum from here, so the registration runs before the schema is
// built.
registerEnumType(CommentTargetType, { name: 'CommentTargetType' });

export { CommentTargetType };
