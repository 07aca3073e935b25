import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDiscreetName } from '../lib/discreetName';
import { LanguagePicker } from './LanguagePicker';
import { PageErrorBoundary } from './PageErrorBoundary';

type Props = { variant: 'console' | 'projector' | 'phone'; children: ReactNode };

export function Shell({ variant, children }: Props) {
  const { t } = useTranslation();
  // A phone never names the kit or its topic: its header and title (kept in the browser's
  // history) say "Workshop", or the neutral name of a room in discreet mode.
  const discreet = useDiscreetName();
  const name = discreet ?? (variant === 'phone' ? t('care.neutralName') : t('app.name'));
  useEffect(() => {
    document.title = name;
  }, [name]);
  return (
    <div className={`shell shell--${variant}`}>
      {/* The projector shows the room no control and no small print: it speaks the console's language. */}
      {variant !== 'projector' && (
        <header className="shell__header">
          <span className="shell__name">{name}</span>
          <LanguagePicker />
        </header>
      )}
      <main className="shell__main">
        <PageErrorBoundary>{children}</PageErrorBoundary>
      </main>
    </div>
  );
}
