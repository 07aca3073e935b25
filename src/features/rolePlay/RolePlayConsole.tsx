import { useTranslation } from 'react-i18next';
import type { RolePlayCase } from '../../content/schema';
import * as play from '../../domain/rolePlay';
import { showOnProjector } from '../../sync/stage/stageOperations';
import { ShowOnProjectorButton } from '../common/ShowOnProjectorButton';
import { writeRolePlayRun } from '../../sync/rolePlay/rolePlayOperations';
import { NumberField } from '../common/NumberField';
import { useContentLibrary } from '../common/useContentLibrary';
import { RolePlayCast } from './RolePlayCast';
import { RolePlayConclusion } from './RolePlayConclusion';
import { RolePlayPoints } from './RolePlayPoints';
import { RolePlayRegister } from './RolePlayRegister';
import { RolePlayTimer } from './RolePlayTimer';
import { useRolePlay } from './useRolePlay';
import { PointModerationProvider, usePointModeration, useSealedPoints } from './useSealedPoints';
import { WithheldPoints } from './WithheldPoints';
import { stageTitle } from './labels';
import './rolePlay.css';
import { useRoomDoc } from '../room/RoomContext';
import { useStage } from '../room/useRoom';
import { ConsoleActivityClock } from '../day/ActivityClock';

type Props = { rolePlay: RolePlayCase };

/** The facilitator walks the room through the staff meeting: setup, the three steps, the conclusion. */
export function RolePlayConsole({ rolePlay }: Props) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const library = useContentLibrary();
  const snapshot = useRolePlay();
  const sealed = useSealedPoints();
  const moderation = usePointModeration(sealed);
  const stage = useStage();
  const run = snapshot.run?.caseId === rolePlay.id ? snapshot.run : null;
  if (!run || !run.open) {
    const minutes = play.rolePlayMinutes(
      Object.values(library.sessions).flatMap((entries) => entries.map((s) => s.data.agenda)),
      rolePlay.id,
      rolePlay.minutes,
    );
    return (
      <section className="tool-console role-play" aria-labelledby="role-play-heading">
        <h2 id="role-play-heading">{t('rolePlay.heading')}</h2>
        <p>{t('rolePlay.intro')}</p>
        <button
          type="button"
          className="button--primary"
          onClick={() => {
            writeRolePlayRun(
              doc,
              run ? { ...run, open: true } : play.newRolePlayRun(rolePlay.id, minutes),
            );
            showOnProjector(doc, 'roleplay', rolePlay.id);
          }}
        >
          {run ? t('rolePlay.reopen') : t('rolePlay.open')}
        </button>
      </section>
    );
  }
  const change = (next: play.RolePlayRun) => writeRolePlayRun(doc, next);
  const points = [...snapshot.points.items, ...sealed.pending].filter(
    (p) => p.caseId === rolePlay.id,
  );
  const nudges = play.nudges(run, snapshot.form, points);
  const onProjector = stage.kind === 'roleplay';
  return (
    <section className="tool-console role-play" aria-labelledby="role-play-heading">
      <h2 id="role-play-heading">{t('rolePlay.heading')}</h2>
      <div className="tool-actions">
        <ShowOnProjectorButton
          kind="roleplay"
          activity={rolePlay.id}
          showing={onProjector}
          label={t('rolePlay.show')}
        />
        <button type="button" onClick={() => change({ ...run, open: false })}>
          {t('rolePlay.close')}
        </button>
      </div>
      <nav aria-label={t('rolePlay.stages')}>
        <ol className="step-nav">
          {play.ROLE_PLAY_STAGES.map((stage) => (
            <li key={stage}>
              <button
                type="button"
                aria-current={run.stage === stage ? 'step' : undefined}
                className={run.visited.includes(stage) ? 'role-play__stage--visited' : undefined}
                onClick={() => change(play.goToStage(run, stage))}
              >
                {stageTitle(t, rolePlay, stage)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <ConsoleActivityClock
        target={{ kind: 'roleplay', caseId: rolePlay.id }}
        standalone={<StandaloneTimer run={run} onChange={change} />}
      />
      {nudges.length > 0 && (
        <ul className="role-play__nudges" aria-label={t('rolePlay.nudgesLabel')}>
          {nudges.map((nudge) => (
            <li key={nudge} role="note">
              {nudge === 'careForgotten' ? rolePlay.careReminder : t(`rolePlay.nudge.${nudge}`)}
            </li>
          ))}
        </ul>
      )}
      <PointModerationProvider value={moderation}>
        <StagePanel rolePlay={rolePlay} run={run} snapshot={snapshot} points={points} />
      </PointModerationProvider>
      <WithheldPoints points={sealed.withheld.filter((p) => p.caseId === rolePlay.id)} />
    </section>
  );
}

/** The role-play's own timer, for a role-play run outside the day's agenda. */
function StandaloneTimer({
  run,
  onChange,
}: {
  run: play.RolePlayRun;
  onChange: (run: play.RolePlayRun) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="role-play__timer">
      <RolePlayTimer timer={run.timer} />
      {run.timer.startedAt === null ? (
        <button type="button" onClick={() => onChange(play.startTimer(run, Date.now()))}>
          {run.timer.spentMs > 0 ? t('rolePlay.resumeTimer') : t('rolePlay.startTimer')}
        </button>
      ) : (
        <button type="button" onClick={() => onChange(play.pauseTimer(run, Date.now()))}>
          {t('rolePlay.pauseTimer')}
        </button>
      )}
      <NumberField
        label={t('rolePlay.minutes')}
        value={run.timer.minutes}
        min={1}
        max={240}
        onCommit={(minutes) => onChange(play.setTimerMinutes(run, minutes))}
      />
      <p className="note">{t('activityClock.standalone')}</p>
    </div>
  );
}

type PanelProps = {
  rolePlay: RolePlayCase;
  run: play.RolePlayRun;
  snapshot: ReturnType<typeof useRolePlay>;
  points: play.RolePoint[];
};

function StagePanel({ rolePlay, run, snapshot, points }: PanelProps) {
  switch (run.stage) {
    case 'setup':
      return <RolePlayCast rolePlay={rolePlay} cast={snapshot.cast.items} />;
    case 'register':
      return <RolePlayRegister rolePlay={rolePlay} form={snapshot.form} points={points} />;
    case 'analyse':
    case 'react':
      return <RolePlayPoints rolePlay={rolePlay} step={run.stage} points={points} />;
    case 'conclusion':
      return (
        <>
          <RolePlayPoints rolePlay={rolePlay} step="conclusion" points={points} />
          <RolePlayConclusion
            rolePlay={rolePlay}
            form={snapshot.form}
            points={points}
            registered={snapshot.registered.items}
          />
        </>
      );
  }
}
