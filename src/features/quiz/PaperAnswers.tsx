import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizCase } from '../../content/schema';
import { paperDevice } from '../../domain/paper';
import { useRoomDoc } from '../room/RoomContext';
import { submitOnEnterInSelect } from '../common/submitOnEnter';
import type { QuizGroup } from '../../domain/quiz';
import { answerSituation } from '../../sync/quiz/quizOperations';
import { randomToken } from '../../sync/roomId';
import { AnswerFields, type AnswerDraft } from './AnswerFields';
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
  const [draft, setDraft] = useState<AnswerDraft>({
    groupId: '',
    situationId: quizCase.situations[0]?.id ?? '',
    option: quizCase.options[0]?.key ?? 'A',
    reason: '',
  });
  const [last, setLast] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  const group = groups.find((g) => g.id === draft.groupId) ?? groups[0];
  if (!group) return null;
  return (
    <form
      className="paper-entry"
      aria-label={t('paper.answersHeading')}
      onKeyDown={submitOnEnterInSelect}
      onSubmit={(event) => {
        event.preventDefault();
        const { situationId, option, reason } = draft;
        answerSituation(doc, {
          caseId: quizCase.id,
          situationId,
          groupId: group.id,
          option,
          justification: reason,
          device: paperDevice(() => randomToken(9)),
        });
        setLast(t('paper.answerEntered', { group: groupName(t, group), id: situationId, option }));
        setDraft({ ...draft, reason: '' });
        first.current?.focus();
      }}
    >
      <h3>{t('paper.answersHeading')}</h3>
      <p className="hint">{t('paper.answersHint')}</p>
      <AnswerFields
        quizCase={quizCase}
        groups={groups}
        draft={{ ...draft, groupId: group.id }}
        onChange={setDraft}
        withSituation
        groupRef={first}
      />
      <button type="submit">{t('paper.addAnswer')}</button>
      <p role="status">{last}</p>
    </form>
  );
}
