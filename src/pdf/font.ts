/**
 * The TTF embedded in every PDF: DejaVu Sans covers Latin, Cyrillic and Arabic.
 * Served by the laptop like the app's other files, fetched only when exporting.
 */
import fontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import { toBase64 } from '../lib/base64';
import type { PdfFont } from './render';

let loading: Promise<PdfFont> | null = null;

export function loadPdfFont(): Promise<PdfFont> {
  loading ??= fetch(fontUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`font: ${response.status}`);
      return response.arrayBuffer();
    })
    .then((buffer) => ({ fileName: 'DejaVuSans.ttf', base64: toBase64(new Uint8Array(buffer)) }));
  loading.catch(() => {
    loading = null; // let a later export try again
  });
  return loading;
}
