import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_TEXT_MAX_CHARS } from '../../sync/limits';
import { addThought, removeThought } from '../../sync/quiz/quizOperations';
import { useRoomDoc } from '../room/RoomContext';
import { PhoneActivityFrame } from '../room/PhoneActivityFrame';
import { useQuiz } from './useQuiz';
import './quiz.css';

/** While a story is told day by day: this phone's thoughts on it, sent to the group's wall. */
export function PhoneThoughts({ device, caseId }: { device: string; caseId: string }) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const mine = useQuiz().thoughts.items.filter(
    (th) => th.device === device && th.caseId === caseId,
  );
  return (
    <PhoneActivityFrame className="phone-thoughts" title={t('narrative.phoneHeading')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() === '') return;
          addThought(doc, { caseId, text, device });
          setText('');
        }}
      >
        <label className="field">
          <span>{t('narrative.phoneLabel')}</span>
          <textarea
            rows={2}
            maxLength={CARD_TEXT_MAX_CHARS}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit" className="button--primary">
          {t('narrative.phoneSend')}
        </button>
      </form>
      {mine.length > 0 && (
        <>
          <h3>{t('narrative.phoneYours')}</h3>
          <ul className="thoughts">
            {mine.map((thought) => (
              <li key={thought.id}>
                <span>{thought.text}</span>
                <button type="button" onClick={() => removeThought(doc, thought.id)}>
                  {t('narrative.phoneWithdraw')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </PhoneActivityFrame>
  );
}
