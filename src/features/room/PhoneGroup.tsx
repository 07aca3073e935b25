import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupAnswers } from '../../domain/phoneView';
import { GroupPicker } from '../common/GroupPicker';
import { groupName } from '../quiz/groupName';
import { recallGroup } from '../quiz/phoneGroup';
import { useQuiz } from '../quiz/useQuiz';
import { useGroups } from './useRoom';

/**
 * "Your group": which working group this phone speaks for, what the group has
 * answered so far in the room's quiz (a member who comes back sees where it
 * stands), and changing it (remembered for the room).
 */
export function PhoneGroup({ room }: { room: string }) {
  const { t } = useTranslation();
  const groups = useGroups();
  const quiz = useQuiz();
  const [groupId, setGroupId] = useState(() => recallGroup(room));
  const group = groups.find((g) => g.id === groupId);
  const answered = groupAnswers(quiz.answers.items, quiz.run?.caseId ?? null, group?.id ?? null);
  const headingId = useId();
  const answersId = useId();
  return (
    <section className="phone-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('phone.tabGroup')}</h2>
      {group ? (
        <p className="phone-group__chosen">
          {t('phone.groupChosen', { group: groupName(t, group) })}
        </p>
      ) : (
        groups.length > 0 && <p>{t('phone.groupNone')}</p>
      )}
      {group && quiz.run && (
        <section className="phone-group__answers" aria-labelledby={answersId}>
          <h3 id={answersId}>{t('phone.groupAnswers')}</h3>
          {answered.length > 0 ? (
            <ul>
              {answered.map((answer) => (
                <li key={answer.situationId}>
                  {t('phone.groupAnswer', { id: answer.situationId, option: answer.option })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('phone.groupNoAnswers')}</p>
          )}
        </section>
      )}
      <GroupPicker room={room} groups={groups} groupId={groupId} onChange={setGroupId} />
      <p className="note">{t('phone.groupHint')}</p>
    </section>
  );
}
