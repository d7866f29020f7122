import { Types } from 'mongoose';
import { type CommentDoc, CommentTargetType } from '../modules/comments/comment.model';
import type { DraftDoc } from '../modules/drafts/draft.model';
import { DraftStatus } from '../modules/drafts/draft-status';
import { DomainEvents } from '../modules/shared/domain-events';
import { createInProcessPubSub } from '../pubsub/in-process';
import { ALL, Topic } from '../pubsub/topics';
import { startProcessors } from './processors';

const draft = {
  _id: new Types.ObjectId(),
  workingGroupId: new Types.ObjectId(),
  status: DraftStatus.ADOPTED,
} as DraftDoc;
const by = new Types.ObjectId();

function setUp(before: (events: DomainEvents) => void = () => {}) {
  const events = new DomainEvents();
  before(events);
  const pubSub = createInProcessPubSub();
  const gate: DraftDoc[] = [];
  const stop = startProcessors(events, {
    pubSub,
    // The adoption's version is frozen from the stored text, which these tests never give.
    collab: {
      statusChanged: (d) => gate.push(d),
      paragraphStatusChanged: () => {},
      loadState: () => new Promise(() => {}),
    },
  });
  const heard = (topic: Topic, id: string) => {
    const got: unknown[] = [];
    pubSub.listen(topic, id, (p) => got.push(p));
    return got;
  };
  return { events, gate, stop, heard };
}

describe('domain event processors', () => {
  it('a status change reaches the edit gate, the status topics and the dashboards', () => {
    const { events, gate, heard } = setUp();
    const byDraft = heard(Topic.DraftStatusChanged, draft._id.toHexString());
    const byGroup = heard(Topic.DraftStatusChanged, draft.workingGroupId.toHexString());
    const dashboards = heard(Topic.DraftChanged, ALL);
    events.emit('draft.statusChanged', {
      draft,
      byId: by,
      from: DraftStatus.AGREED,
      to: DraftStatus.ADOPTED,
    });
    expect(gate).toEqual([draft]);
    expect(byDraft).toEqual([draft]);
    expect(byGroup).toEqual([draft]);
    expect(dashboards).toEqual([{ draftId: draft._id.toHexString() }]);
  });

  it('renames, deadlines and new drafts reach the dashboards', () => {
    const { events, heard } = setUp();
    const dashboards = heard(Topic.DraftChanged, draft._id.toHexString());
    events.emit('draft.created', { draft, byId: by });
    events.emit('draft.updated', { draft, byId: by, changed: ['title'] });
    events.emit('draft.updated', { draft, byId: by, changed: ['deadline'] });
    expect(dashboards).toHaveLength(3);
  });

  it('a comment on an agenda item reaches its thread but no dashboard', () => {
    const { events, heard } = setUp();
    const itemId = new Types.ObjectId();
    const thread = heard(Topic.CommentAdded, itemId.toHexString());
    const dashboards = heard(Topic.DraftChanged, ALL);
    const comment = {
      _id: new Types.ObjectId(),
      targetType: CommentTargetType.AGENDA_ITEM,
      targetId: itemId,
    } as CommentDoc;
    events.emit('comment.added', { comment });
    expect(thread).toEqual([comment]);
    expect(dashboards).toEqual([]);
  });

  it('a processor that fails does not stop the ones after it, nor the emitter', () => {
    const { events, heard } = setUp((bus) =>
      bus.on('draft.created', () => {
        throw new Error('broken processor');
      }),
    );
    const dashboards = heard(Topic.DraftChanged, ALL);
    expect(() => events.emit('draft.created', { draft, byId: by })).not.toThrow();
    expect(dashboards).toHaveLength(1);
  });

  it('stops every processor at once', () => {
    const { events, stop } = setUp();
    expect(events.listenerCount('draft.statusChanged')).toBeGreaterThan(0);
    stop();
    expect(events.listenerCount('draft.statusChanged')).toBe(0);
    expect(events.listenerCount('comment.added')).toBe(0);
  });
});
