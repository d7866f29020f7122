import { expectNoAxeViolations } from '../helpers/axe';
import { screenshot } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';
import { draftWithVersion } from '../helpers/consultations';

const FIRST = 'Calls upon all States to report on the measures they have taken.';
const SECOND = 'Encourages States to share effective practices in national implementation.';
const LIVE = 'A sentence added after the consulted version.';
const COMMENT = 'Mexico proposes to mention regional organisations in this paragraph.';
const EDITED = 'Mexico proposes to mention regional and subregional organisations here.';

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

describe('open consultations in the browser', () => {
  const s = browserSuite();

  it('the Secretariat opens one on a version; a Member State guest reads that text and comments on a paragraph; a member sees it live on the draft page; in English and French, axe-clean', async () => {
    const { t } = s;
    const chair = await t.login('chair@committee.test');
    const draftId = await draftWithVersion(t, chair, [FIRST, SECOND], [LIVE], 'Draft conclusions');

    // The Secretariat opens the consultation from the draft page.
    const secretariat = await s.open('secretariat@committee.test');
    await secretariat.page.goto(`/drafts/${draftId}`);
    const panel = secretariat.page.locator('.consultation-panel');
    await panel.waitFor({ timeout: 30_000 });
    await panel.getByLabel('Version', { exact: true }).selectOption('1');
    await panel.getByLabel('Closing date (optional)').fill(newYorkWallTime(3 * 86_400_000));
    await expectNoAxeViolations(secretariat.page, 'the draft page with the consultations panel');
    await panel.getByRole('button', { name: 'Open the consultation' }).click();
    await panel.locator('.consultation-state.is-open').waitFor({ timeout: 30_000 });
    expect(await panel.innerText()).toMatch(/Closes on .* (EST|GMT-5|EDT|GMT-4) \(New York time\)/);
    await screenshot(secretariat.page, 'consultation-secretariat-en');

    // A member has the draft open, with its comments.
    const member = await s.open('delegate@committee.test');
    await member.page.goto(`/drafts/${draftId}`);
    await member.page.locator('.draft-text[contenteditable=true]').waitFor({ timeout: 30_000 });
    await member.page.locator('.draft-side .comments').waitFor({ timeout: 30_000 });

    // The guest's home is the consultations list; their navigation, that and their account.
    const guest = await s.open('guest@committee.test');
    await guest.page.goto('/');
    await guest.page.waitForURL(/\/consultations$/, { timeout: 30_000 });
    const nav = guest.page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Consultations' }).waitFor();
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Consultations', 'My account']);
    await guest.page.getByRole('link', { name: /Test draft/ }).click();
    const text = guest.page.locator('.consulted-text');
    await text.getByText(SECOND).waitFor({ timeout: 30_000 });
    expect(await text.innerText()).not.toContain(LIVE);
    expect(await guest.page.locator('main').innerText()).toMatch(/Version 1: Draft conclusions/);
    await expectNoAxeViolations(guest.page, 'the consultation page (EN)');
    await screenshot(guest.page, 'consultation-guest-en');

    // The version as a document: the French PDF.
    const [pdf] = await Promise.all([
      guest.page.waitForEvent('download'),
      guest.page.getByRole('button', { name: 'PDF, français' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/-rev1-fr\.pdf$/);

    await guest.page.getByLabel('About').selectOption('2');
    await guest.page.getByLabel('Your comment').fill(COMMENT);
    await guest.page.getByRole('button', { name: 'Send the comment' }).click();
    await guest.page.getByText('Your comment has been sent to the Committee.').waitFor();
    const mine = guest.page.locator('.consultation-comments li', { hasText: COMMENT });
    await mine.waitFor();
    expect(await mine.innerText()).toMatch(/Mexico/);
    expect(await mine.innerText()).toMatch(/On paragraph 2/);
    await expectNoAxeViolations(guest.page, 'the consultation page with a comment (EN)');

    // Its author words it better while the consultation is open; members see the change live.
    await mine.getByRole('button', { name: 'Edit' }).click();
    await mine.getByLabel('Your comment, to change').fill(EDITED);
    await expectNoAxeViolations(guest.page, 'the consultation page editing a comment (EN)');
    await screenshot(guest.page, 'consultation-guest-editing-en');
    await mine.getByRole('button', { name: 'Save the change' }).click();
    await guest.page.getByText('Your change has been sent to the Committee.').waitFor();
    const edited = guest.page.locator('.consultation-comments li', { hasText: EDITED });
    await edited.waitFor();
    expect(await edited.innerText()).toMatch(/edited/);

    // Live on the member's draft page, marked as from the consultation, signed Mexico.
    const shown = member.page.locator('.comment-from-consultation', { hasText: EDITED });
    await shown.waitFor({ timeout: 30_000 });
    expect(await shown.innerText()).toMatch(/Open consultation on version 1, paragraph 2/);
    expect(await shown.innerText()).toMatch(/Mexico/);
    // Members may read them apart from their own discussion.
    await member.page
      .locator('.draft-side .comments')
      .getByLabel('Only Member States’ comments from consultations (1)')
      .check();
    await shown.waitFor();
    await shown.scrollIntoViewIfNeeded();
    await expectNoAxeViolations(member.page, 'the draft page with a consultation comment');
    await screenshot(member.page, 'consultation-member-en');

    // In French.
    const guestFr = await s.open('guest@committee.test', { locale: 'fr-FR' });
    await guestFr.page.goto('/consultations');
    await guestFr.page.getByRole('heading', { name: 'Consultations ouvertes' }).waitFor({
      timeout: 30_000,
    });
    await expectNoAxeViolations(guestFr.page, 'the consultations list (FR)');
    await guestFr.page.getByRole('link', { name: /Projet d’essai/ }).click();
    await guestFr.page.locator('.consulted-text').getByText(FIRST).waitFor({ timeout: 30_000 });
    await guestFr.page.getByText('Observations des États Membres').waitFor();
    expect(await guestFr.page.locator('main').innerText()).toMatch(
      /Close le .* \(heure de New York\)/,
    );
    expect(
      await guestFr.page.locator('.consultation-comments li', { hasText: EDITED }).innerText(),
    ).toMatch(/Mexique.*modifiée le/s);
    // Live: another comment arrives on the open page.
    const guestToken = await t.login('guest@committee.test');
    const consultationId = new URL(guestFr.page.url()).pathname.split('/').pop();
    const second = await t.gql(
      'mutation($i: AddConsultationCommentInput!) { addConsultationComment(input: $i) { id } }',
      { i: { consultationId, body: 'Un second commentaire sur le texte entier.' } },
      guestToken,
    );
    expect(second.errors).toBeUndefined();
    await guestFr.page
      .locator('.consultation-comments li', { hasText: 'Un second commentaire' })
      .waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(guestFr.page, 'the consultation page (FR)');
    await screenshot(guestFr.page, 'consultation-guest-fr');

    // Its author withdraws that one: it leaves the list.
    const secondItem = guestFr.page.locator('.consultation-comments li', {
      hasText: 'Un second commentaire',
    });
    await secondItem.getByRole('button', { name: 'Retirer' }).click();
    const ask = guestFr.page.getByRole('alertdialog', { name: 'Retirer votre observation ?' });
    await ask.waitFor();
    await expectNoAxeViolations(guestFr.page, 'withdrawing a comment (FR)');
    await screenshot(guestFr.page, 'consultation-guest-withdraw-fr');
    await ask.getByRole('button', { name: 'Retirer' }).click();
    await guestFr.page.getByText('Votre observation a été retirée.').waitFor();
    await secondItem.waitFor({ state: 'detached', timeout: 30_000 });

    // Closed by the Secretariat: the guest's form goes, the member's panel says so, both live.
    const closed = await t.gql(
      'mutation($id: ID!) { closeConsultation(id: $id) { open } }',
      { id: consultationId },
      await t.login('secretariat@committee.test'),
    );
    expect(closed.data!.closeConsultation.open).toBe(false);
    await guestFr.page
      .getByText('Cette consultation est close : elle ne reçoit plus d’observations.')
      .waitFor({ timeout: 30_000 });
    expect(await guestFr.page.getByRole('button', { name: 'Envoyer l’observation' }).count()).toBe(
      0,
    );
    // What stood at the closing stands: no more changes.
    expect(await guestFr.page.getByRole('button', { name: 'Modifier' }).count()).toBe(0);
    await member.page
      .locator('.consultation-panel .consultation-state.is-closed')
      .waitFor({ timeout: 30_000 });
    // A member reads the consultation as Member States see it, without the form.
    await member.page
      .getByRole('link', { name: 'The consultation as Member States see it' })
      .click();
    await member.page.locator('.consulted-text').getByText(FIRST).waitFor({ timeout: 30_000 });
    expect(await member.page.locator('.consultation-form').count()).toBe(0);
  }, 240_000);
});
