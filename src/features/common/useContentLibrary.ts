import { use } from 'react';
import type { ContentLibrary } from '../../content/validate';
import { retryImport } from '../../lib/retryImport';
import { useDiscreetContent } from '../care/discreetContent';

type TrackedPromise = Promise<ContentLibrary> & { status?: 'fulfilled'; value?: ContentLibrary };

let pending: TrackedPromise | undefined;

/** Starts loading the content library (once) and resolves when it is there. */
export function preloadContentLibrary(): Promise<ContentLibrary> {
  if (!pending) {
    const promise: TrackedPromise = retryImport(() => import('virtual:content')).then((module) => {
      // Marked the way React reads a settled promise, so later renders do not suspend.
      promise.status = 'fulfilled';
      promise.value = module.default;
      return module.default;
    });
    pending = promise;
  }
  return pending;
}

/**
 * The validated content library; suspends only until its first load. use() is
 * called on every render. In discreet mode, its neutral version.
 */
export function useContentLibrary(): ContentLibrary {
  return useDiscreetContent(use(preloadContentLibrary()));
}
