import { downloadName } from './discreetName';

/**
 * Hands a file to the browser's download, from memory: nothing goes over the
 * network. In discreet mode the file is named after the neutral workshop name.
 */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = downloadName(name);
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
