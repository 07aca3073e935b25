import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizCase } from '../../content/schema';
import { paperDevice } from '../../domain/paper';
import { useRoomDoc } from '../room/RoomContext';
import { submitOnEnterInSelect } from '../common/submitOnEnter';
import type { QuizGroup } from '../../domain/quiz';
import { answerSituation } from '../../sync/quiz/quizOperations';
import { randomToken } from '../../sync/roomId';
import { ANSWER_JUSTIFICATION_MAX_CHARS } from '../../sync/limits';
import { groupName } from './groupName';

type Props = { quizCase: QuizCase; groups: readonly QuizGroup[] };

/**
 * The groups' answers written on paper cards, keyed in: group, situation,
 * option, reason, Enter for the next. Entered by the facilitator, so under no
 * participant's device; a group's later answer replaces its earlier one, as from a phone.
 */
export function PaperAnswers({ quizCase, groups }: Props) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [groupId, setGroupId] = useState('');
  const [situationId, setSituationId] = useState(quizCase.situations[0]?.id ?? '');
  const [option, setOption] = useState(quizCase.options[0]?.key ?? 'A');
  const [reason, setReason] = useState('');
  const [last, setLast] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  const group = groups.find((g) => g.id === groupId) ?? groups[0];
  if (!group) return null;
  return (
    <form
      className="paper-entry"
      aria-label={t('paper.answersHeading')}
      onKeyDown={submitOnEnterInSelect}
      onSubmit={(event) => {
        event.preventDefault();
        answerSituation(doc, {
          caseId: quizCase.id,
          situationId,
          groupId: group.id,
          option,
          justification: reason,
          device: paperDevice(() => randomToken(9)),
        });
        setLast(t('paper.answerEntered', { group: groupName(t, group), id: situationId, option }));
        setReason('');
        first.current?.focus();
      }}
    >
      <h3>{t('paper.answersHeading')}</h3>
      <p className="hint">{t('paper.answersHint')}</p>
      <label>
        {t('quiz.recordGroup')}
        <select ref={first} value={group.id} onChange={(event) => setGroupId(event.target.value)}>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {groupName(t, g)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('paper.situation')}
        <select value={situationId} onChange={(event) => setSituationId(event.target.value)}>
          {quizCase.situations.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('quiz.recordOption')}
        <select value={option} onChange={(event) => setOption(event.target.value)}>
          {quizCase.options.map((o) => (
            <option key={o.key} value={o.key}>
              {`${o.key}: ${o.label}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('quiz.recordWhy')}
        <input
          type="text"
          maxLength={ANSWER_JUSTIFICATION_MAX_CHARS}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      <button type="submit">{t('paper.addAnswer')}</button>
      <p role="status">{last}</p>
    </form>
  );
}
