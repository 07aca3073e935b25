import { use, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentLibrary } from '../../content/validate';
import { useDiscreetContent } from '../care/discreetContent';
import { loadedContent, preloadContentLibrary, subscribeContent } from './contentLoading';

export { preloadContentLibrary } from './contentLoading';

/**
 * The validated content library, with English and the language of the
 * translations around the caller (a bilingual projector's second column reads
 * its own); suspends only until those have loaded. Languages loaded later
 * (the projector's second language) redraw the callers. In discreet mode,
 * its neutral version.
 */
export function useContentLibrary(): ContentLibrary {
  const { i18n } = useTranslation();
  use(preloadContentLibrary([i18n.language]));
  return useDiscreetContent(useSyncExternalStore(subscribeContent, loadedContent));
}
