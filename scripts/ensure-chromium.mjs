#!/usr/bin/env node
// The browser tests and the PDF export drive Debian's Chromium with playwright-core (no browser
// download), the export tests read PDFs with poppler's pdftotext and pdftoppm, and the PDF pages
// use the Liberation fonts (metric-compatible with Times New Roman). Installs the Debian packages
// that are missing (as root), or says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const needs = [
  { package: 'chromium', present: () => existsSync(chromium) },
  { package: 'fonts-dejavu-core', present: () => existsSync('/usr/share/fonts/truetype/dejavu') },
  {
    package: 'fonts-liberation',
    present: () => existsSync('/usr/share/fonts/truetype/liberation'),
  },
  { package: 'poppler-utils', present: () => has('pdftotext') && has('pdftoppm') },
];
const missing = () => needs.filter((n) => !n.present()).map((n) => n.package);

if (missing().length === 0) process.exit(0);
if (process.getuid?.() === 0 && has('apt-get')) {
  const packages = missing();
  process.stderr.write(`Installing from Debian: apt-get install ${packages.join(' ')}...\n`);
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  if (update.status === 0)
    spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit' });
  if (missing().length === 0) process.exit(0);
}
process.stderr.write(
  `The browser and export tests need these Debian packages: ${missing().join(' ')} (apt-get install ${missing().join(' ')}; Chromium may be elsewhere with CHROMIUM_PATH).\n`,
);
process.exit(1);
