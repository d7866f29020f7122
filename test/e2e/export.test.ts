import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { expectNoAxeViolations } from '../helpers/axe';
import { screenshot } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';
import { openEditableDraft, typeAtEnd } from '../helpers/editor-page';
import { draftOf } from '../helpers/factories';

describe('exporting a draft from its page', () => {
  const suite = browserSuite();

  it('downloads the Word document with the session, and the PDF in French', async () => {
    const draftId = await draftOf(1);
    const { page } = await suite.open('coordinator@committee.test');
    await openEditableDraft(page, draftId);
    await typeAtEnd(page, 'The Committee exports its text.', { saved: true });

    await page.getByRole('button', { name: 'Export' }).click();
    const form = page.getByRole('form', { name: 'Export the draft' });
    await expectNoAxeViolations(page, 'draft page with the export form open');
    await screenshot(page, 'export-form-en');
    const [word] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(word.suggestedFilename()).toMatch(/-en\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync((await word.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain(
      'The Committee exports its text.',
    );
    await form
      .getByRole('status')
      .getByText(/^Downloaded /)
      .waitFor();

    await form.getByLabel('PDF').check();
    await form.getByLabel('Clean text').check();
    await form.getByLabel('Language of the document').selectOption('fr');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/-fr\.pdf$/);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('is in French, and says why when the server refuses', async () => {
    const draftId = await draftOf(2);
    const { page, context } = await suite.open('delegate@committee.test', { locale: 'fr-FR' });
    await page.goto(`/drafts/${draftId}`);
    await page.getByRole('button', { name: 'Exporter' }).click();
    const form = page.getByRole('form', { name: 'Exporter le projet' });
    await form.getByRole('button', { name: 'Télécharger' }).waitFor();
    await expectNoAxeViolations(page, 'draft page in French with the export form open');
    await screenshot(page, 'export-form-fr');
    // The session ends on the server: the download is refused, and the form says so.
    await context.route('**/export.docx*', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ message: 'Session ended', extensions: { code: 'UNAUTHENTICATED' } }],
        }),
      }),
    );
    await form.getByRole('button', { name: 'Télécharger' }).click();
    await form
      .getByRole('status')
      .getByText('Votre session a pris fin. Veuillez vous reconnecter.')
      .waitFor();
  });
});
