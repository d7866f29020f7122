import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../helpers/axe';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { draftOf, meetingOf } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

type Lang = 'en' | 'fr';
const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

// Run in the page as strings: these tests are compiled without the DOM's types.
const texts = (selector: string) =>
  `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.textContent.trim())`;
// Records whether a loading state appears in the page's main part from now on. Only states added
// from now on count: one still showing for a part that loads after the page is painted (the
// comments beside the editor) is not caused by what the test does next.
const WATCH_LOADING = `(() => {
  window.__sawLoading = false;
  const isLoading = (n) =>
    n.nodeType === 1 && (n.matches('.state-loading') || n.querySelector('.state-loading')) && n.closest('main');
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (!window.__sawLoading && isLoading(n))
          window.__sawLoading = (n.parentElement?.outerHTML ?? 'loading').slice(0, 300);
  }).observe(document.body, { subtree: true, childList: true });
})()`;
// Resolves once nothing in the page's main part is loading.
const SETTLED = "!document.querySelector('main .state-loading')";

describe('pages in a real browser', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  let draftId: string;
  let groupId: string;
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, lang: Lang = 'en') => {
    const session = await signedIn(b.browser, t.url, email, TEST_PASSWORD, {
      locale: LOCALE[lang],
    });
    contexts.push(session.context);
    return session;
  };
  const calendarMonth = async (page: Page, month: string) => {
    await page.goto(`/calendar/${month}`);
    await page.locator('.month-nav h2').waitFor();
    // The month's meetings come after the month itself (a query of their own).
    await page.waitForFunction("!document.querySelector('main .state-loading')");
    return page.locator('.month-nav h2').innerText();
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
    draftId = await draftOf(1);
    const groups = await t.gql<{ workingGroups: { id: string; number: number }[] }>(
      '{ workingGroups { id number } }',
      {},
      await t.login('chair@committee.test'),
    );
    groupId = groups.data!.workingGroups.find((g) => g.number === 1)!.id;
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it.each(['en', 'fr'] as const)(
    'has no accessibility violation on the sign-in page (%s)',
    async (lang) => {
      const context = await b.browser.newContext({ baseURL: t.url, locale: LOCALE[lang] });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('heading', { name: lang === 'fr' ? 'Connexion' : 'Sign in' }).waitFor();
      await expectNoAxeViolations(page, `the sign-in page (${lang})`);
      // With its error showing too.
      await page.getByLabel(/email|adresse/i).fill('chair@committee.test');
      await page.getByLabel(/password|mot de passe/i).fill('not the password');
      await page.locator('form button[type=submit]').click();
      await page.getByRole('alert').waitFor();
      await expectNoAxeViolations(page, `the sign-in page with an error (${lang})`);
    },
  );

  it.each(['en', 'fr'] as const)(
    'has no accessibility violation on the dashboard, group, draft and calendar pages (%s)',
    async (lang) => {
      const { page } = await open('delegate@committee.test', lang);
      await page.locator('.draft-card').nth(3).waitFor();
      await expectNoAxeViolations(page, `the dashboard (${lang})`);
      await screenshot(page, `pages-dashboard-${lang}`);

      await page.goto(`/groups/${groupId}`);
      await page.locator('.working-group h1').waitFor();
      await page.locator('.mandate li').first().waitFor();
      await expectNoAxeViolations(page, `the working group page (${lang})`);
      await screenshot(page, `pages-working-group-${lang}`);

      // A member of the group may edit: the editor says it is an editable multi-line text box.
      await page.goto(`/drafts/${draftId}`);
      const editor = page.locator('.draft-text[contenteditable=true]');
      await editor.waitFor();
      expect(await editor.getAttribute('role')).toBe('textbox');
      expect(await editor.getAttribute('aria-readonly')).toBe('false');
      expect(await editor.getAttribute('aria-multiline')).toBe('true');
      await page.locator('.toolbar').waitFor();
      await expectNoAxeViolations(page, `the draft page (${lang})`);
      // The toolbar's letters are the language's, and each button's name contains what it shows.
      const bold = lang === 'fr' ? 'Gras : G' : 'Bold: B';
      const italic = lang === 'fr' ? 'Italique : I' : 'Italic: I';
      expect(await page.getByRole('button', { name: bold, exact: true }).innerText()).toBe(
        lang === 'fr' ? 'G' : 'B',
      );
      expect(await page.getByRole('button', { name: italic, exact: true }).innerText()).toBe('I');

      for (const month of ['2020-03', '2020-09', '2021-01']) {
        await calendarMonth(page, month);
        await expectNoAxeViolations(page, `the calendar of ${month} (${lang})`);
        await screenshot(page, `pages-calendar-${month}-${lang}`);
      }
      // With an agenda item's comment thread open too.
      await calendarMonth(page, '2020-03');
      await page
        .locator('.agenda-item')
        .first()
        .getByRole('button', { name: /Comment/ })
        .click();
      await page.locator('.agenda-item').first().locator('.comments').waitFor();
      await expectNoAxeViolations(page, `the calendar with a comment thread open (${lang})`);
    },
  );

  it('marks the editor read-only for someone who may only read', async () => {
    const { page } = await open('observer@committee.test');
    await page.goto(`/drafts/${draftId}`);
    await page.getByRole('note').filter({ hasText: 'Read only' }).waitFor();
    const editor = page.locator('.draft-text[contenteditable=false]');
    await editor.waitFor();
    expect(await editor.getAttribute('role')).toBe('textbox');
    expect(await editor.getAttribute('aria-readonly')).toBe('true');
    await expectNoAxeViolations(page, 'the draft page of an observer');
  });

  it('shows the month asked for, goes through every month of the programme, and says when a month is not one of it', async () => {
    const { page } = await open('delegate@committee.test');
    // A month of the programme without meetings.
    expect(await calendarMonth(page, '2020-09')).toBe('September 2020');
    expect(new URL(page.url()).pathname).toBe('/calendar/2020-09');
    await page.getByText('No meetings this month.').waitFor();
    expect(await page.locator('.meeting').count()).toBe(0);
    // Its last month, although it has no meetings either.
    expect(await calendarMonth(page, '2021-01')).toBe('January 2021');
    expect(await page.getByRole('link', { name: 'Previous month: December 2020' }).count()).toBe(1);
    expect(await page.locator('.month-nav a[rel=next]').count()).toBe(0);

    // From the first month to the last, one month at a time.
    expect(await calendarMonth(page, '2020-02')).toBe('February 2020');
    const seen = ['February 2020'];
    while ((await page.locator('.month-nav a[rel=next]').count()) > 0) {
      const next = await page.locator('.month-nav a[rel=next]').innerText();
      await page.locator('.month-nav a[rel=next]').click();
      await page.locator('.month-nav h2', { hasText: next.replace(/\s*→$/, '') }).waitFor();
      seen.push(await page.locator('.month-nav h2').innerText());
    }
    expect(seen).toEqual([
      'February 2020',
      'March 2020',
      'April 2020',
      'May 2020',
      'June 2020',
      'July 2020',
      'August 2020',
      'September 2020',
      'October 2020',
      'November 2020',
      'December 2020',
      'January 2021',
    ]);
    expect(new URL(page.url()).pathname).toBe('/calendar/2021-01');

    // Not a month, or not one of the programme: said so, with a way to a month that is.
    for (const wrong of ['foo', '2019-05']) {
      await page.goto(`/calendar/${wrong}`);
      await page
        .getByRole('alert')
        .filter({
          hasText: `“${wrong}” is not a month of the programme of work, which runs from February 2020 to January 2021.`,
        })
        .waitFor();
      expect(await page.locator('.meeting').count()).toBe(0);
    }
    await page.getByRole('link', { name: 'Go to February 2020' }).click();
    await page.locator('.month-nav h2', { hasText: 'February 2020' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/calendar/2020-02');
    // The calendar without a month opens on one, and its address says which.
    await page.goto('/calendar');
    await page.locator('.month-nav h2').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/calendar/2020-02`);
  });

  it("keeps an agenda item's comment count live while its thread is closed", async () => {
    const { meetingId, itemId } = await meetingOf('2020-04');
    const month = (
      await t.gql<{ meeting: { month: string } }>(
        'query($id: ID!) { meeting(id: $id) { month } }',
        { id: meetingId },
        await t.login('chair@committee.test'),
      )
    ).data!.meeting.month;
    const delegate = await t.login('delegate@committee.test');
    const add = async (body: string) => {
      const res = await t.gql<{ addComment: { id: string } }>(
        'mutation($i: AddCommentInput!) { addComment(input: $i) { id } }',
        { i: { targetId: itemId, body } },
        delegate,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.addComment.id;
    };
    const { page } = await open('chair@committee.test');
    await page.goto(`/calendar/${month}`);
    const count = page.locator(`.agenda-item[data-item-id="${itemId}"] > button`);
    await count.filter({ hasText: 'Comments (0)' }).waitFor();

    const first = await add('France asks for the matrices a week before the meeting.');
    await count.filter({ hasText: 'Comments (1)' }).waitFor({ timeout: 10_000 });
    await add('Estonia supports this.');
    await count.filter({ hasText: 'Comments (2)' }).waitFor({ timeout: 10_000 });
    const resolved = await t.gql(
      'mutation($id: ID!) { resolveComment(id: $id, resolved: true) { id } }',
      { id: first },
      delegate,
    );
    expect(resolved.errors).toBeUndefined();
    await count.filter({ hasText: 'Comments (1)' }).waitFor({ timeout: 10_000 });

    // Opened, closed, and opened again after someone else posted: the thread shows it.
    await count.click();
    await page.locator('.comment .body', { hasText: 'Estonia supports this.' }).waitFor();
    await count.click();
    await add('Mexico too.');
    await count.filter({ hasText: 'Comments (2)' }).waitFor({ timeout: 10_000 });
    await count.click();
    await page.locator('.comment .body', { hasText: 'Mexico too.' }).waitFor();
    expect(await count.innerText()).toBe('Comments (2)');
  });

  it('writes references to the modalities paper in the language of the interface', async () => {
    const en = await open('delegate@committee.test');
    await calendarMonth(en.page, '2020-02');
    const english = ((await en.page.evaluate(texts('.agenda-item .reference'))) as string[]).join(
      '\n',
    );
    expect(english).toContain('(Modalities paper, par. 6 (d) (i)–(ii))');
    expect(english).toContain('(Modalities paper, par. 6 (c) (i)–(iii))');
    expect(english).toContain('(Modalities paper, par. 4, 6 (c) (iii), 8 and 9)');
    // Neither French words nor French subdivisions ("d)" where English writes "(d)").
    expect(english).not.toMatch(/ à | et |\s[a-z]+\)/);

    const fr = await open('delegate@committee.test', 'fr');
    await calendarMonth(fr.page, '2020-02');
    const french = ((await fr.page.evaluate(texts('.agenda-item .reference'))) as string[]).join(
      '\n',
    );
    expect(french).toContain('[Document sur les modalités, par. 6 d) i) à ii)]');
    expect(french).toContain('[Document sur les modalités, par. 6 c) i) à iii)]');
    expect(french).toContain('[Document sur les modalités, par. 4, 6 c) iii), 8 et 9]');
    expect(french).not.toContain('))');
  });

  it('switches language without blanking the page, and names months the same way everywhere', async () => {
    const { page } = await open('delegate@committee.test');
    const switchTo = async (heading: string | RegExp) => {
      await page.waitForFunction(SETTLED);
      await page.evaluate(WATCH_LOADING);
      await page
        .getByRole('group', { name: /Language|Langue/ })
        .getByRole('button', { name: /^(EN|FR)$/, pressed: false })
        .click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await page.evaluate('window.__sawLoading')).toBe(false);
    };
    await switchTo('Les projets en un coup d’œil');
    await switchTo('Drafts at a glance');

    await calendarMonth(page, '2020-03');
    await switchTo('Programme de travail');
    // The other language's titles arrive: the meetings are those of the French programme.
    await page
      .locator('.meeting h3', { hasText: /Réunion|Séance|Exposé/ })
      .first()
      .waitFor();
    const months = (await page.evaluate(texts('.month-nav a, .month-nav h2'))) as string[];
    expect(months.map((m) => m.replace(/[←→]/g, '').trim())).toEqual([
      'février 2020',
      'mars 2020',
      'avril 2020',
    ]);
    expect(
      await page.evaluate(
        "getComputedStyle(document.querySelector('.month-nav h2')).textTransform",
      ),
    ).toBe('none');

    // Opened in French (the choice is remembered), then switched to English.
    const titled = await t.gql<{ draft: { title: string } }>(
      'query($id: ID!) { draft(id: $id) { title } }',
      { id: draftId },
      await t.login('chair@committee.test'),
    );
    await page.goto(`/drafts/${draftId}`);
    await page.locator('.draft-text[contenteditable=true]').waitFor();
    await page.getByRole('button', { name: 'Gras : G' }).waitFor();
    await switchTo(titled.data!.draft.title);
    // The editor stayed as it was: still there, still editable.
    expect(await page.locator('.draft-text').getAttribute('contenteditable')).toBe('true');
    await page.getByRole('button', { name: 'Bold: B' }).waitFor();
  });

  it("says a draft's deadline passed with the programme, and names each meeting's kind once", async () => {
    const { page } = await open('chair@committee.test');
    await page.locator('.draft-card').nth(3).waitFor();
    const deadlines = ((await page.evaluate(texts('.draft-card .deadline'))) as string[]).map((d) =>
      d.replace(/\s+/g, ' '),
    );
    expect(deadlines).toEqual(Array(4).fill('Passed with the programme (31 January 2021)'));
    expect(await page.locator('.draft-card .overdue').count()).toBe(0);
    const lines = (await page.evaluate(texts('.upcoming li'))) as string[];
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      expect(line.match(/committee meeting/gi)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
