import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type State = { failed: boolean };

/**
 * The last resort: a part of the page that failed says so and offers to try
 * again, instead of a blank screen. The room's data lives outside React, so
 * trying again loses nothing.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  render() {
    return this.state.failed ? (
      <Failed onRetry={() => this.setState({ failed: false })} />
    ) : (
      this.props.children
    );
  }
}

function Failed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="page-failed">
      <p>{t('app.failed')}</p>
      <button type="button" className="button--primary" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
