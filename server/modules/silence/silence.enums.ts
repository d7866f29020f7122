import { registerEnumType } from 'type-graphql';
import { SilenceState } from './silence-state';

registerEnumType(SilenceState, {
  name: 'SilenceState',
  description: 'Where a silence procedure stands',
  valuesConfig: {
    UNDER_SILENCE: { description: 'Circulated; adopted at the deadline unless silence is broken' },
    BROKEN: { description: 'A delegation broke silence: the draft is negotiated again' },
    ADOPTED: { description: 'Adopted at the deadline, nobody having broken silence' },
    WITHDRAWN: { description: 'Withdrawn by the Chair before the deadline' },
  },
});

export { SilenceState };
