import { expectNoAxeViolations } from '../helpers/axe';
import {
  contextsClosedAfterEach,
  launchBrowser,
  screenshot,
  signedIn,
  TestBrowser,
} from '../helpers/browser';
import { editorText } from '../helpers/editor-page';
import { draftOf } from '../helpers/factories';
import { startTestPlatform, TEST_PASSWORD, TestPlatform } from '../helpers/test-platform';

const READ = 'query($d: ID!) { draft(id: $d) { text } }';

describe('membership of the working groups in the browser', () => {
  let t: TestPlatform;
  let b: TestBrowser;
  let chairToken: string;
  const contexts = contextsClosedAfterEach();
  const open = async (email: string, locale = 'en-GB') => {
    const session = await signedIn(b.browser, t.url, email, TEST_PASSWORD, { locale });
    contexts.push(session.context);
    return session;
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    b = await launchBrowser();
    chairToken = await t.login('chair@committee.test');
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await t?.stop();
  });

  it('lets the Secretariat seat a delegate, whose open draft turns editable at once, while another reader follows live', async () => {
    const draftId = await draftOf(4);
    // The delegate of France reads group 4's draft: not a member, read only.
    const delegate = await open('delegate@committee.test');
    await delegate.page.goto(`/drafts/${draftId}`);
    await delegate.page.locator('.draft-text[contenteditable=false]').waitFor();
    await delegate.page.getByText('Read only: you may read this draft').waitFor();
    await delegate.page.evaluate('window.__sameDocument = true');

    // The Chair reads the page in French: no changes offered, changes seen live.
    const chair = await open('chair@committee.test', 'fr-FR');
    await chair.page.getByRole('link', { name: 'Composition' }).click();
    await chair.page
      .getByRole('heading', { name: 'Les groupes de travail et leurs membres' })
      .waitFor();
    const chairGroup4 = chair.page.getByRole('region', { name: /Groupe de travail 4/ });
    await chairGroup4.getByText('Coordonnateur :').waitFor();
    expect(await chair.page.getByRole('button', { name: 'Ajouter' }).count()).toBe(0);
    await chair.page.getByText('Le Secrétariat tient cette liste').waitFor();

    // And the group's own page, in a second tab.
    const { workingGroups } = (
      await t.gql<{ workingGroups: { id: string; number: number }[] }>(
        '{ workingGroups { id number } }',
        {},
        chairToken,
      )
    ).data!;
    const groupPage = await chair.context.newPage();
    await groupPage.goto(`/groups/${workingGroups.find((g) => g.number === 4)!.id}`);
    await groupPage.getByRole('heading', { name: 'Membres' }).waitFor();
    expect(await groupPage.getByText('Delegate (demo)').count()).toBe(0);

    const secretariat = await open('secretariat@committee.test');
    const page = secretariat.page;
    await page.getByRole('link', { name: 'Membership' }).click();
    await page.getByRole('heading', { name: 'Working groups and their members' }).waitFor();
    const group4 = page.getByRole('region', { name: /Working group 4/ });
    await group4.getByText('South Africa').first().waitFor();
    expect(await page.getByRole('region', { name: /Working group \d/ }).count()).toBe(4);
    await expectNoAxeViolations(page, 'the membership page, for the Secretariat (en)');
    await screenshot(page, 'membership-secretariat-en');

    // Adding without choosing says what to do.
    await group4.getByRole('button', { name: 'Add' }).last().click();
    await page.getByRole('alert').getByText('Choose whom to add first.').waitFor();

    await group4
      .getByLabel('Person to add to working group 4')
      .selectOption({ label: 'Delegate (demo) · France' });
    await group4.getByRole('button', { name: 'Add' }).last().click();
    await page
      .getByRole('status')
      .getByText('Delegate (demo) · France added to working group 4.')
      .waitFor();
    await group4.getByRole('listitem').filter({ hasText: 'Delegate (demo)' }).waitFor();

    // At once in the delegate's open draft: editable, without reloading.
    await delegate.page.locator('.draft-text[contenteditable=true]').waitFor();
    expect(await delegate.page.evaluate('window.__sameDocument === true')).toBe(true);
    await delegate.page.locator('.draft-text').click();
    await delegate.page.keyboard.type('France joins the fourth working group.');
    await delegate.page.locator('.sync-saved').waitFor();
    expect(await editorText(delegate.page)).toContain('France joins the fourth working group.');
    expect((await t.gql(READ, { d: draftId }, chairToken)).data!.draft.text as string).toContain(
      'France joins the fourth working group.',
    );

    // The Chair's pages followed.
    await chairGroup4.getByRole('listitem').filter({ hasText: 'Delegate (demo)' }).waitFor();
    await groupPage.getByRole('listitem').filter({ hasText: 'Delegate (demo)' }).waitFor();
    await expectNoAxeViolations(chair.page, 'the membership page, read only (fr)');
    await screenshot(chair.page, 'membership-read-only-fr');

    // Seat France's delegation with the keyboard alone: choose, Tab to Add, Enter.
    const delegationChoice = group4.getByLabel('Delegation to add to working group 4');
    await delegationChoice.focus();
    await delegationChoice.selectOption({ label: 'France' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .getByText('France added to working group 4.', { exact: true })
      .waitFor();
    await group4.getByRole('button', { name: 'Remove France from working group 4' }).waitFor();
    await chairGroup4.getByText('France', { exact: true }).waitFor();
    // The delegate also sits in groups 1 and 2: the server says why they cannot coordinate here.
    await group4
      .getByRole('button', {
        name: 'Name coordinator: Delegate (demo) · France, working group 4',
      })
      .click();
    await page
      .getByRole('alert')
      .getByText(/also sits in working groups 1 and 2, whose drafts a coordinator would manage too/)
      .waitFor();
    // The coordinator removed, then named again.
    await group4.getByRole('button', { name: 'Remove the coordinator of working group 4' }).click();
    await page
      .getByRole('status')
      .getByText('Working group 4 has no coordinator now.', { exact: true })
      .waitFor();
    await chairGroup4.getByText('Pas encore désigné').waitFor();
    await group4
      .getByRole('button', {
        name: 'Name coordinator: Working group 4 coordinator (demo) · South Africa, working group 4',
      })
      .click();
    await page
      .getByRole('status')
      .getByText(
        'Working group 4 coordinator (demo) · South Africa is now the coordinator of working group 4.',
      )
      .waitFor();
    await chairGroup4.getByText('coordonnateur', { exact: true }).waitFor();

    // Taken out again: the delegate's editor closes at once.
    await group4
      .getByRole('button', { name: 'Remove Delegate (demo) · France from working group 4' })
      .click();
    await page
      .getByRole('status')
      .getByText('Delegate (demo) · France removed from working group 4.')
      .waitFor();
    await delegate.page.locator('.draft-text[contenteditable=false]').waitFor();
    await delegate.page.getByText('Read only: you may read this draft').waitFor();
    // The Remove button went with its row: focus stays in the group, on its heading.
    expect(await page.evaluate('document.activeElement.textContent')).toBe(
      'Working group 4: Transparency and media relations',
    );
    await chairGroup4.getByText('Coordonnateur :').waitFor();
    expect(
      await chairGroup4.getByRole('listitem').filter({ hasText: 'Delegate (demo)' }).count(),
    ).toBe(0);
  });

  it('shows the page in French to the Secretariat, without accessibility violation', async () => {
    const { page } = await open('secretariat@committee.test', 'fr-FR');
    await page.goto('/membership');
    await page.getByRole('heading', { name: 'Les groupes de travail et leurs membres' }).waitFor();
    await page
      .getByRole('region', { name: /Groupe de travail 3/ })
      .getByText('Allemagne')
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'the membership page, for the Secretariat (fr)');
    await screenshot(page, 'membership-secretariat-fr');
  });
});
