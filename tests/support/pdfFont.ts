/** The PDF font read from node_modules, for rendering PDFs in Node (tests and bench). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PdfFont } from '../../src/pdf/render';

const require = createRequire(import.meta.url);

export const pdfFont: PdfFont = {
  fileName: 'DejaVuSans.ttf',
  base64: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).toString('base64'),
};
