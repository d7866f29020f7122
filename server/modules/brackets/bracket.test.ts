import mongoose from 'mongoose';
import * as Y from 'yjs';
import { connectEditor, Editor, until } from '../../../test/helpers/editors';
import { buildDraft } from '../../../test/helpers/factories';
import {
  startTestPlatform,
  TEST_PASSWORD,
  TestPlatform,
} from '../../../test/helpers/test-platform';
import { CONTENT_FIELD, PARAGRAPH_ID_ATTR } from '../../core/document-blocks';
import { DraftDecisionModel } from '../decisions/decision.model';
import { DecisionKind } from '../decisions/decision-kind';
import { UserModel } from '../users/user.model';

const BRACKETS = `query($d: ID!) { draft(id: $d) {
  text openBrackets can { decideBrackets }
  brackets { id text alternatives paragraphId paragraphNumber by { name delegation { name } } }
} }`;
const LIFT = `mutation($d: ID!, $b: ID!) { liftBracket(draftId: $d, bracketId: $b) { id openBrackets } }`;
const CHOOSE = `mutation($d: ID!, $b: ID!, $o: Int!) {
  chooseAlternative(draftId: $d, bracketId: $b, option: $o) { id openBrackets }
}`;

interface BracketView {
  id: string;
  text: string;
  alternatives: string[];
  paragraphId: string | null;
  paragraphNumber: number | null;
  by: { name: string; delegation: { name: string } | null } | null;
}

/** A paragraph with a lasting id, as the editor gives it. */
function addBlock(doc: Y.Doc, pid: string, text: string): Y.XmlText {
  const p = new Y.XmlElement('paragraph');
  p.setAttribute(PARAGRAPH_ID_ATTR, pid);
  const t = new Y.XmlText(text);
  p.insert(0, [t]);
  doc.getXmlFragment(CONTENT_FIELD).push([p]);
  return t;
}

/** Brackets `passage` of a text node as the editor's mark does (y-prosemirror's attribute). */
function bracket(t: Y.XmlText, passage: string, id: string, alternatives: string[] = []): void {
  const at = t.toString().indexOf(passage);
  if (at < 0) throw new Error(`"${passage}" is not in "${t.toString()}"`);
  t.format(at, passage.length, { bracket: { id, alternatives } });
}

const plain = (doc: Y.Doc) =>
  doc
    .getXmlFragment(CONTENT_FIELD)
    .toArray()
    .map((p) =>
      (p as Y.XmlElement)
        .toArray()
        .map((t) =>
          (t as Y.XmlText)
            .toDelta()
            .map((op: { insert: unknown }) => op.insert)
            .join(''),
        )
        .join(''),
    )
    .join('\n');

describe('brackets: read from the text, counted, lifted and decided by those who manage the draft', () => {
  let t: TestPlatform;
  let chair: string;
  let coordinator: string;
  let delegate: string;
  let secretariat: string;
  let delegateId: string;
  let coordinatorId: string;
  const editors: Editor[] = [];
  const open = (token: string, draftId: string) => {
    const e = connectEditor(t.url, token, draftId);
    editors.push(e);
    return e;
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    [chair, coordinator, delegate, secretariat] = await Promise.all(
      ['chair', 'coordinator', 'delegate', 'secretariat'].map((k) =>
        t.login(`${k}@committee.test`, TEST_PASSWORD),
      ),
    );
    const ids = await UserModel.find({
      email: mongoose.trusted({ $in: ['delegate@committee.test', 'coordinator@committee.test'] }),
    }).lean();
    delegateId = ids.find((u) => u.email === 'delegate@committee.test')!._id.toHexString();
    coordinatorId = ids.find((u) => u.email === 'coordinator@committee.test')!._id.toHexString();
  });
  afterAll(async () => {
    await Promise.all(editors.map((e) => e.close()));
    await t.stop();
  });

  const read = async (draftId: string, token = chair) => {
    const res = await t.gql<{
      draft: {
        text: string;
        openBrackets: number;
        can: { decideBrackets: boolean };
        brackets: BracketView[];
      };
    }>(BRACKETS, { d: draftId }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.draft;
  };

  /** A draft of group 1 whose text a delegate of France has bracketed twice. */
  async function bracketedDraft() {
    const draftId = await buildDraft(1);
    const e = open(delegate, draftId);
    await e.provider.whenSynced();
    const first = addBlock(e.doc, 'p-one', 'The Committee welcomes the report of the Panel.');
    addBlock(e.doc, 'p-two', 'It requests a briefing every six months.');
    const second = (e.doc.getXmlFragment(CONTENT_FIELD).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const a = `${delegateId}:aaaaaaaa01`;
    const b = `${delegateId}:bbbbbbbb02`;
    bracket(first, 'welcomes', a, ['takes note of', 'notes']);
    bracket(second, 'every six months', b);
    await e.provider.whenAcknowledged();
    return { draftId, editor: e, a, b };
  }

  it('lists each bracket with its options, paragraph and who bracketed it, and counts them per draft', async () => {
    const { draftId, a, b } = await bracketedDraft();
    const draft = await read(draftId);
    expect(draft.brackets).toEqual([
      {
        id: a,
        text: 'welcomes',
        alternatives: ['takes note of', 'notes'],
        paragraphId: 'p-one',
        paragraphNumber: 1,
        by: { name: 'Delegate (demo, France)', delegation: { name: 'France' } },
      },
      {
        id: b,
        text: 'every six months',
        alternatives: [],
        paragraphId: 'p-two',
        paragraphNumber: 2,
        by: { name: 'Delegate (demo, France)', delegation: { name: 'France' } },
      },
    ]);
    // The summary a dashboard reads is written with the text's length, within seconds.
    await until(async () => (await read(draftId)).openBrackets === 2, 15_000, 'the count of 2');
  });

  it('lets the coordinator choose an alternative: the passage becomes it, exactly, for every editor', async () => {
    const { draftId, editor, a } = await bracketedDraft();
    const res = await t.gql(CHOOSE, { d: draftId, b: a, o: 2 }, coordinator);
    expect(res.errors).toBeUndefined();
    expect(res.data!.chooseAlternative.openBrackets).toBe(1);
    const after = await read(draftId);
    expect(after.text).toBe(
      'The Committee notes the report of the Panel.\nIt requests a briefing every six months.',
    );
    expect(after.brackets.map((x) => x.id)).not.toContain(a);
    await until(() => plain(editor.doc) === after.text);
    const decision = await DraftDecisionModel.findOne({
      draftId: new mongoose.Types.ObjectId(draftId),
      subjectId: a,
    }).lean();
    expect(decision).toMatchObject({
      kind: DecisionKind.ALTERNATIVE_CHOSEN,
      paragraphId: 'p-one',
      paragraphNumber: 1,
      text: 'welcomes',
      detail: 'notes',
    });
    expect(decision!.byId.toHexString()).toBe(coordinatorId);
  });

  it('lets one of two decisions taken at once on a bracket through, never both', async () => {
    const { draftId, a } = await bracketedDraft();
    const results = await Promise.all([
      t.gql(CHOOSE, { d: draftId, b: a, o: 1 }, coordinator),
      t.gql(CHOOSE, { d: draftId, b: a, o: 2 }, chair),
      t.gql(CHOOSE, { d: draftId, b: a, o: 1 }, chair),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual([
      'NOT_FOUND',
      'NOT_FOUND',
    ]);
    const { text } = await read(draftId);
    // One option in the passage, once: "The Committee <option> the report…".
    expect(text.split('\n')[0]).toMatch(
      /^The Committee (notes|takes note of) the report of the Panel\.$/,
    );
    expect(
      await DraftDecisionModel.countDocuments({
        draftId: new mongoose.Types.ObjectId(draftId),
        subjectId: a,
      }),
    ).toBe(1);
  });

  it('keeps the text when a bracket is lifted or option A is chosen, and only the brackets go', async () => {
    const { draftId, editor, a, b } = await bracketedDraft();
    const before = (await read(draftId)).text;
    expect((await t.gql(LIFT, { d: draftId, b }, chair)).errors).toBeUndefined();
    expect((await t.gql(CHOOSE, { d: draftId, b: a, o: 0 }, chair)).errors).toBeUndefined();
    const after = await read(draftId);
    expect(after.text).toBe(before);
    expect(after.brackets).toEqual([]);
    expect(after.openBrackets).toBe(0);
    await until(() =>
      editor.doc
        .getXmlFragment(CONTENT_FIELD)
        .toArray()
        .every((p) =>
          ((p as Y.XmlElement).get(0) as Y.XmlText)
            .toDelta()
            .every((op: { attributes?: object }) => !op.attributes),
        ),
    );
    const kinds = (
      await DraftDecisionModel.find({
        draftId: new mongoose.Types.ObjectId(draftId),
        subjectId: mongoose.trusted({ $in: [a, b] }),
      }).lean()
    ).map((d) => d.kind);
    expect(kinds.sort()).toEqual([DecisionKind.ALTERNATIVE_CHOSEN, DecisionKind.BRACKET_LIFTED]);
  });

  it('refuses a delegate (who may bracket, not decide), and says so in `can`', async () => {
    const { draftId, a } = await bracketedDraft();
    expect((await read(draftId, delegate)).can.decideBrackets).toBe(false);
    expect((await read(draftId, coordinator)).can.decideBrackets).toBe(true);
    for (const res of [
      await t.gql(LIFT, { d: draftId, b: a }, delegate),
      await t.gql(CHOOSE, { d: draftId, b: a, o: 1 }, delegate),
    ])
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await read(draftId)).brackets).toHaveLength(2);
  });

  it('treats runs cut by bold as one bracket: lifting keeps the bold, choosing replaces every run', async () => {
    const draftId = await buildDraft(1);
    const e = open(delegate, draftId);
    await e.provider.whenSynced();
    const one = addBlock(e.doc, 'p-bold', 'Member States ');
    const two = addBlock(e.doc, 'p-again', 'Member States ');
    const mark = (id: string) => ({ bracket: { id, alternatives: ['may'] } });
    const a = `${delegateId}:cutbybold1`;
    const b = `${delegateId}:cutbybold2`;
    one.insert(one.length, 'shall', mark(a));
    one.insert(one.length, ' urgently', { ...mark(a), bold: true });
    one.insert(one.length, ' report.', {});
    two.insert(two.length, 'shall', mark(b));
    two.insert(two.length, ' urgently', { ...mark(b), bold: true });
    two.insert(two.length, ' report.', {});
    await e.provider.whenAcknowledged();
    const listed = (await read(draftId)).brackets;
    expect(listed.map((x) => [x.id, x.text])).toEqual([
      [a, 'shall urgently'],
      [b, 'shall urgently'],
    ]);

    expect((await t.gql(LIFT, { d: draftId, b: a }, secretariat)).errors).toBeUndefined();
    expect((await t.gql(CHOOSE, { d: draftId, b, o: 1 }, secretariat)).errors).toBeUndefined();
    const after = await read(draftId);
    expect(after.text).toBe('Member States shall urgently report.\nMember States may report.');
    const deltas = () =>
      e.doc
        .getXmlFragment(CONTENT_FIELD)
        .toArray()
        .map((p) => ((p as Y.XmlElement).get(0) as Y.XmlText).toDelta());
    await until(() => plain(e.doc) === after.text);
    expect(deltas()).toEqual([
      [
        { insert: 'Member States shall' },
        { insert: ' urgently', attributes: { bold: true } },
        { insert: ' report.' },
      ],
      [{ insert: 'Member States may report.' }],
    ]);
  });

  it('tells a manager that an adopted draft is locked', async () => {
    const { draftId, a } = await bracketedDraft();
    const adopt = await t.gql(
      'mutation($d: ID!) { setDraftStatus(id: $d, status: ADOPTED) { status } }',
      { d: draftId },
      chair,
    );
    expect(adopt.errors).toBeUndefined();
    expect((await read(draftId)).can.decideBrackets).toBe(false);
    const res = await t.gql(LIFT, { d: draftId, b: a }, chair);
    expect(res.errors?.[0].extensions?.code).toBe('DRAFT_LOCKED');
    expect((await read(draftId)).brackets).toHaveLength(2);
  });

  it('validates its input and changes nothing on a refusal', async () => {
    const { draftId, a } = await bracketedDraft();
    // Once the summary has counted them, nothing below may change the text or the count.
    await until(async () => (await read(draftId)).openBrackets === 2, 15_000, 'the count of 2');
    const before = await read(draftId);
    const cases: [string, Record<string, unknown>, string, string][] = [
      [LIFT, { d: draftId, b: 'nonsense' }, 'BAD_USER_INPUT', 'bracketId'],
      [LIFT, { d: 'nonsense', b: a }, 'BAD_USER_INPUT', 'draftId'],
      [LIFT, { d: draftId, b: `${delegateId}:unknown0000` }, 'NOT_FOUND', 'bracketId'],
      [CHOOSE, { d: draftId, b: a, o: 3 }, 'BAD_USER_INPUT', 'option'],
      [CHOOSE, { d: draftId, b: a, o: -1 }, 'BAD_USER_INPUT', 'option'],
    ];
    for (const [query, vars, code, field] of cases) {
      const res = await t.gql(query, vars, chair);
      expect({
        code: res.errors?.[0].extensions?.code,
        field: res.errors?.[0].extensions?.field,
      }).toEqual({
        code,
        field,
      });
    }
    expect(await read(draftId)).toEqual(before);
  });
});
