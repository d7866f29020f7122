import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { expectNoAxeViolations } from '../helpers/axe';
import { screenshot } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';
import { openEditableDraft, typeAtEnd } from '../helpers/editor-page';
import { draftOf, workingGroupId } from '../helpers/factories';

describe('drafts as Word and PDF documents, from the pages', () => {
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

  it('starts a draft from a Word document on the group’s page', async () => {
    const group = (await workingGroupId(1)).toHexString();
    const paper = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: 'Imported', bold: true }),
                  new TextRun(' text of a delegation.'),
                ],
              }),
            ],
          },
        ],
      }),
    );
    const { page } = await suite.open('coordinator@committee.test');
    await page.goto(`/groups/${group}`);
    await page.getByRole('button', { name: 'Import from Word' }).click();
    const form = page.getByRole('form', { name: 'A new draft from a Word document' });
    await form.getByLabel('Word document (.docx, up to 10 MB)').setInputFiles({
      name: 'delegation-paper.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: paper,
    });
    await form.getByLabel('Title in English (optional)').fill('Paper of a delegation');
    await expectNoAxeViolations(page, 'group page with the import form open');
    await screenshot(page, 'import-form-en');
    await form.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Paper of a delegation' }).waitFor();
    await page.locator('.draft-text strong', { hasText: 'Imported' }).waitFor();
    // Waited for rather than read once: the page may still be swapping the text it showed while
    // loading for the editor (a loaded run read an empty one).
    await page.locator('.draft-text', { hasText: 'Imported text of a delegation.' }).waitFor();

    // In French, and a file that is not a Word document is refused with the reason.
    const fr = await suite.open('secretariat@committee.test', { locale: 'fr-FR' });
    await fr.page.goto(`/groups/${group}`);
    await fr.page.getByRole('button', { name: 'Importer depuis Word' }).click();
    const formFr = fr.page.getByRole('form', {
      name: 'Un nouveau projet à partir d’un document Word',
    });
    await formFr.getByLabel('Document Word (.docx, 10 Mo au plus)').setInputFiles({
      name: 'notes.docx',
      mimeType: 'text/plain',
      buffer: Buffer.from('not a Word document'),
    });
    await formFr.getByRole('button', { name: 'Importer' }).click();
    await formFr
      .getByRole('status')
      .getByText('Ce fichier ne peut pas être lu : donnez un document Word (.docx).')
      .waitFor();
    await expectNoAxeViolations(fr.page, 'group page in French with a refused import');
    await screenshot(fr.page, 'import-form-fr');
  });
});
