import { useTranslation } from 'react-i18next';
import type { QuizGroup } from '../../domain/quiz';
import { groupName } from '../quiz/groupName';
import { rememberGroup } from '../quiz/phoneGroup';

type Props = {
  /** The room, so the phone remembers its group there. */
  room: string;
  groups: readonly QuizGroup[];
  groupId: string | null;
  onChange: (groupId: string) => void;
};

/** On a phone: which working group it speaks for, remembered for the room; or that there are no groups yet. */
export function GroupPicker({ room, groups, groupId, onChange }: Props) {
  const { t } = useTranslation();
  if (groups.length === 0) return <p>{t('common.noGroups')}</p>;
  const chosen = groups.some((g) => g.id === groupId) ? (groupId ?? '') : '';
  return (
    <label className="field">
      <span>{t('common.chooseGroup')}</span>
      <select
        value={chosen}
        onChange={(event) => {
          onChange(event.target.value);
          rememberGroup(room, event.target.value);
        }}
      >
        <option value="" disabled>
          {t('common.pickGroup')}
        </option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {groupName(t, g)}
          </option>
        ))}
      </select>
    </label>
  );
}
