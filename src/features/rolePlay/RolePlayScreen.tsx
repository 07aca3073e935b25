import { useTranslation } from 'react-i18next';
import { FitPages } from '../common/FitPages';
import type { RolePlayCase } from '../../content/schema';
import {
  REGISTER_FIELDS,
  STEP_PARTS,
  agreed,
  proposed,
  withWhoAndWhen,
  type RolePlayRun,
} from '../../domain/rolePlay';
import type { RolePlaySnapshot } from '../../sync/rolePlay/rolePlayStore';
import { FallbackNote, useContentText } from '../common/ContentText';
import { partLabel, stageTitle } from './labels';
import { RolePlayTimer } from './RolePlayTimer';
import { FollowedActivityClock } from '../day/ActivityClock';
import { usePrivateLayer } from '../timeline/usePrivateCards';
import './rolePlay.css';

type Props = { rolePlay: RolePlayCase; run: RolePlayRun; snapshot: RolePlaySnapshot };

/** The meeting for the back of the room: the step, its clock, and what the group has agreed. */
export function RolePlayScreen({ rolePlay, run, snapshot }: Props) {
  const { t } = useTranslation();
  const content = useContentText();
  const points = snapshot.points.items.filter((p) => p.caseId === rolePlay.id);
  const waiting = proposed(points).filter((p) => p.step === run.stage).length;
  // Points their authors chose to have counted: the board counts them, never shows them.
  const countedPoints = usePrivateLayer().countedPoints.filter(
    (p) => p.caseId === rolePlay.id && p.step === run.stage,
  );
  return (
    <div className="projector projector--roleplay">
      <header className="role-play-screen__header">
        <div>
          <p className="role-play-screen__case" {...content.attrs}>
            {rolePlay.title}
          </p>
          <h1>{content.inline(stageTitle(t, rolePlay, run.stage))}</h1>
        </div>
        <FollowedActivityClock
          target={{ kind: 'roleplay', caseId: rolePlay.id }}
          standalone={<RolePlayTimer timer={run.timer} large />}
        />
      </header>
      <FallbackNote />
      {run.stage === 'setup' && <SetupScreen rolePlay={rolePlay} snapshot={snapshot} />}
      {run.stage === 'register' && (
        <dl className="role-play-screen__form">
          {REGISTER_FIELDS.map((field) => (
            <div key={field}>
              <dt>{t(`record.${field}`)}</dt>
              <dd dir="auto">{snapshot.form[field] || '…'}</dd>
            </div>
          ))}
        </dl>
      )}
      {run.stage !== 'setup' && run.stage !== 'register' && (
        <FitPages
          items={STEP_PARTS[run.stage]}
          render={(parts) => (
            <div className="role-play-screen__parts">
              {parts.map((part) => {
                const done = agreed(points, run.stage as 'analyse', part);
                const counted = countedPoints.filter((p) => p.part === part).length;
                return (
                  <section key={part} data-fit-item>
                    <h2>{partLabel(t, part)}</h2>
                    {done.length === 0 ? (
                      <p className="role-play-screen__empty">{'…'}</p>
                    ) : (
                      <ul>
                        {done.map((point) => (
                          <li key={point.id} dir="auto">
                            {withWhoAndWhen(point)}
                          </li>
                        ))}
                      </ul>
                    )}
                    {counted > 0 && (
                      <p className="role-play-screen__counted">
                        {t('privateWords.pointsCounted', { count: counted })}
                      </p>
                    )}
                  </section>
                );
              })}
            </div>
          )}
        />
      )}
      {waiting > 0 && (
        <p className="role-play-screen__waiting" role="status">
          {t('rolePlay.waiting', { count: waiting })}
        </p>
      )}
    </div>
  );
}

function SetupScreen({
  rolePlay,
  snapshot,
}: {
  rolePlay: RolePlayCase;
  snapshot: RolePlaySnapshot;
}) {
  const { t } = useTranslation();
  const content = useContentText();
  const cast = snapshot.cast.items;
  return (
    <>
      <p className="role-play-screen__story" {...content.attrs}>
        {rolePlay.story}
      </p>
      <ul className="role-play-screen__roles">
        {rolePlay.roles.map((role) => (
          <li key={role.id}>
            {t('rolePlay.roleCount', {
              role: content.inline(role.name),
              count: cast.filter((m) => m.roleId === role.id).length,
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
