import { lazy, type ComponentType } from 'react';
import { retryImport } from './retryImport';

/** React.lazy whose import is tried again while the network is away (see retryImport). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the constraint React.lazy itself uses
export function lazyWithRetry<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  return lazy(() => retryImport(load));
}
