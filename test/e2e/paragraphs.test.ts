import { Types } from 'mongoose';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { ParagraphStateModel } from '../../server/modules/paragraphs/paragraph.model';
import { ParagraphStatus } from '../../server/modules/paragraphs/paragraph-status';
import { expectNoAxeViolations } from '../helpers/axe';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { editorParagraphs, openEditableDraft, waitFor } from '../helpers/editor-page';
import { connectEditor } from '../helpers/editors';
import { draftOf } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

const READ = 'query($d: ID!) { draft(id: $d) { text seq state } }';
const PARAGRAPHS = 'query($d: ID!) { draft(id: $d) { paragraphs { id number status } } }';

/** The `pid` of each top-level block of a stored state. */
function pidsOf(state: string): (string | null)[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(state, 'base64'));
  return doc
    .getXmlFragment('default')
    .toArray()
    .map((b) => ((b as Y.XmlElement).getAttribute('pid') as string | undefined) ?? null);
}

describe('agreed paragraphs in the browser', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  let chairToken: string;
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, locale = 'en-GB') => {
    const session = await signedIn(b.browser, t.url, email, TEST_PASSWORD, { locale });
    contexts.push(session.context);
    return session;
  };
  const stored = async (draftId: string) =>
    (
      await t.gql<{ draft: { text: string; seq: number; state: string } }>(
        READ,
        { d: draftId },
        chairToken,
      )
    ).data!.draft;
  const openDraft = async (page: Page, draftId: string) => {
    await openEditableDraft(page, draftId);
    await page.locator('.paragraph-panel').waitFor();
  };
  const paragraph = (page: Page, n: number) => page.locator('.draft-text > p').nth(n - 1);

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
    chairToken = await t.login('chair@committee.test');
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it('the coordinator agrees a paragraph; a delegate’s editor shows it locked and cannot type in it, in English and French', async () => {
    const draftId = await draftOf(1);
    const coordinator = await open('coordinator@committee.test');
    await openDraft(coordinator.page, draftId);
    await coordinator.page.locator('.draft-text').click();
    await coordinator.page.keyboard.type('First paragraph, open to change.');
    await coordinator.page.keyboard.press('Enter');
    await coordinator.page.keyboard.type('Second paragraph, about to be agreed.');
    await coordinator.page.keyboard.press('Enter');
    await coordinator.page.keyboard.type('Third paragraph, agreed ad referendum.');
    await coordinator.page.locator('.sync-saved').waitFor();
    // The coordinator's own edits gave each block a short random id.
    const written = await waitFor(
      () => stored(draftId),
      (d) => d.text.split('\n').length === 3 && pidsOf(d.state).every((p) => p !== null),
    );
    const pids = pidsOf(written.state);
    expect(new Set(pids).size).toBe(3);
    for (const pid of pids) expect(pid).toMatch(/^[A-Za-z0-9]{10}$/);

    // A delegate opening the draft does not edit it.
    const delegate = await open('delegate@committee.test');
    await openDraft(delegate.page, draftId);
    await delegate.page.locator('.paragraph-panel li').nth(2).waitFor();
    await new Promise((r) => setTimeout(r, 1000));
    expect((await stored(draftId)).seq).toBe(written.seq);
    // Nor does a status menu show for them.
    expect(await delegate.page.locator('.paragraph-panel form').count()).toBe(0);

    // The coordinator agrees paragraph 2 from the panel, and paragraph 3 ad referendum.
    await coordinator.page.locator('.paragraph-panel li').nth(2).waitFor();
    const second = coordinator.page.getByRole('form', { name: 'Status of paragraph 2' });
    await second.getByLabel('Status of paragraph 2').selectOption('AGREED');
    await second.getByRole('button', { name: 'Set' }).click();
    const third = coordinator.page.getByRole('form', { name: 'Status of paragraph 3' });
    await third.getByLabel('Status of paragraph 3').selectOption('AGREED_AD_REF');
    await third.getByLabel('Confirm by').fill('2099-12-15');
    await third.getByRole('button', { name: 'Set' }).click();
    await waitFor(
      async () =>
        (await t.gql(PARAGRAPHS, { d: draftId }, chairToken)).data!.draft.paragraphs.map(
          (p: { status: string }) => p.status,
        ),
      (s) => s.join() === 'OPEN,AGREED,AGREED_AD_REF',
    );

    // The delegate's editor follows live: paragraphs 2 and 3 locked, with their status.
    await paragraph(delegate.page, 2).and(delegate.page.locator('.para-locked')).waitFor();
    await paragraph(delegate.page, 3).and(delegate.page.locator('.para-locked')).waitFor();
    expect(await paragraph(delegate.page, 2).getAttribute('data-status-label')).toBe(
      'Agreed · locked',
    );
    expect(await paragraph(delegate.page, 3).getAttribute('data-status-label')).toBe(
      'Agreed ad ref. · confirm by 15 December 2099 · locked',
    );
    expect(await paragraph(delegate.page, 2).getAttribute('contenteditable')).toBe('false');
    // The coordinator sees the statuses, not the lock.
    await paragraph(coordinator.page, 2).and(coordinator.page.locator('.para-agreed')).waitFor();
    expect(await coordinator.page.locator('.para-locked').count()).toBe(0);

    // Typing into the agreed paragraph changes nothing, there or at the server.
    const before = await stored(draftId);
    await paragraph(delegate.page, 2).click();
    await delegate.page.keyboard.type('Sneaked in');
    await delegate.page.keyboard.press('Backspace');
    await paragraph(delegate.page, 3).click({ position: { x: 5, y: 5 } });
    await delegate.page.keyboard.press('Backspace');
    await delegate.page.keyboard.type('Also refused');
    expect((await editorParagraphs(delegate.page)).slice(1)).toEqual([
      'Second paragraph, about to be agreed.',
      'Third paragraph, agreed ad referendum.',
    ]);
    // Paragraph 1 is open: the delegate's edit there is taken.
    await paragraph(delegate.page, 1).click();
    await delegate.page.keyboard.press('End');
    await delegate.page.keyboard.type(' Amended.');
    await waitFor(
      () => stored(draftId),
      (d) => d.text.startsWith('First paragraph, open to change. Amended.'),
    );
    expect((await stored(draftId)).text.split('\n').slice(1)).toEqual(
      before.text.split('\n').slice(1),
    );
    await expectNoAxeViolations(delegate.page, 'a draft with agreed paragraphs, for a delegate');
    await expectNoAxeViolations(
      coordinator.page,
      'a draft with agreed paragraphs, for the coordinator',
    );
    await screenshot(delegate.page, 'paragraphs-delegate-en');
    await screenshot(coordinator.page, 'paragraphs-coordinator-en');

    // The same in French.
    const delegateFr = await open('delegate@committee.test', 'fr-FR');
    await openDraft(delegateFr.page, draftId);
    await paragraph(delegateFr.page, 2).and(delegateFr.page.locator('.para-locked')).waitFor();
    expect(await paragraph(delegateFr.page, 2).getAttribute('data-status-label')).toBe(
      'Convenu · verrouillé',
    );
    expect(await paragraph(delegateFr.page, 3).getAttribute('data-status-label')).toBe(
      'Convenu ad réf. · à confirmer d’ici le 15 décembre 2099 · verrouillé',
    );
    await paragraph(delegateFr.page, 2).click();
    await delegateFr.page.keyboard.type('Glissé ici');
    expect((await editorParagraphs(delegateFr.page))[1]).toBe(
      'Second paragraph, about to be agreed.',
    );
    expect(await delegateFr.page.locator('.paragraph-panel h2').innerText()).toBe('Paragraphes');
    await expectNoAxeViolations(delegateFr.page, 'paragraphes convenus, pour un délégué');
    await screenshot(delegateFr.page, 'paragraphs-delegate-fr');
    const coordinatorFr = await open('coordinator@committee.test', 'fr-FR');
    await openDraft(coordinatorFr.page, draftId);
    await coordinatorFr.page.getByRole('form', { name: 'Statut du paragraphe 2' }).waitFor();
    await expectNoAxeViolations(coordinatorFr.page, 'paragraphes convenus, pour le coordonnateur');
    await screenshot(coordinatorFr.page, 'paragraphs-coordinator-fr');

    // Reopened: the delegate's editor unlocks it.
    const reopen = coordinator.page.getByRole('form', { name: 'Status of paragraph 2' });
    await reopen.getByLabel('Status of paragraph 2').selectOption('OPEN');
    await reopen.getByRole('button', { name: 'Set' }).click();
    await waitFor(
      () => paragraph(delegate.page, 2).getAttribute('contenteditable'),
      (v) => v !== 'false',
    );
    expect(await delegate.page.locator('.para-locked').count()).toBe(1);
  });

  it('an edit the server refuses as locked (its editor did not know yet) is dropped: the editor starts again from the stored text and says why', async () => {
    const draftId = await draftOf(2);
    const writer = connectEditor(t.url, chairToken, draftId);
    await writer.provider.whenSynced();
    const fragment = writer.doc.getXmlFragment('default');
    for (const [pid, text] of [
      ['race-one', 'First, open.'],
      ['race-two', 'Second, agreed behind the editor’s back.'],
    ]) {
      const p = new Y.XmlElement('paragraph');
      p.setAttribute('pid', pid);
      p.insert(0, [new Y.XmlText(text)]);
      fragment.push([p]);
    }
    await writer.provider.whenAcknowledged();
    await writer.close();
    const delegate = await open('delegate@committee.test');
    await openDraft(delegate.page, draftId);
    await delegate.page.locator('.paragraph-panel li').nth(1).waitFor();
    // Agreed without telling anyone (no event): neither the page nor the server's lock list know,
    // until the server reads its list again (at most 10 s).
    await ParagraphStateModel.create({
      draftId: new Types.ObjectId(draftId),
      paragraphId: 'race-two',
      status: ParagraphStatus.AGREED,
      setById: new Types.ObjectId(),
      setAt: new Date(),
    });
    await new Promise((r) => setTimeout(r, 11_000));
    const before = await stored(draftId);
    await paragraph(delegate.page, 2).click();
    await delegate.page.keyboard.press('End');
    await delegate.page.keyboard.type(' Too late.');
    const alert = delegate.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/An edit was refused: Paragraph 2 has been agreed/);
    await waitFor(
      () => editorParagraphs(delegate.page),
      (p) => p[1] === 'Second, agreed behind the editor’s back.',
    );
    expect((await stored(draftId)).text).toBe(before.text);
    await delegate.page.locator('.draft-text[contenteditable=true]').waitFor();
    // The editor that starts again reads the statuses: the paragraph shows locked now.
    await paragraph(delegate.page, 2).and(delegate.page.locator('.para-locked')).waitFor();
    await delegate.page.locator('.paragraph-panel li').nth(1).waitFor();
    await screenshot(delegate.page, 'paragraphs-refused-en');
  });

  it('shows paragraphs agreed out of all on the dashboard, live', async () => {
    const draftId = await draftOf(1);
    const chair = await open('chair@committee.test');
    const card = chair.page.locator(`.draft-card[data-draft-id="${draftId}"] .paragraphs-agreed`);
    await card.waitFor();
    const before = await card.innerText();
    const paragraphs = (await t.gql(PARAGRAPHS, { d: draftId }, chairToken)).data!.draft
      .paragraphs as { id: string; status: string }[];
    const open1 = paragraphs.find((p) => p.status === 'OPEN');
    expect(open1).toBeDefined();
    await t.gql(
      'mutation($d: ID!, $p: ID!) { setParagraphStatus(draftId: $d, paragraphId: $p, status: AGREED) { id } }',
      { d: draftId, p: open1!.id },
      chairToken,
    );
    await waitFor(
      () => card.innerText(),
      (text) => text !== before && /2 of 3 agreed/.test(text),
    );
    expect(await card.innerText()).toMatch(/1 ad ref\. awaiting confirmation/);
    await screenshot(chair.page, 'paragraphs-dashboard-en');
    const chairFr = await open('chair@committee.test', 'fr-FR');
    const cardFr = chairFr.page.locator(
      `.draft-card[data-draft-id="${draftId}"] .paragraphs-agreed`,
    );
    await waitFor(
      () => cardFr.innerText(),
      (text) => /2 sur 3 convenus/.test(text) && /1 ad réf\. en attente/.test(text),
    );
    await expectNoAxeViolations(chairFr.page, 'le tableau de bord');
    await screenshot(chairFr.page, 'paragraphs-dashboard-fr');
  });
});
