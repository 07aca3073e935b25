import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GroupPicker } from '../common/GroupPicker';
import { groupName } from '../quiz/groupName';
import { recallGroup } from '../quiz/phoneGroup';
import { useGroups } from './useRoom';

/** "Your group": which working group this phone speaks for, and changing it (remembered for the room). */
export function PhoneGroup({ room }: { room: string }) {
  const { t } = useTranslation();
  const groups = useGroups();
  const [groupId, setGroupId] = useState(() => recallGroup(room));
  const group = groups.find((g) => g.id === groupId);
  const headingId = useId();
  return (
    <section className="phone-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('phone.tabGroup')}</h2>
      {group && (
        <p className="phone-group__chosen">
          {t('phone.groupChosen', { group: groupName(t, group) })}
        </p>
      )}
      <GroupPicker room={room} groups={groups} groupId={groupId} onChange={setGroupId} />
      <p className="note">{t('phone.groupHint')}</p>
    </section>
  );
}
