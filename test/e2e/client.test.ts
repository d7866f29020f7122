import { Role } from '../../server/modules/users/role';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { editorText, waitFor as waitEqual } from '../helpers/editor-page';
import { buildUser, draftOf, FACTORY_PASSWORD, meetingOf } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

describe('web client in a real browser', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  let draftId: string;
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, password = TEST_PASSWORD) => {
    const session = await signedIn(b.browser, t.url, email, password);
    contexts.push(session.context);
    return session;
  };
  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
    draftId = await draftOf(1);
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it('says so when the password is wrong, and signs in with the right one', async () => {
    const context = await b.browser.newContext({ baseURL: t.url, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Email').fill('chair@committee.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();
    await screenshot(page, 'sign-in-wrong-password');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Drafts at a glance' }).waitFor();
    expect(await page.locator('.draft-card').count()).toBe(4);
    await screenshot(page, 'dashboard');
    // Links move between pages without a reload, and the tab's title follows.
    const title = await page.locator('.draft-card h2 a').first().innerText();
    await page.locator('.draft-card h2 a').first().click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await waitEqual(
      () => page.title(),
      (s) => s.startsWith(title),
    );
    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Programme of work' }).waitFor();
    expect(await page.getByRole('link', { name: 'Calendar' }).getAttribute('aria-current')).toBe(
      'page',
    );
    await context.close();
  });

  it('merges two delegates typing into the same draft at the same time', async () => {
    const other = await buildUser(t, [Role.DELEGATE], [1]);
    const a = await open('delegate@committee.test');
    const c = await open(other.email, FACTORY_PASSWORD);
    for (const { page } of [a, c]) {
      await page.goto(`/drafts/${draftId}`);
      await page.locator('.draft-text[contenteditable=true]').waitFor();
    }
    await a.page.locator('.draft-text').click();
    await a.page.keyboard.type('First paragraph.');
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.type('Second paragraph.');
    await waitEqual(
      () => editorText(c.page),
      (s) => s.includes('Second paragraph.'),
    );
    // Each at the end of a different paragraph, both typing at once.
    await a.page.locator('.draft-text > p', { hasText: 'First paragraph.' }).click();
    await a.page.keyboard.press('End');
    await c.page.locator('.draft-text > p', { hasText: 'Second paragraph.' }).click();
    await c.page.keyboard.press('End');
    await Promise.all([
      a.page.keyboard.type(' Alpha from France types here', { delay: 15 }),
      c.page.keyboard.type(' Bravo from the second delegate', { delay: 15 }),
    ]);
    const merged = await waitEqual(
      () => editorText(a.page),
      (s) =>
        s.includes('First paragraph. Alpha from France types here') &&
        s.includes('Second paragraph. Bravo from the second delegate'),
    );
    await waitEqual(
      () => editorText(c.page),
      (s) => s === merged,
    );
    // Stored means acknowledged to its sender: both delegates' typing, not only a's.
    await a.page.locator('.sync-saved').waitFor();
    await c.page.locator('.sync-saved').waitFor();
    await screenshot(a.page, 'draft-co-editing');
    // The server has it too, both ways merged.
    const stored = await t.gql<{ draft: { text: string } }>(
      'query($d: ID!) { draft(id: $d) { text } }',
      { d: draftId },
      await t.login('chair@committee.test'),
    );
    expect(stored.data!.draft.text).toContain('Alpha from France types here');
    expect(stored.data!.draft.text).toContain('Bravo from the second delegate');
    // Undo takes back only one's own typing (in steps of what was typed within half a second).
    await c.page.locator('.draft-text').focus();
    for (let i = 0; i < 60 && (await editorText(c.page)).includes('Bravo'); i += 1) {
      const before = await editorText(c.page);
      await c.page.keyboard.press('Control+z');
      await waitEqual(
        () => editorText(c.page),
        (s) => s !== before,
      );
    }
    expect(await editorText(c.page)).not.toContain('Bravo');
    await waitEqual(
      () => editorText(a.page),
      (s) => !s.includes('Bravo'),
    );
    expect(await editorText(a.page)).toContain('Alpha from France types here');
    await Promise.all([a.context.close(), c.context.close()]);
  });

  it("updates the Chair's dashboard live while a delegate edits", async () => {
    const chair = await open('chair@committee.test');
    const card = chair.page.locator(`.draft-card[data-draft-id="${draftId}"]`);
    const delegate = await open('delegate@committee.test');
    await delegate.page.goto(`/drafts/${draftId}`);
    await card.locator('.editing-now', { hasText: 'Delegate' }).waitFor({ timeout: 30_000 });
    const wordsBefore = await card.locator('.length').innerText();
    await delegate.page.locator('.draft-text').click();
    await delegate.page.keyboard.press('Control+End');
    await delegate.page.keyboard.press('Enter');
    await delegate.page.keyboard.type('Live words for the Chair to see', { delay: 5 });
    // The summary follows within seconds: a correction of the previous test's edits may come
    // first (with its author), so both are waited for.
    await waitEqual(
      async () => ({
        length: await card.locator('.length').innerText(),
        lastEdit: await card.locator('.last-edit').innerText(),
      }),
      (s) => s.length !== wordsBefore && /by .*(France|Delegate)/i.test(s.lastEdit),
    );
    await screenshot(chair.page, 'dashboard-live');
    await delegate.context.close();
    await card.locator('.editing-now', { hasText: 'Nobody' }).waitFor({ timeout: 30_000 });
    await chair.context.close();
  });

  it('anchors a comment to a passage that stays put while a co-author edits before it', async () => {
    const coordinator = await open('coordinator@committee.test');
    const delegate = await open('delegate@committee.test');
    for (const { page } of [coordinator, delegate]) {
      await page.goto(`/drafts/${draftId}`);
      await page.locator('.draft-text[contenteditable=true]').waitFor();
    }
    const quote = 'passage under discussion';
    await delegate.page.locator('.draft-text').click();
    await delegate.page.keyboard.press('Control+End');
    await delegate.page.keyboard.press('Enter');
    await delegate.page.keyboard.type(`The ${quote} here.`);
    await waitEqual(
      () => editorText(coordinator.page),
      (s) => s.includes(quote),
    );
    // Select the passage by keyboard: from the end of the paragraph, back over " here." then the quote.
    await delegate.page.keyboard.press('End');
    for (let i = 0; i < ' here.'.length; i += 1) await delegate.page.keyboard.press('ArrowLeft');
    for (let i = 0; i < quote.length; i += 1) await delegate.page.keyboard.press('Shift+ArrowLeft');
    // The form says what the comment will be about before it is sent.
    await delegate.page.locator('.passage-preview', { hasText: quote }).waitFor();
    await delegate.page
      .locator('.draft-side')
      .getByLabel('Add a comment')
      .fill('Could we say "issue" instead?');
    await delegate.page.locator('.draft-side').getByRole('button', { name: 'Send' }).click();
    // The other browser sees the comment with its passage marked in the text.
    await coordinator.page
      .locator('.anchor-quote', { hasText: quote })
      .waitFor({ timeout: 30_000 });
    await waitEqual(
      () =>
        coordinator.page
          .locator('.comment-anchor')
          .innerText()
          .catch(() => ''),
      (s) => s === quote,
    );
    // The coordinator writes before the passage; the mark still covers exactly the passage.
    // A click on the left edge of the first paragraph puts the caret before its first character.
    await coordinator.page
      .locator('.draft-text > p')
      .first()
      .click({ position: { x: 1, y: 8 } });
    await coordinator.page.keyboard.type('Inserted first. ');
    await waitEqual(
      () =>
        delegate.page
          .locator('.comment-anchor')
          .innerText()
          .catch(() => ''),
      (s) => s === quote,
    );
    await waitEqual(
      () => editorText(delegate.page),
      (s) => s.startsWith('Inserted first. '),
    );
    expect(await delegate.page.locator('.comment-anchor').innerText()).toBe(quote);
    await delegate.page.locator('.anchor-quote', { hasText: quote }).click();
    // TipTap focuses the editor in the next animation frame; the selection shows from then on.
    await waitEqual(
      async () => (await delegate.page.evaluate('window.getSelection().toString()')) as string,
      (s) => s === quote,
    );
    await screenshot(delegate.page, 'draft-comment-anchor');
    // Resolving it removes the mark.
    await coordinator.page
      .locator('.thread', { hasText: quote })
      .getByRole('button', { name: 'Resolve' })
      .click();
    await delegate.page.locator('.comment-anchor').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it("lets the coordinator change a draft's status, live on the Chair's dashboard, but not adopt it", async () => {
    const chair = await open('chair@committee.test');
    const card = chair.page.locator(`.draft-card[data-draft-id="${draftId}"]`);
    const coordinator = await open('coordinator@committee.test');
    await coordinator.page.goto(`/drafts/${draftId}`);
    const status = coordinator.page.getByLabel('Change status');
    await status.selectOption('IN_REVIEW');
    await card.locator('.badge', { hasText: 'In review' }).waitFor({ timeout: 30_000 });
    // Adoption is the Committee's: offered to the Chair and the Secretariat only.
    expect(await status.locator('option[value=ADOPTED]').isDisabled()).toBe(true);
    expect(await coordinator.page.locator('.draft-meta .badge').innerText()).toBe('In review');
    await screenshot(coordinator.page, 'draft-status');
    await status.selectOption('DRAFTING');
    await card.locator('.badge', { hasText: 'Drafting' }).waitFor({ timeout: 30_000 });
  });

  it('keeps edits typed while the server is away, across closing the page, and sends them on the next visit', async () => {
    const { context, page } = await open('delegate@committee.test');
    page.on('dialog', (d) => void d.accept()); // "leave with edits not saved?"
    await page.goto(`/drafts/${draftId}`);
    await page.locator('.draft-text[contenteditable=true]').waitFor();
    const line = `Typed while the server was away (${Date.now()})`;
    await t.restart(async () => {
      await page.locator('.draft-text').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type(line);
      await page.locator('.sync-offline').waitFor();
      // The page goes away before the edit could be sent.
      await page.goto('about:blank');
    });
    const chair = await t.login('chair@committee.test');
    const stored = async () =>
      (
        await t.gql<{ draft: { text: string } }>(
          'query($d: ID!) { draft(id: $d) { text } }',
          { d: draftId },
          chair,
        )
      ).data?.draft.text ?? '';
    expect(await stored()).not.toContain(line);
    const next = await context.newPage();
    await next.goto(`/drafts/${draftId}`);
    await next.locator('.sync-saved').waitFor({ timeout: 15_000 });
    await waitEqual(stored, (s) => s.includes(line));
    expect(await editorText(next)).toContain(line);
  });

  it('shows a comment on an agenda item live in another browser', async () => {
    const { meetingId } = await meetingOf('2020-02');
    const month = '2020-02';
    const chair = await open('chair@committee.test');
    const delegate = await open('delegate@committee.test');
    for (const { page } of [chair, delegate]) {
      await page.goto(`/calendar/${month}`);
      await page
        .locator(`#meeting-${meetingId} .agenda-item`)
        .first()
        .getByRole('button', { name: /Comments/ })
        .click();
    }
    const body = `France supports item 1 (${Date.now()})`;
    await delegate.page
      .locator(`#meeting-${meetingId} .agenda-item`)
      .first()
      .getByLabel('Add a comment')
      .fill(body);
    await delegate.page
      .locator(`#meeting-${meetingId} .agenda-item`)
      .first()
      .getByRole('button', { name: 'Send' })
      .click();
    await chair.page.locator('.comment .body', { hasText: body }).waitFor({ timeout: 30_000 });
    await screenshot(chair.page, 'calendar-comments');
    // Its author corrects it, then deletes it: the other browser follows both.
    const own = delegate.page.locator('.comment', { hasText: body });
    await own.getByRole('button', { name: 'Edit' }).click();
    await own.getByLabel('Edit').fill(`${body}, with a reservation`);
    await own.getByRole('button', { name: 'Save' }).click();
    await chair.page
      .locator('.comment .body', { hasText: `${body}, with a reservation` })
      .waitFor({ timeout: 30_000 });
    expect(
      await chair.page
        .locator('.comment', { hasText: body })
        .getByRole('button', { name: 'Edit' })
        .count(),
    ).toBe(0);
    delegate.page.on('dialog', (d) => void d.accept());
    await delegate.page
      .locator('.comment', { hasText: body })
      .getByRole('button', { name: 'Delete' })
      .click();
    await chair.page
      .locator('.comment .body', { hasText: 'Comment deleted' })
      .waitFor({ timeout: 30_000 });
    // The Secretariat adds an item to the agenda: both browsers show it without a reload.
    const added = await t.gql(
      'mutation($m: ID!, $i: AgendaItemInput!) { addAgendaItem(meetingId: $m, input: $i) { id } }',
      {
        m: meetingId,
        i: { titleEn: 'Any other business', titleFr: 'Questions diverses', reference: 'par. 9' },
      },
      await t.login('secretariat@committee.test'),
    );
    expect(added.errors).toBeUndefined();
    for (const { page } of [chair, delegate]) {
      await page
        .locator(`#meeting-${meetingId} .agenda-item`, { hasText: 'Any other business' })
        .waitFor({ timeout: 30_000 });
    }
    expect(
      await chair.page.locator(`#meeting-${meetingId} .agenda-item`).last().innerText(),
    ).toContain('(Modalities paper, par. 9)');
    await Promise.all([chair.context.close(), delegate.context.close()]);
  });

  it('lets an observer read a draft but not type into it', async () => {
    const observer = await open('observer@committee.test');
    await observer.page.goto(`/drafts/${draftId}`);
    await observer.page.getByRole('note').filter({ hasText: 'Read only' }).waitFor();
    const editor = observer.page.locator('.draft-text');
    await editor.waitFor();
    expect(await editor.getAttribute('contenteditable')).toBe('false');
    const before = await editorText(observer.page);
    await editor.click();
    await observer.page.keyboard.type('observer was here');
    expect(await editorText(observer.page)).toBe(before);
    expect(await observer.page.locator('.toolbar').count()).toBe(0);
    await screenshot(observer.page, 'draft-read-only');
    await observer.context.close();
  });

  it('shows French titles in the French interface, and remembers the choice', async () => {
    const titles = (
      await t.gql<{ workingGroups: { id: string; number: number; title: string }[] }>(
        '{ workingGroups { id number title(lang: FR) } }',
        {},
        await t.login('chair@committee.test'),
      )
    ).data!.workingGroups;
    const { context, page } = await open('delegate@committee.test');
    await page.getByRole('button', { name: 'FR' }).click();
    await page.getByRole('heading', { name: 'Les projets en un coup d’œil' }).waitFor();
    const group = titles.find((g) => g.number === 1)!;
    await page.goto(`/groups/${group.id}`);
    await page.getByRole('heading', { level: 1, name: group.title }).waitFor();
    expect(await page.getByRole('heading', { name: 'Mandat' }).count()).toBe(1);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: group.title }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await screenshot(page, 'working-group-fr');
    await context.close();
  });

  it('sends the person back to sign in, saying why, when the session is revoked', async () => {
    const { context, page } = await open('expert@committee.test');
    const token =
      (await context.storageState()).origins[0].localStorage.find(
        (e) => e.name === 'committee.session',
      )?.value ?? '';
    const sessionToken = (JSON.parse(token) as { token: string }).token;
    await t.gql('mutation { logout }', {}, sessionToken);
    await page
      .getByRole('status')
      .filter({ hasText: 'Your session has expired' })
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'sign-in-expired');
    await context.close();
  });

  it('lets a coordinator start a draft of the group and change its title and deadline', async () => {
    const groups = (
      await t.gql<{ workingGroups: { id: string; number: number }[] }>(
        '{ workingGroups { id number } }',
        {},
        await t.login('chair@committee.test'),
      )
    ).data!.workingGroups;
    const { page } = await open('coordinator@committee.test');
    await page.goto(`/groups/${groups.find((g) => g.number === 1)!.id}`);
    await page.getByRole('button', { name: 'Start a new draft' }).click();
    await page.getByLabel('Title in English').fill('Draft elements on national points of contact');
    await page
      .getByLabel('Title in French')
      .fill('Éléments de projet sur les points de contact nationaux');
    await page.getByLabel('Deadline').fill('2026-12-15');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Draft elements on national points of contact' })
      .waitFor();
    await page.locator('.draft-text[contenteditable=true]').waitFor();
    expect(await page.locator('.draft-meta').innerText()).toContain('15 December 2026');

    await page.getByRole('button', { name: 'Edit title, symbol and deadline' }).click();
    await page
      .getByLabel('Title in English')
      .fill('Draft elements on national points of contact (rev. 1)');
    await page.getByLabel('Document symbol (optional)').fill('S/AC.44/2020/WP.3');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Draft elements on national points of contact (rev. 1)',
      })
      .waitFor();
    await page.locator('.draft-meta .draft-symbol', { hasText: 'S/AC.44/2020/WP.3' }).waitFor();
    await screenshot(page, 'draft-new');

    // A delegate of the group cannot start drafts: no such button for them.
    const delegate = await open('delegate@committee.test');
    await delegate.page.goto(`/groups/${groups.find((g) => g.number === 1)!.id}`);
    await delegate.page.getByRole('heading', { name: 'Drafts' }).waitFor();
    expect(await delegate.page.getByRole('button', { name: 'Start a new draft' }).count()).toBe(0);
    await delegate.page
      .getByRole('link', { name: 'Draft elements on national points of contact (rev. 1)' })
      .waitFor();
  });
});
