import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { withWhoAndWhen } from '../../domain/rolePlay';
import type { OpenedPoint } from '../../sync/privateLayer/sealedOperations';
import { partLabel } from './labels';

/**
 * The points their authors gave to the facilitator only, or to be counted:
 * read here, on the laptop, and nowhere else. Nothing here can put them on the
 * board (a counted one adds to its part's count there, without its text).
 */
export function WithheldPoints({ points }: { points: readonly OpenedPoint[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (points.length === 0) return null;
  return (
    <section className="role-play__withheld" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('privateWords.withheldHeading', { count: points.length })}</h3>
      <p className="hint">{t('privateWords.withheldHint')}</p>
      <ul>
        {[...points]
          .sort((a, b) => a.at - b.at)
          .map((point) => (
            <li key={point.id}>
              <span dir="auto">{withWhoAndWhen(point)}</span>{' '}
              <span className="tag">
                {`${partLabel(t, point.part)} · ${
                  point.choice === 'counted'
                    ? t('privateWords.pointCounted')
                    : t(`privateLayer.choice.${point.choice}`)
                }`}
              </span>
            </li>
          ))}
      </ul>
    </section>
  );
}
