import * as Y from 'yjs';
import { paragraphUpdate } from './editors';
import { buildDraft } from './factories';
import type { TestPlatform } from './test-platform';

const APPLY =
  'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }';
const VERSION =
  'mutation($d: ID!, $l: String) { createDraftVersion(draftId: $d, label: $l) { number } }';

/**
 * A draft of group 1 whose version 1 holds the paragraphs `before` and whose live text goes on
 * with `after`, written by `token` (one who may edit it and make versions: the Chair); the
 * version is labelled `label`.
 */
export async function draftWithVersion(
  t: TestPlatform,
  token: string,
  before: string[],
  after: string[] = [],
  label = 'For consultation',
): Promise<string> {
  const id = await buildDraft(1);
  const doc = new Y.Doc();
  const write = async (text: string) => {
    const res = await t.gql(
      APPLY,
      { d: id, u: Buffer.from(paragraphUpdate(doc, text)).toString('base64') },
      token,
    );
    if (res.errors) throw new Error(`could not write the draft: ${JSON.stringify(res.errors)}`);
  };
  for (const text of before) await write(text);
  const version = await t.gql<{ createDraftVersion: { number: number } }>(
    VERSION,
    { d: id, l: label },
    token,
  );
  if (version.data?.createDraftVersion.number !== 1)
    throw new Error(`could not make version 1: ${JSON.stringify(version.errors)}`);
  for (const text of after) await write(text);
  return id;
}
