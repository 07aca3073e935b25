import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomDoc } from '../../sync/roomDoc';
import { formGroups } from '../../domain/quiz';
import { newGroupId, renameQuizGroup, setQuizGroups } from '../../sync/quizOperations';
import type { QuizGroupRecord } from '../../sync/roomSchema';
import { NumberField } from '../common/NumberField';
import './quiz.css';

/** Groups by number, then named by hand if the trainer wants. */
export function QuizGroups({ doc, groups }: { doc: RoomDoc; groups: QuizGroupRecord[] }) {
  const { t } = useTranslation();
  const [count, setCount] = useState(groups.length || 4);
  return (
    <fieldset className="quiz-groups">
      <legend>{t('quiz.groups')}</legend>
      <div className="quiz-groups__form">
        <NumberField
          label={t('quiz.groupCount')}
          value={count}
          min={1}
          max={30}
          onCommit={setCount}
        />
        <button
          type="button"
          onClick={() => setQuizGroups(doc, formGroups(groups, count, newGroupId))}
        >
          {t('quiz.formGroups')}
        </button>
      </div>
      <ol className="quiz-groups__list">
        {groups.map((group) => (
          <li key={group.id}>
            <GroupNameField doc={doc} group={group} />
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

function GroupNameField({ doc, group }: { doc: RoomDoc; group: QuizGroupRecord }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label>
      {t('quiz.rename', { number: group.number })}
      <input
        type="text"
        maxLength={40}
        placeholder={t('quiz.groupName', { number: group.number })}
        value={draft ?? group.name ?? ''}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          if (draft !== null) renameQuizGroup(doc, group, draft);
          setDraft(null);
        }}
      />
    </label>
  );
}
