import { registerEnumType } from 'type-graphql';
import { ChangeKind } from './compare';

// Registered in the GraphQL layer, so that the comparison (compare.ts) stays free of type-graphql.
registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  valuesConfig: {
    INSERTED: { description: 'In `to`, not in `from`' },
    DELETED: { description: 'In `from`, not in `to`' },
    UNCHANGED: { description: 'In both' },
  },
});

export { ChangeKind };
