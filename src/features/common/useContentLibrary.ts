import { use } from 'react';
import type { ContentLibrary } from '../../content/validate';

let pending: Promise<ContentLibrary> | undefined;
let loaded: ContentLibrary | undefined;

/** Starts loading the content library (once) and resolves when it is there. */
export function preloadContentLibrary(): Promise<ContentLibrary> {
  pending ??= import('virtual:content').then((module) => (loaded = module.default));
  return pending;
}

/** The validated content library; suspends only until its first load. */
export function useContentLibrary(): ContentLibrary {
  return loaded ?? use(preloadContentLibrary());
}
