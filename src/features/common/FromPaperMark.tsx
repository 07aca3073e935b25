import { useTranslation } from 'react-i18next';

/**
 * Marks a card, an answer or a measure keyed in from paper by the facilitator:
 * a word, not a colour, so a screen reader and a colour-blind reader see it too.
 */
export function FromPaperMark() {
  const { t } = useTranslation();
  return (
    <span className="tag paper-mark">
      <span aria-hidden="true">{'✎ '}</span>
      {t('paper.mark')}
    </span>
  );
}
