import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from './LanguagePicker';
import { PageErrorBoundary } from './PageErrorBoundary';

type Props = { variant: 'console' | 'projector' | 'phone'; children: ReactNode };

export function Shell({ variant, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className={`shell shell--${variant}`}>
      {/* The projector shows the room no control and no small print: it speaks the console's language. */}
      {variant !== 'projector' && (
        <header className="shell__header">
          <span className="shell__name">{t('app.name')}</span>
          <LanguagePicker />
        </header>
      )}
      <main className="shell__main">
        <PageErrorBoundary>{children}</PageErrorBoundary>
      </main>
    </div>
  );
}
