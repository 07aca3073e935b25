import { use } from 'react';
import type { ContentLibrary } from '../../content/validate';

let pending: Promise<ContentLibrary> | undefined;

/** The validated content library, loaded once; suspends until it arrives. */
export function useContentLibrary(): ContentLibrary {
  pending ??= import('virtual:content').then((module) => module.default);
  return use(pending);
}
