import { registerEnumType } from 'type-graphql';

/** What a top-level block of the consulted text is. */
export enum ConsultationBlockKind {
  HEADING = 'HEADING',
  PARAGRAPH = 'PARAGRAPH',
  LIST = 'LIST',
}

registerEnumType(ConsultationBlockKind, {
  name: 'ConsultationBlockKind',
  description: 'What a top-level block of the consulted text is',
});
