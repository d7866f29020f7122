import type { Page } from 'playwright-core';
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

const DELEGATE = 'Delegate (demo, France)';

describe('notifications in the browser', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  let draftId: string;
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, locale = 'en-GB') => {
    const session = await signedIn(b.browser, t.url, email, TEST_PASSWORD, { locale });
    contexts.push(session.context);
    return session.page;
  };
  const bell = (page: Page) => page.locator('header .bell');

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
    draftId = await draftOf(1);
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it('an @mention chosen from the suggestions reaches the person’s bell in another browser, live; the inbox leads to the draft and marks it read', async () => {
    const delegate = await open('delegate@committee.test');
    await expect(bell(delegate).getAttribute('aria-label')).resolves.toBe(
      'Notifications: none unread',
    );

    const coordinator = await open('coordinator@committee.test');
    await coordinator.goto(`/drafts/${draftId}`);
    const box = coordinator.locator('.draft-side .comments > .new-comment textarea');
    await box.waitFor();
    await box.click();
    await box.pressSequentially('Could @Delegate (demo', { delay: 10 });
    const option = coordinator.getByRole('option', {
      name: new RegExp(DELEGATE.replace(/[()]/g, '\\$&')),
    });
    await option.waitFor();
    await expectNoAxeViolations(coordinator, 'the comment form with @mention suggestions');
    await screenshot(coordinator, 'notifications-mention-suggestions-en');
    await box.press('Enter');
    await expect(box.inputValue()).resolves.toBe(`Could @${DELEGATE} `);
    await box.pressSequentially('look at the second paragraph?');
    await coordinator.locator('.draft-side .comments > .new-comment button[type=submit]').click();
    await coordinator.waitForFunction(
      `document.querySelector('.draft-side .comments > .new-comment textarea').value === ''`,
    );

    // The other browser, left on the dashboard, hears of it without a reload.
    await delegate.locator('header .bell .bell-count', { hasText: '1' }).waitFor();
    await expect(bell(delegate).getAttribute('aria-label')).resolves.toBe(
      'Notifications: 1 unread',
    );
    await bell(delegate).click();
    const item = delegate.locator('.notification.unread').first();
    await item.waitFor();
    await expect(item.innerText()).resolves.toMatch(
      /Working group 1 coordinator \(demo, Estonia\) mentioned you in a comment on “.+”\./,
    );
    await expectNoAxeViolations(delegate, 'the inbox (en)');
    await screenshot(delegate, 'notifications-inbox-en');

    await item.getByRole('link').click();
    await delegate.waitForURL(`**/drafts/${draftId}`);
    await delegate.locator('header .bell:not(.bell-unread)').waitFor();

    // In French: the inbox, read, and its settings.
    await delegate.goto('/notifications');
    await delegate.getByRole('button', { name: 'FR' }).click();
    await delegate.getByRole('heading', { name: 'Paramètres des notifications' }).waitFor();
    await delegate.locator('.notification:not(.unread)', { hasText: 'vous a mentionné' }).waitFor();
    await expectNoAxeViolations(delegate, 'the inbox (fr)');
    await screenshot(delegate, 'notifications-inbox-fr');
  });

  it('settings: turning mentions off is kept, and then a mention does not ring the bell', async () => {
    const delegate = await open('delegate@committee.test');
    await delegate.goto('/notifications');
    const mentions = delegate.getByLabel('I or my delegation am mentioned in a comment');
    await mentions.waitFor();
    await mentions.uncheck();
    await delegate.getByRole('button', { name: 'Save settings' }).click();
    await delegate.getByText('Settings saved.').waitFor();
    await delegate.reload();
    await delegate.getByLabel('I or my delegation am mentioned in a comment').waitFor();
    await expect(
      delegate.getByLabel('I or my delegation am mentioned in a comment').isChecked(),
    ).resolves.toBe(false);
    await expect(delegate.getByLabel('Someone replies to my comment').isChecked()).resolves.toBe(
      true,
    );
    await screenshot(delegate, 'notifications-settings-en');

    // A mention (off), then a reply to the delegate's comment (on): once the reply has rung the
    // bell, the mention, sent first, has had its turn and did not.
    const coordinator = await t.login('coordinator@committee.test');
    const mine = await t.login('delegate@committee.test');
    const add = async (token: string, body: string, parentId?: string) => {
      const res = await t.gql<{ addComment: { id: string } }>(
        'mutation($i: AddCommentInput!) { addComment(input: $i) { id } }',
        { i: { targetId: draftId, body, parentId } },
        token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.addComment.id;
    };
    const question = await add(mine, 'A question of mine');
    await delegate.goto('/');
    await delegate.locator('header .bell:not(.bell-unread)').waitFor();
    await add(coordinator, `@${DELEGATE} again`);
    await add(coordinator, 'An answer', question);
    await delegate.locator('header .bell .bell-count', { hasText: '1' }).waitFor();
    await new Promise((r) => setTimeout(r, 500));
    const kinds = await t.gql<{ notifications: { kind: string; read: boolean }[] }>(
      '{ notifications(first: 10) { kind read } }',
      {},
      mine,
    );
    expect(kinds.data!.notifications.filter((n) => !n.read).map((n) => n.kind)).toEqual([
      'COMMENT_REPLY',
    ]);

    // The suggestions in French: a delegation by its French name.
    await delegate.getByRole('button', { name: 'FR' }).click();
    await delegate.goto(`/drafts/${draftId}`);
    const box = delegate.locator('.draft-side .comments > .new-comment textarea');
    await box.waitFor();
    await box.click();
    await box.pressSequentially('@Fédération de', { delay: 10 });
    await delegate.getByRole('option', { name: /Fédération de Russie.*délégation/ }).waitFor();
    await expectNoAxeViolations(delegate, 'the comment form with @mention suggestions (fr)');
    await screenshot(delegate, 'notifications-mention-suggestions-fr');
    await box.press('Escape');
    await delegate.getByRole('option').first().waitFor({ state: 'detached' });
  });
});
