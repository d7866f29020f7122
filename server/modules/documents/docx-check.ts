import type JSZip from 'jszip';
import { appError, ErrorCode } from '../../core/errors';

/** The largest Word file taken (a delegation's paper is far smaller; images make the rest). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** What its parts may unpack to at most, together: beyond, it is a zip bomb or no paper. */
const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
const MAX_ENTRIES = 2000;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const unsupported = (message: string) => appError(ErrorCode.UnsupportedFile, message);

/** Unpacks one part while counting, and stops as soon as the budget is spent. */
function unpackedSize(file: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const stream = file.nodeStream('nodebuffer') as NodeJS.ReadableStream & {
      destroy?: () => void;
    };
    stream
      .on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget) {
          stream.pause();
          stream.destroy?.();
          reject(
            unsupported(
              'This file unpacks to far more than a Word document does (a zip bomb?): it was not read.',
            ),
          );
        }
      })
      .on('error', () => reject(unsupported('This Word document is damaged: it cannot be read.')))
      .on('end', () => resolve(size));
  });
}

/**
 * Refuses what is not a Word document, or one too large, before anything reads it: not a zip,
 * no document part, too many parts, or parts that unpack to more than MAX_UNPACKED_BYTES.
 */
export async function checkDocx(bytes: Buffer): Promise<void> {
  if (bytes.length === 0) throw unsupported('The file is empty: give a Word document (.docx).');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw appError(
      ErrorCode.PayloadTooLarge,
      `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: a Word document to import must be smaller.`,
    );
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b))
    throw unsupported('This is not a Word document (.docx): only .docx files can be imported.');
  let zip: JSZip;
  try {
    // Loaded on the first import, not at start: most servers never take a Word file.
    const zipLib = require('jszip') as typeof JSZip;
    zip = await zipLib.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw unsupported('This file is damaged or not a Word document (.docx): it cannot be read.');
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > MAX_ENTRIES)
    throw unsupported('This file holds too many parts for a Word document: it was not read.');
  if (!zip.file('word/document.xml') || !zip.file('[Content_Types].xml'))
    throw unsupported('This is not a Word document (.docx): it has no document part.');
  let budget = MAX_UNPACKED_BYTES;
  for (const file of files) budget -= await unpackedSize(file, budget);
}
