import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { JoinByCode } from '../features/join/JoinByCode';
import { JoinPage } from '../features/join/JoinPage';
import { ProjectorByCode } from '../features/join/ProjectorByCode';
import { resolveRoomKey } from './roomKey';
import { Shell } from './Shell';
import { useHashRoute } from './useHashRoute';
import { lazyWithRetry } from '../lib/lazyWithRetry';
import { withEveryString } from '../i18n/setup';

// The console and projector carry the content library and every string; a phone never loads them.
const ConsolePage = lazyWithRetry(withEveryString(() => import('../features/console/ConsolePage')));
const ProjectorPage = lazyWithRetry(
  withEveryString(() => import('../features/projector/ProjectorPage')),
);

export function App() {
  const route = useHashRoute();
  const { t } = useTranslation();
  const loading = <p role="status">{t('app.loading')}</p>;
  switch (route.screen) {
    case 'console':
      return (
        <Shell variant="console">
          <Suspense fallback={loading}>
            <ConsolePage />
          </Suspense>
        </Shell>
      );
    case 'projector':
      return (
        <Shell variant="projector">
          <Suspense fallback={loading}>
            <ProjectorPage
              room={route.room}
              roomKey={
                route.room
                  ? resolveRoomKey(route.room, route.key, route.admission, route.facilitator)
                  : null
              }
            />
          </Suspense>
        </Shell>
      );
    case 'join':
      return (
        <Shell variant="phone">
          <JoinPage
            room={route.room}
            roomKey={resolveRoomKey(route.room, route.key, route.admission, route.facilitator)}
          />
        </Shell>
      );
    case 'projector-code':
      return (
        <Shell variant="projector">
          <ProjectorByCode key={route.code} code={route.code} />
        </Shell>
      );
    case 'code':
      return (
        <Shell variant="phone">
          <JoinByCode key={route.code ?? ''} code={route.code} />
        </Shell>
      );
    case 'not-found':
      return (
        <Shell variant="phone">
          <p role="alert">{t('app.notFound')}</p>
          <a href="#/">{t('app.backToConsole')}</a>
        </Shell>
      );
  }
}
