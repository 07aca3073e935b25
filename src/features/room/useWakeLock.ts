import { useEffect } from 'react';

/**
 * Keeps the phone's screen on while an activity is open, where the browser offers the
 * Screen Wake Lock API (a phone that sleeps drops its Wi-Fi). The browser releases the lock
 * when the page is hidden: it is taken again when the page is shown.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLock }).wakeLock;
    if (!active || !wakeLock) return;
    let sentinel: WakeLockSentinel | null = null;
    let stopped = false;
    const take = () => {
      if (document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      wakeLock.request('screen').then(
        (taken) => {
          if (stopped) void taken.release();
          else sentinel = taken;
        },
        // Refused (battery saver, no user gesture yet): the phone may sleep, and reconnects.
        () => undefined,
      );
    };
    take();
    document.addEventListener('visibilitychange', take);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', take);
      void sentinel?.release();
    };
  }, [active]);
}
