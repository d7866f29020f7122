import type { Locator } from 'playwright-core';
import { expectNoAxeViolations } from '../helpers/axe';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { draftOf } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

const LIVE = { timeout: 30_000 };

/** The titles of a meeting's agenda items, in the order shown. */
const itemTitles = (meeting: Locator) =>
  meeting.locator('.agenda > li .item-title').allInnerTexts();

describe('meetings and agendas edited in the browser, with a second browser following live', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, path: string, locale?: string) => {
    const session = await signedIn(b.browser, t.url, email, TEST_PASSWORD, { locale });
    contexts.push(session.context);
    await session.page.goto(path);
    await session.page.locator('.calendar .meeting').first().waitFor();
    return session;
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it("shows the August sub-items' drafts with their status, live, and offers no editing to a delegate", async () => {
    const { page } = await open('delegate@committee.test', '/calendar/2020-08');
    const item = page.locator('.agenda-item', {
      hasText: 'Draft conclusions and recommendations on',
    });
    const links = item.locator('.sub-items .linked-drafts li');
    await links.nth(3).waitFor();
    expect(await links.count()).toBe(4);
    expect(await links.first().innerText()).toMatch(/^Working group 1: .+ Drafting$/);
    expect(
      await page.getByRole('button', { name: /New meeting|Edit or reschedule|Remove/ }).count(),
    ).toBe(0);
    expect(await page.locator('.manage-item, .manage-meeting').count()).toBe(0);

    // The Chair sends draft 1 for review: the calendar says so without a reload.
    const res = await t.gql(
      'mutation($id: ID!) { setDraftStatus(id: $id, status: IN_REVIEW) { status } }',
      { id: await draftOf(1) },
      await t.login('chair@committee.test'),
    );
    expect(res.errors).toBeUndefined();
    await links.first().locator('.badge', { hasText: 'In review' }).waitFor(LIVE);
    await expectNoAxeViolations(page, 'the August calendar with linked drafts');
    await screenshot(page, 'meetings-linked-drafts-en');
  });

  it('lets the Chair create, edit, reorder (keyboard too), reschedule and delete, a delegate following live', async () => {
    const chair = await open('chair@committee.test', '/calendar/2020-11');
    const delegate = await open('delegate@committee.test', '/calendar/2020-11');
    const page = chair.page;

    // A new meeting: the date is checked as typed, with a message tied to the field.
    await page.getByRole('button', { name: 'New meeting' }).click();
    const form = page.locator('.meeting-form');
    await form.getByLabel('Title in English').fill('Briefing on assistance');
    await form.getByLabel('Title in French').fill('Exposé sur l’assistance');
    await form.getByLabel('Kind of meeting').selectOption('BRIEFING');
    const date = form.getByLabel('Date', { exact: true });
    await date.fill('');
    await form.getByRole('button', { name: 'Create the meeting' }).click();
    await form.getByRole('alert').filter({ hasText: 'Enter the date of the meeting.' }).waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement.type')).toBe('date');
    await date.fill('1999-11-12');
    await form.getByRole('button', { name: 'Create the meeting' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: 'Enter a date between 1 January 2000 and 31 December 2099.' })
      .waitFor();
    await expectNoAxeViolations(page, 'the new meeting form with a date refused');
    await screenshot(page, 'meetings-new-date-refused-en');
    await date.fill('2020-11-12');
    await form.getByLabel('Time').fill('15:00');
    await form.getByRole('button', { name: 'Create the meeting' }).click();
    const mine = page.locator('article.meeting', { hasText: 'Briefing on assistance' });
    await mine.waitFor();
    await form.waitFor({ state: 'detached' });
    const theirs = delegate.page.locator('.meeting', { hasText: 'Briefing on assistance' });
    await theirs.waitFor(LIVE);
    expect(await theirs.locator('.eyebrow').textContent()).toContain(
      'Thursday 12 November 2020 · Briefing',
    );

    // Three items, one of them with two sub-items linked to drafts.
    for (const [en, fr] of [
      ['Opening', 'Ouverture'],
      ['Assistance requests', 'Demandes d’assistance'],
      ['Any other business', 'Questions diverses'],
    ]) {
      await mine.getByRole('button', { name: /Add an agenda item/ }).click();
      const itemForm = mine.locator('.item-form');
      await itemForm.getByLabel('Title in English').fill(en);
      await itemForm.getByLabel('Title in French').fill(fr);
      if (en === 'Assistance requests') {
        await itemForm.getByLabel('Reference to the modalities paper (optional)').fill('par. 9 a)');
        for (const [n, sub, subFr, group] of [
          [1, 'Matching offers', 'Offres', 2],
          [2, 'National reports', 'Rapports nationaux', 1],
        ] as const) {
          await itemForm.getByRole('button', { name: 'Add a sub-item' }).click();
          await itemForm.getByLabel(`Sub-item ${n}, title in English`).fill(sub);
          await itemForm.getByLabel(`Sub-item ${n}, title in French`).fill(subFr);
          await itemForm
            .getByRole('group', { name: `Drafts sub-item ${n} is about` })
            .getByLabel(new RegExp(`^Working group ${group}:`))
            .check();
        }
        // Sub-items reorder with the keyboard before saving, and the move is announced.
        await itemForm.getByLabel('Sub-item 2, title in English').press('Alt+ArrowUp');
        await itemForm
          .locator('[aria-live=polite]')
          .filter({ hasText: '“National reports” moved to position 1 of 2.' })
          .waitFor();
        expect(await itemForm.getByLabel('Sub-item 1, title in English').inputValue()).toBe(
          'National reports',
        );
        await expectNoAxeViolations(page, 'the agenda item form with sub-items');
        await screenshot(page, 'meetings-item-form-en');
      }
      await itemForm.getByRole('button', { name: 'Save' }).click();
      await mine.locator('.agenda-item .item-title', { hasText: en }).waitFor();
    }
    await theirs.locator('.agenda-item', { hasText: 'Any other business' }).waitFor(LIVE);
    const assistance = theirs.locator('.agenda-item', { hasText: 'Assistance requests' });
    expect(await assistance.locator('.sub-items > li').allInnerTexts()).toEqual([
      expect.stringMatching(/^National reports\nWorking group 1: .+ (Drafting|In review)$/),
      expect.stringMatching(/^Matching offers\nWorking group 2: .+ Drafting$/),
    ]);
    expect(await itemTitles(theirs)).toEqual([
      'Opening',
      'Assistance requests (Modalities paper, par. 9 (a))',
      'Any other business',
    ]);

    // Reordered with the buttons, then with Alt+Up: announced, the focus stays on the item.
    await mine.getByRole('button', { name: 'Move “Opening” down' }).click();
    await mine
      .locator('[aria-live=polite]')
      .filter({ hasText: '“Opening” moved to position 2 of 3.' })
      .waitFor();
    const aob = mine.getByRole('button', { name: 'Move “Any other business” up' });
    await aob.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await mine
      .locator('[aria-live=polite]')
      .filter({ hasText: '“Any other business” moved to position 2 of 3.' })
      .waitFor();
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe(
      'Move “Any other business” up',
    );
    const order = ['Assistance requests', 'Any other business', 'Opening'];
    const expected = order.map((x) =>
      x === 'Assistance requests' ? 'Assistance requests (Modalities paper, par. 9 (a))' : x,
    );
    expect(await itemTitles(mine)).toEqual(expected);
    await delegate.page.waitForFunction(
      `[...document.querySelectorAll('.meeting .agenda > li .item-title')].map((e) => e.textContent).join('|').includes(${JSON.stringify(expected.join('|'))})`,
      undefined,
      LIVE,
    );

    // An item edited, and one removed after a confirmation.
    await mine.getByRole('button', { name: 'Edit Opening' }).click();
    await mine.locator('.item-form').getByLabel('Title in English').fill('Opening of the briefing');
    await mine.locator('.item-form').getByRole('button', { name: 'Save' }).click();
    await theirs.locator('.item-title', { hasText: 'Opening of the briefing' }).waitFor(LIVE);
    await mine.getByRole('button', { name: 'Remove Any other business' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'the dialog removing an agenda item');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await theirs
      .locator('.item-title', { hasText: 'Any other business' })
      .waitFor({ state: 'detached', ...LIVE });
    await screenshot(page, 'meetings-chair-en');
    await screenshot(delegate.page, 'meetings-delegate-following-en');

    // Rescheduled to December: the Chair's calendar follows it, the delegate's November drops it
    // and their December shows it.
    await mine.getByRole('button', { name: /Edit or reschedule/ }).click();
    const edit = mine.locator('.meeting-form');
    await edit.getByLabel('Date', { exact: true }).fill('2020-12-03');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL('**/calendar/2020-12');
    await page.locator('.meeting', { hasText: 'Briefing on assistance' }).waitFor();
    await theirs.waitFor({ state: 'detached', ...LIVE });
    await delegate.page.goto('/calendar/2020-12');
    await theirs.waitFor();

    // Deleted after a confirmation: gone from the other browser too.
    await page
      .locator('.meeting', { hasText: 'Briefing on assistance' })
      .getByRole('button', { name: /Delete the meeting/ })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete the meeting' }).click();
    await page
      .locator('.meeting', { hasText: 'Briefing on assistance' })
      .waitFor({ state: 'detached' });
    await theirs.waitFor({ state: 'detached', ...LIVE });
  });

  it('has no accessibility violation while a meeting is edited, in English and French', async () => {
    for (const locale of ['en-GB', 'fr-FR']) {
      const lang = locale.slice(0, 2);
      const { page } = await open('secretariat@committee.test', '/calendar/2020-08', locale);
      await expectNoAxeViolations(page, `the August calendar for the Secretariat (${lang})`);
      await screenshot(page, `meetings-calendar-manage-${lang}`);
      const meeting = page.locator('.meeting').first();
      await meeting.locator('.manage-meeting button').first().click();
      await meeting.locator('.meeting-form').waitFor();
      await meeting.locator('.agenda-item .manage-item button.link').first().click();
      await meeting.locator('.item-form').waitFor();
      await expectNoAxeViolations(page, `a meeting and an item being edited (${lang})`);
      await screenshot(page, `meetings-editing-${lang}`);
      // A half-typed date is refused in the person's language.
      await meeting.locator('.meeting-form input[type=date]').fill('');
      await meeting.locator('.meeting-form button[type=submit]').click();
      await meeting
        .locator('.meeting-form [role=alert]')
        .filter({
          hasText:
            lang === 'fr' ? 'Indiquez la date de la réunion.' : 'Enter the date of the meeting.',
        })
        .waitFor();
      await screenshot(page, `meetings-date-refused-${lang}`);
    }
  });
});
