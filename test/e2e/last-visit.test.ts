import { Types } from 'mongoose';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../server/collaboration/document-state';
import { Role } from '../../server/modules/users/role';
import { DraftVisitModel } from '../../server/modules/visits/visit.model';
import { expectNoAxeViolations } from '../helpers/axe';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { addParagraph, connectEditor, Editor } from '../helpers/editors';
import { buildDraft, buildUser } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';
import { waitFor } from '../helpers/wait';

function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const p = doc.getXmlFragment(CONTENT_FIELD).get(index) as Y.XmlElement;
  return p.get(0) as Y.XmlText;
}

/**
 * The Chair leaves a draft (the visit is recorded), a delegate edits it three times: the Chair's
 * dashboard says so, in English and in French, and the draft page shows what changed.
 */
describe('changed since your last visit, in a real browser', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  let editor: Editor | null = null;
  const contexts = contextsClosedAfterEach();

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await editor?.close();
    await b?.close();
    await t?.stop();
  });

  it('counts on the dashboard and shows the changes on the draft page', async () => {
    const draftId = await buildDraft(1);
    const delegate = await buildUser(t, [Role.DELEGATE], [1]);
    editor = connectEditor(t.url, delegate.token, draftId);
    const e = editor;
    await e.provider.whenSynced();
    for (const text of ['One.', 'Two.', 'Three.']) {
      addParagraph(e.doc, text);
      await e.provider.whenAcknowledged();
    }

    const en = await signedIn(b.browser, t.url, 'chair@committee.test', TEST_PASSWORD);
    contexts.push(en.context);
    await en.page.goto(`/drafts/${draftId}`);
    await en.page.locator('.draft-text').getByText('Three.').waitFor();
    await en.page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    const visits = () => DraftVisitModel.countDocuments({ draftId: new Types.ObjectId(draftId) });
    await waitFor(visits, (n) => n === 1);

    for (const [i, word] of [' alpha', ' beta', ' gamma'].entries()) {
      const p = paragraphText(e.doc, i);
      p.insert(p.length, word);
      await e.provider.whenAcknowledged();
    }
    const card = en.page.locator(`.draft-card[data-draft-id="${draftId}"]`);
    // Live: the dashboard's subscription brings the count with the edits' summary.
    await card
      .locator('.changes-since-visit')
      .getByText('3 changes since your last visit')
      .waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(en.page, 'last-visit-dashboard-en');

    await card.getByRole('link').last().click();
    await en.page.getByText('Changed since your last visit').waitFor();
    await en.page.getByRole('button', { name: 'Show what changed' }).click();
    // The comparison view's own text, without what it says to screen readers around each change.
    const inserted = en.page.locator('.last-visit-changes ins');
    await inserted.first().waitFor();
    const texts = await inserted.evaluateAll((all) =>
      all.map((el) =>
        [...el.childNodes]
          .filter((n) => n.nodeType === 3 /* a text node */)
          .map((n) => n.textContent)
          .join(''),
      ),
    );
    expect(texts).toEqual([' alpha', ' beta', ' gamma']);
    await screenshot(en.page, 'last-visit-draft-en');
    await expectNoAxeViolations(en.page, 'the draft page with the changes since the last visit');

    // The English page is still open: the visit it will record has not happened yet.
    const fr = await signedIn(b.browser, t.url, 'chair@committee.test', TEST_PASSWORD, {
      locale: 'fr-FR',
    });
    contexts.push(fr.context);
    const frCard = fr.page.locator(`.draft-card[data-draft-id="${draftId}"]`);
    await frCard
      .locator('.changes-since-visit')
      .getByText('3 modifications depuis votre dernière visite')
      .waitFor();
    await frCard.scrollIntoViewIfNeeded();
    await screenshot(fr.page, 'last-visit-dashboard-fr');
    await frCard.getByRole('link').last().click();
    await fr.page.getByRole('button', { name: 'Voir les modifications' }).click();
    await fr.page.locator('.last-visit-changes ins').first().waitFor();
    await screenshot(fr.page, 'last-visit-draft-fr');

    // Leaving the page records the visit: nothing new on the dashboard any more.
    await en.page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    await card.waitFor();
    const chair = await t.login('chair@committee.test');
    const count = async () =>
      (
        await t.gql(
          'query($d: ID!) { draft(id: $d) { changesSinceMyLastVisit } }',
          { d: draftId },
          chair,
        )
      ).data?.draft.changesSinceMyLastVisit;
    await waitFor(count, (n) => n === 0);
    // The card follows live (its draftChanged event may come after the API answers).
    await card.locator('.changes-since-visit').waitFor({ state: 'detached', timeout: 10_000 });
  }, 120_000);
});
