import { useTranslation } from 'react-i18next';
import type { RolePlayCase } from '../../content/schema';
import { assignRolesAtRandom, castProblems, type CastMember } from '../../domain/rolePlay';
import { removeFromCast, writeCast } from '../../sync/rolePlay/rolePlayOperations';
import { useRoomDoc } from '../room/RoomContext';
import { useGroups } from '../room/useRoom';
import { groupName } from '../quiz/groupName';

type Props = { rolePlay: RolePlayCase; cast: readonly CastMember[] };

/** Setup: the story, and who plays whom (phones join; roles by draw or by hand). */
export function RolePlayCast({ rolePlay, cast }: Props) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const problems = castProblems(cast, rolePlay.roles);
  const roleName = (id: string) => rolePlay.roles.find((r) => r.id === id)?.name ?? id;
  // Each working group holds its own meeting: a person's group is named beside them.
  const groups = useGroups();
  const groupLabel = (id: string) => {
    const group = groups.find((g) => g.id === id);
    return group ? groupName(t, group) : t('rolePlay.groupGone');
  };
  return (
    <div className="role-play__panel">
      <h3>{t('case.story')}</h3>
      <p className="role-play__story">{rolePlay.story}</p>
      <h3>{t('rolePlay.cast')}</h3>
      {cast.length === 0 ? (
        <p className="note">{t('rolePlay.noCast')}</p>
      ) : (
        <>
          <ul className="role-play__cast" aria-label={t('rolePlay.cast')}>
            {cast.map((member) => (
              <li key={member.device}>
                <span>
                  {member.groupId !== null && (
                    <span className="tag">{groupLabel(member.groupId)}</span>
                  )}{' '}
                  {t('rolePlay.person', { number: member.number })}
                </span>
                <select
                  aria-label={t('rolePlay.roleOf', { number: member.number })}
                  value={member.roleId ?? ''}
                  onChange={(event) =>
                    writeCast(doc, [{ ...member, roleId: event.target.value || null }])
                  }
                >
                  <option value="">{t('rolePlay.noRole')}</option>
                  {rolePlay.roles.map((role) => (
                    <option key={role.id} value={role.id}>
                      {role.name}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  aria-label={t('rolePlay.removePerson', { number: member.number })}
                  onClick={() => removeFromCast(doc, member.device)}
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => writeCast(doc, assignRolesAtRandom(cast, rolePlay.roles, Math.random))}
          >
            {t('rolePlay.draw')}
          </button>
          {problems.map((problem) => (
            <p key={`${problem.groupId ?? ''}/${problem.roleId}`} role="note" className="note">
              {problem.groupId === null
                ? t('rolePlay.castProblem', {
                    role: roleName(problem.roleId),
                    count: problem.holders,
                  })
                : t('rolePlay.castProblemInGroup', {
                    group: groupLabel(problem.groupId),
                    role: roleName(problem.roleId),
                    count: problem.holders,
                  })}
            </p>
          ))}
        </>
      )}
    </div>
  );
}
