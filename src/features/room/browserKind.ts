/**
 * Which browser's words to use for accepting a self-signed certificate. Every iOS browser is
 * WebKit and shows Safari's warning; Firefox has its own; the others are Chromium's.
 */
export function certificateStepsKey(
  userAgent: string,
): 'connection.stepsSafari' | 'connection.stepsFirefox' | 'connection.stepsChrome' {
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'connection.stepsSafari';
  if (/Firefox\//.test(userAgent)) return 'connection.stepsFirefox';
  if (/Safari\//.test(userAgent) && !/Chrome\/|Chromium\//.test(userAgent))
    return 'connection.stepsSafari';
  return 'connection.stepsChrome';
}
