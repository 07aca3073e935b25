import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formGroups, type Group } from '../../domain/groups';
import { newGroupId, renameGroup, setGroups } from '../../sync/groups/groupOperations';
import { NumberField } from '../common/NumberField';
import './quiz.css';
import { useRoomDoc } from '../room/RoomContext';
import { useGroups } from '../room/useRoom';
import { NICKNAME_MAX_CHARS } from '../../sync/limits';

/** The room's groups by number, then named by hand if the trainer wants (quiz, role-play, plan). */
export function QuizGroups() {
  const doc = useRoomDoc();
  const groups = useGroups();
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
        <button type="button" onClick={() => setGroups(doc, formGroups(groups, count, newGroupId))}>
          {t('quiz.formGroups')}
        </button>
      </div>
      <ol className="quiz-groups__list">
        {groups.map((group) => (
          <li key={group.id}>
            <GroupNameField group={group} />
          </li>
        ))}
      </ol>
    </fieldset>
  );
}

function GroupNameField({ group }: { group: Group }) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label>
      {t('quiz.rename', { number: group.number })}
      <input
        type="text"
        maxLength={NICKNAME_MAX_CHARS}
        placeholder={t('quiz.groupName', { number: group.number })}
        value={draft ?? group.name ?? ''}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          if (draft !== null) renameGroup(doc, group, draft);
          setDraft(null);
        }}
      />
    </label>
  );
}
