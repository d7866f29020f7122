import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../server/collaboration/document-state';
import { expectNoAxeViolations } from '../helpers/axe';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { waitFor } from '../helpers/editor-page';
import { buildDraft } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

const APPLY =
  'mutation($d: ID!, $u: String!) { applyDraftUpdate(draftId: $d, update: $u) { seq } }';
const START =
  'mutation($d: ID!, $u: DateTimeISO!) { startSilence(draftId: $d, until: $u) { state } }';
const TEXT = 'Calls upon all States to report on the measures they have taken.';

function paragraph(text: string): string {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => {
    update = u;
  });
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CONTENT_FIELD).push([p]);
  return Buffer.from(update).toString('base64');
}

/** A wall-clock time in New York `ms` from now, as a datetime-local field takes it. */
function newYorkWallTime(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(Date.now() + ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

describe('the silence procedure in the browser', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  let chairToken: string;
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, locale: string, timezoneId?: string) => {
    const session = await signedIn(b.browser, t.url, email, TEST_PASSWORD, {
      locale,
      timezoneId,
    });
    contexts.push(session.context);
    return session;
  };
  const openDraft = async (page: Page, draftId: string) => {
    await page.goto(`/drafts/${draftId}`);
    await page.locator('.draft-text').waitFor();
    // The history panel comes with the rest of the side panels, after the editor.
    await page.locator('.draft-side h2').first().waitFor();
  };
  const draftWithText = async () => {
    const draftId = await buildDraft(1);
    const res = await t.gql(APPLY, { d: draftId, u: paragraph(TEXT) }, chairToken);
    expect(res.errors).toBeUndefined();
    return draftId;
  };

  beforeAll(async () => {
    t = await startTestPlatform({ SILENCE_SWEEP_MS: '500' });
    b = await launchBrowser();
    chairToken = await t.login('chair@committee.test');
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it('the Chair circulates the text with a deadline in New York time; the delegate sees it locked at once, in their own time too, and breaks silence for France; both see the statement', async () => {
    const draftId = await draftWithText();
    const delegate = await open('delegate@committee.test', 'en-GB', 'Europe/Paris');
    await openDraft(delegate.page, draftId);
    await delegate.page.locator('.draft-text[contenteditable=true]').waitFor();
    // A delegate neither starts nor withdraws; nothing to break yet.
    expect(await delegate.page.getByRole('button', { name: 'Start the silence' }).count()).toBe(0);

    // Without a procedure, the panel is only there for those who may start one.
    expect(await delegate.page.locator('.silence-panel').count()).toBe(0);

    const chair = await open('chair@committee.test', 'en-GB', 'America/New_York');
    await openDraft(chair.page, draftId);
    const deadline = chair.page.getByLabel('Deadline (date and time)');
    // A deadline in the past is refused with a clear message, before anything is sent.
    await deadline.fill(newYorkWallTime(-3_600_000));
    await chair.page.getByRole('button', { name: 'Start the silence' }).click();
    await chair.page.getByText('The deadline must be in the future.').waitFor();
    await deadline.fill(newYorkWallTime(2 * 3_600_000));
    await screenshot(chair.page, 'silence-start-en');
    await expectNoAxeViolations(chair.page, 'the silence panel, start form (EN)');
    await chair.page.getByRole('button', { name: 'Start the silence' }).click();
    await chair.page.locator('.silence-state', { hasText: 'Under silence until' }).waitFor();

    // Live on the delegate's page: locked, with the deadline in New York time and in Paris time.
    await delegate.page.locator('.banner-silence').waitFor();
    await delegate.page.locator('.draft-text[contenteditable=false]').waitFor();
    const banner = await delegate.page.locator('.banner-silence').innerText();
    expect(banner).toMatch(/in New York; .*your time/);
    expect(banner).toMatch(/GMT-5|EST/);
    expect(banner).toMatch(/CET|GMT\+1/);
    await screenshot(delegate.page, 'silence-under-en');
    await expectNoAxeViolations(delegate.page, 'a draft under silence (EN)');

    // An empty statement is refused in the form.
    await delegate.page.getByRole('button', { name: 'Break silence' }).click();
    await delegate.page
      .getByText('Write the statement: why your delegation breaks silence.')
      .waitFor();
    await delegate.page
      .getByLabel('Statement (read by all)')
      .fill('France cannot join consensus on paragraph 1 as drafted.');
    await delegate.page.getByRole('button', { name: 'Break silence' }).click();

    for (const page of [delegate.page, chair.page]) {
      await page.locator('.silence-state', { hasText: 'Silence was broken' }).waitFor();
      await page
        .locator('.silence-breaks li', { hasText: 'France cannot join consensus' })
        .filter({ hasText: 'France' })
        .waitFor();
    }
    // Back in negotiation: editable again for the delegate.
    await delegate.page.locator('.draft-text[contenteditable=true]').waitFor();
    await screenshot(chair.page, 'silence-broken-en');
    await expectNoAxeViolations(chair.page, 'a broken silence (EN)');
  });

  it('en français : le projet sous silence est adopté à l’échéance, sous les yeux du lecteur', async () => {
    const draftId = await draftWithText();
    const chair = await open('chair@committee.test', 'fr-FR', 'Europe/Paris');
    await openDraft(chair.page, draftId);
    await chair.page.getByRole('button', { name: 'Lancer la procédure' }).waitFor();
    await screenshot(chair.page, 'silence-start-fr');
    await expectNoAxeViolations(chair.page, 'le formulaire de la procédure (FR)');

    const delegate = await open('delegate@committee.test', 'fr-FR', 'Europe/Paris');
    await openDraft(delegate.page, draftId);
    const res = await t.gql(
      START,
      { d: draftId, u: new Date(Date.now() + 4_000).toISOString() },
      chairToken,
    );
    expect(res.errors).toBeUndefined();
    await delegate.page.locator('.banner-silence').waitFor();
    expect(await delegate.page.locator('.banner-silence').innerText()).toMatch(
      /à New York ; .*à votre heure/,
    );
    await delegate.page.getByRole('button', { name: 'Rompre le silence' }).waitFor();
    await screenshot(delegate.page, 'silence-under-fr');
    await expectNoAxeViolations(delegate.page, 'un projet sous silence (FR)');

    // At the deadline, unbroken: adopted, live.
    await delegate.page
      .locator('.silence-state', { hasText: 'Adopté selon la procédure d’approbation tacite' })
      .waitFor({ timeout: 15_000 });
    await delegate.page.locator('.banner-adopted').waitFor();
    expect(await delegate.page.locator('.banner-silence').count()).toBe(0);
    expect(await delegate.page.getByRole('button', { name: 'Rompre le silence' }).count()).toBe(0);
    await waitFor(
      () => delegate.page.locator('.draft-text').getAttribute('contenteditable'),
      (v) => v === 'false',
      5_000,
    );
    await screenshot(delegate.page, 'silence-adopted-fr');
    await expectNoAxeViolations(delegate.page, 'un projet adopté selon la procédure (FR)');
  });
});
