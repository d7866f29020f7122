import { DraftModel } from '../../server/modules/drafts/draft.model';
import { DraftStatus } from '../../server/modules/drafts/draft-status';
import { expectNoAxeViolations } from '../helpers/axe';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { editorText, openEditableDraft, typeAtEnd, waitFor } from '../helpers/editor-page';
import { draftOf } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

const READ = 'query($d: ID!) { draft(id: $d) { status text seq } }';

// Read in the page (these tests are compiled without the DOM's types).
const FOCUSED = 'document.activeElement ? document.activeElement.textContent : null';
const FOCUS_IN_DIALOG =
  "document.activeElement ? document.activeElement.closest('dialog') !== null : false";

describe('adopting a draft freezes its text in every open editor', () => {
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
      await t.gql<{ draft: { status: string; text: string; seq: number } }>(
        READ,
        { d: draftId },
        chairToken,
      )
    ).data!.draft;

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
    chairToken = await t.login('chair@committee.test');
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it('asks the Chair to confirm, then turns the delegate’s editor read-only at once, and editable again once reopened', async () => {
    const draftId = await draftOf(1);
    const delegate = await open('delegate@committee.test');
    await openEditableDraft(delegate.page, draftId);
    await typeAtEnd(delegate.page, 'Text as agreed by the working group.');
    await delegate.page.locator('.sync-saved').waitFor();
    const before = await stored(draftId);
    expect(before.text).toBe('Text as agreed by the working group.');
    // Gone if the page reloads.
    await delegate.page.evaluate('window.__sameDocument = true');

    const chair = await open('chair@committee.test');
    await openEditableDraft(chair.page, draftId);
    const status = chair.page.getByLabel('Change status');
    const dialog = chair.page.getByRole('alertdialog', { name: 'Adopt this draft?' });

    // Escape cancels: nothing changes.
    await status.selectOption('ADOPTED');
    await dialog.waitFor();
    expect(await chair.page.evaluate(FOCUSED)).toBe('Cancel');
    await chair.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await status.inputValue()).toBe('DRAFTING');
    expect((await stored(draftId)).status).toBe('DRAFTING');

    await status.selectOption('ADOPTED');
    await dialog.waitFor();
    expect(await chair.page.evaluate(FOCUS_IN_DIALOG)).toBe(true);
    expect(await dialog.innerText()).toContain('Adopting freezes the text');
    await expectNoAxeViolations(chair.page, 'the draft page with the adoption dialog open');
    await screenshot(chair.page, 'adoption-dialog-en');
    await dialog.getByRole('button', { name: 'Adopt the draft' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitFor(
      () => stored(draftId),
      (d) => d.status === 'ADOPTED',
    );

    // The delegate's page follows without a reload: banner, editor read-only, no toolbar.
    const banner = delegate.page.locator('.banner-adopted');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.innerText()).toMatch(
      /^Adopted on \d{1,2} \w+ \d{4}: the text is final and can no longer be edited\.$/,
    );
    await delegate.page.locator('.draft-text[contenteditable=false]').waitFor();
    expect(await delegate.page.locator('.toolbar').count()).toBe(0);
    expect(await delegate.page.evaluate('window.__sameDocument')).toBe(true);
    // The Chair's own editor is frozen too.
    await chair.page.locator('.banner-adopted').waitFor();
    await chair.page.locator('.draft-text[contenteditable=false]').waitFor();

    await typeAtEnd(delegate.page, ' Amended after adoption.');
    expect(await editorText(delegate.page)).toBe(before.text);
    expect(await stored(draftId)).toEqual({
      status: 'ADOPTED',
      text: before.text,
      seq: before.seq,
    });
    await expectNoAxeViolations(delegate.page, 'an adopted draft');
    await screenshot(delegate.page, 'adoption-banner-en');

    // Reopened by the Chair: editable again, and what was typed while frozen never reaches the
    // server (an edit held back by the page would be sent now).
    await status.selectOption('DRAFTING');
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    await delegate.page.locator('.draft-text[contenteditable=true]').waitFor();
    await typeAtEnd(delegate.page, ' Amended after reopening.');
    await delegate.page.locator('.sync-saved').waitFor();
    await waitFor(
      () => stored(draftId),
      (d) => d.text === 'Text as agreed by the working group. Amended after reopening.',
    );
    expect(await chair.page.locator('.draft-text[contenteditable=true]').count()).toBe(1);
  }, 120_000);

  it('shows the dialog and the banner in French', async () => {
    const draftId = await draftOf(2);
    const delegate = await open('delegate@committee.test', 'fr-FR');
    await openEditableDraft(delegate.page, draftId);
    await typeAtEnd(delegate.page, 'Le Comité encourage les États à demander une assistance.');
    await delegate.page.locator('.sync-saved').waitFor();
    const chair = await open('chair@committee.test', 'fr-FR');
    await openEditableDraft(chair.page, draftId);
    await chair.page.getByLabel('Changer le statut').selectOption('ADOPTED');
    const dialog = chair.page.getByRole('alertdialog', { name: 'Adopter ce projet ?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('L’adoption fige le texte');
    await screenshot(chair.page, 'adoption-dialog-fr');
    await dialog.getByRole('button', { name: 'Adopter le projet' }).click();
    const banner = delegate.page.locator('.banner-adopted');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.innerText()).toMatch(
      /^Adopté le \d{1,2} \S+ \d{4} : le texte est définitif et ne peut plus être modifié\.$/,
    );
    await delegate.page.locator('.draft-text[contenteditable=false]').waitFor();
    await screenshot(delegate.page, 'adoption-banner-fr');
  }, 120_000);

  it('shows the banner, not an error, when the server refuses an edit before the page heard of the adoption', async () => {
    const draftId = await draftOf(3);
    // The Chair may edit any draft.
    const author = await open('chair@committee.test');
    await openEditableDraft(author.page, draftId);
    await typeAtEnd(author.page, 'Agreed text.');
    await author.page.locator('.sync-saved').waitFor();
    const before = await stored(draftId);

    // Adopted behind the page's back: the server's edit check learns it, no status event is sent.
    const adopted = await DraftModel.findByIdAndUpdate(
      draftId,
      { $set: { status: DraftStatus.ADOPTED, statusChangedAt: new Date() } },
      { returnDocument: 'after' },
    ).lean();
    t.platform.app.collab.statusChanged(adopted!);

    await typeAtEnd(author.page, ' Typed as the draft was adopted.');
    const banner = author.page.locator('.banner-adopted');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.innerText()).toContain('the text is final and can no longer be edited');
    // The refused words leave the page: it shows the adopted text, as the server has it.
    await author.page.locator('.draft-text[contenteditable=false]').waitFor();
    await waitFor(
      () => editorText(author.page),
      (text) => text === before.text,
    );
    expect(await author.page.getByRole('alert').count()).toBe(0);
    expect(await stored(draftId)).toEqual({
      status: 'ADOPTED',
      text: before.text,
      seq: before.seq,
    });
  }, 120_000);
});
