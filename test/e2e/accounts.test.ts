import { expectNoAxeViolations } from '../helpers/axe';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  type TestBrowser,
} from '../helpers/browser';
import { startTestPlatform, TEST_PASSWORD, type TestPlatform } from '../helpers/test-platform';

type Lang = 'en' | 'fr';
const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };
const STRONG = 'Plum orchard 47 under rain';

describe('accounts in a real browser', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, lang: Lang = 'en') => {
    const session = await signedIn(b.browser, t.url, email, TEST_PASSWORD, {
      locale: LOCALE[lang],
    });
    contexts.push(session.context);
    return session;
  };
  const fresh = async (lang: Lang) => {
    const context = await b.browser.newContext({
      baseURL: t.url,
      locale: LOCALE[lang],
      viewport: { width: 1280, height: 900 },
    });
    contexts.push(context);
    return context.newPage();
  };
  const invite = async (email: string, roles: string[]) => {
    const res = await t.gql(
      'mutation($i: InviteUserInput!) { inviteUser(input: $i) { url } }',
      { i: { email, name: `Invited ${email.split('@')[0]}`, roles } },
      await t.login('secretariat@committee.test'),
    );
    return new URL(res.data!.inviteUser.url as string).pathname;
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it.each(['en', 'fr'] as const)(
    'the Secretariat invites a person on the People page, who sets a password through the link (%s)',
    async (lang) => {
      const { page } = await open('secretariat@committee.test', lang);
      const people = lang === 'fr' ? 'Personnes' : 'People';
      await page.getByRole('link', { name: people, exact: true }).click();
      await page.locator('main .people-page table').waitFor();
      await expectNoAxeViolations(page, `the People page (${lang})`);
      await screenshot(page, `accounts-people-${lang}`);
      const form = page.locator('.invite-form');
      await form
        .getByLabel(lang === 'fr' ? 'Nom' : 'Name', { exact: true })
        .fill(`Invitee ${lang}`);
      await form
        .getByLabel(lang === 'fr' ? 'Courriel' : 'Email')
        .fill(`invitee.${lang}@example.org`);
      await form.locator('button[type=submit]').click();
      const link = page.locator('.issued-link input');
      await link.waitFor();
      const url = await link.inputValue();
      expect(url).toMatch(/\/invitation\/[A-Za-z0-9_-]{40,}$/);
      await page.locator('main table').getByText(`invitee.${lang}@example.org`).waitFor();
      // Another officer's invitation shows on this open page without a reload.
      await invite(`elsewhere.${lang}@example.org`, ['OBSERVER']);
      await page
        .locator('main table')
        .getByText(`elsewhere.${lang}@example.org`)
        .waitFor({ timeout: 20_000 });
      await expectNoAxeViolations(page, `the People page with a link (${lang})`);
      await screenshot(page, `accounts-people-invited-${lang}`);

      const invitee = await fresh(lang);
      await invitee.goto(new URL(url).pathname);
      await invitee.locator('main.sign-in form').waitFor();
      await expectNoAxeViolations(invitee, `the invitation page (${lang})`);
      await screenshot(invitee, `accounts-invitation-${lang}`);
      const [first, second] = [
        invitee.locator('input[name=password]'),
        invitee.locator('input[name=confirm]'),
      ];
      await first.fill('password1234');
      await second.fill('password1234');
      await invitee.locator('form button[type=submit]').click();
      await invitee.getByRole('alert').waitFor();
      expect(await invitee.getByRole('alert').innerText()).toMatch(
        lang === 'fr' ? /mots de passe courants/ : /common passwords/,
      );
      await first.fill(STRONG);
      await second.fill(STRONG);
      await invitee.locator('form button[type=submit]').click();
      await invitee.locator('main .account-page').waitFor({ timeout: 30_000 });
      expect(new URL(invitee.url()).pathname).toBe('/account');
      await invitee.locator('main .account-page table tbody tr').first().waitFor();
      await expectNoAxeViolations(invitee, `my account (${lang})`);
      await screenshot(invitee, `accounts-my-account-${lang}`);
    },
    120_000,
  );

  it.each(['en', 'fr'] as const)(
    'the Chair reads and filters the audit trail (%s)',
    async (lang) => {
      await invite(`audited.${lang}@example.org`, ['EXPERT']);
      const { page } = await open('chair@committee.test', lang);
      await page
        .getByRole('link', { name: lang === 'fr' ? 'Journal d’audit' : 'Audit trail' })
        .click();
      await page.locator('main .audit-table tbody tr').first().waitFor();
      await page.getByLabel(lang === 'fr' ? 'Quoi' : 'What').selectOption('USER_INVITED');
      await page.locator('.audit-filter button[type=submit]').click();
      const label = lang === 'fr' ? 'Personne invitée' : 'Person invited';
      // Run in the page as a string: these tests are compiled without the DOM's types.
      await page.waitForFunction(
        `[...document.querySelectorAll('main .audit-table tbody tr td:nth-child(2)')].every((td) => td.textContent === ${JSON.stringify(label)})`,
      );
      await page
        .locator('main .audit-table')
        .getByText(`audited.${lang}@example.org`, { exact: false })
        .waitFor();
      await expectNoAxeViolations(page, `the audit trail (${lang})`);
      await screenshot(page, `accounts-audit-${lang}`);
      // Nobody but the Chair and the Secretariat sees the link.
      const delegate = await open('delegate@committee.test', lang);
      await delegate.page
        .getByRole('link', { name: lang === 'fr' ? 'Mon compte' : 'My account' })
        .waitFor();
      expect(await delegate.page.locator('nav a[href="/audit"]').count()).toBe(0);
      expect(await delegate.page.locator('nav a[href="/people"]').count()).toBe(0);
    },
    120_000,
  );

  it('a Member State guest reaches only their account page and the consultations', async () => {
    const path = await invite('guest.state@example.org', ['MEMBER_STATE']);
    const page = await fresh('en');
    await page.goto(path);
    await page.locator('input[name=password]').fill(STRONG);
    await page.locator('input[name=confirm]').fill(STRONG);
    await page.locator('form button[type=submit]').click();
    await page.locator('main .account-page .notice').waitFor({ timeout: 30_000 });
    expect(await page.locator('nav a').allInnerTexts()).toEqual(['Consultations', 'My account']);
    await page.goto('/');
    await page.waitForURL((u) => u.pathname === '/consultations');
    await page.locator('main .consultations-page').waitFor();
    await page.goto('/account');
    await page.locator('main .account-page').waitFor();
    await expectNoAxeViolations(page, 'a guest’s account page');
    await screenshot(page, 'accounts-guest-en');
  }, 120_000);
});
