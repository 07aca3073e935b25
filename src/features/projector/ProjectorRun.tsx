import { useTranslation } from 'react-i18next';
import type { ContentLibrary } from '../../content/validate';
import * as agendaRun from '../../domain/agendaRun';
import { dayStartsAt } from '../../domain/workshopDay';
import type { AgendaState } from '../../sync/roomSchema';
import { Countdown } from '../day/Countdown';
import { dayModel, titleOf } from '../day/dayModel';
import { formatClock, useNow } from '../day/useNow';
import {
  FallbackNote,
  combinedOrigin,
  useContentText,
  type ContentOrigin,
} from '../common/ContentText';

type Props = { library: ContentLibrary; state: AgendaState };

/** A title from the content, marked with the language and direction it was found in. */
function ContentTitle({
  as: Tag,
  className,
  origin,
  text,
}: {
  as: 'h1' | 'bdi';
  className?: string;
  origin: ContentOrigin | undefined;
  text: string;
}) {
  const { attrs } = useContentText(origin);
  return (
    <Tag className={className} {...attrs}>
      {text}
    </Tag>
  );
}

/** The running agenda for the back of the room: now, how long is left, what comes next. */
export function ProjectorRun({ library, state }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const model = dayModel(library, i18n.language, state.settings);
  const { run } = state;
  const plan = model.plan;
  const start = dayStartsAt(state.settings);
  const rows = agendaRun.projectSchedule(run, plan, start, now);
  const done = rows.filter((row) => row.state === 'done').length;
  const total = rows.filter((row) => row.state !== 'skipped').length;
  const projection = agendaRun.projectDay(run, plan, start, now);

  if (run.status === 'finished') {
    return (
      <div className="projector projector--run">
        <h1>{t('projectorRun.finished')}</h1>
      </div>
    );
  }
  const current = plan[run.current];
  const upcoming = rows.find((row) => row.state === 'upcoming');
  const title = titleOf(model, current?.key);
  const originOf = (key: string | undefined) =>
    key ? model.origin(model.lookup(key)?.session.id ?? '') : undefined;
  const nowOrigin = originOf(current?.key);
  const nextOrigin = originOf(upcoming?.key);
  return (
    <div className="projector projector--run">
      <FallbackNote origin={combinedOrigin([nowOrigin, nextOrigin])} />
      <p className="projector__label">
        {current?.kind === 'break' ? t('projectorRun.break') : t('projectorRun.now')}
        {run.status === 'paused' && (
          <span className="tag tag--paused">{t('projectorRun.paused')}</span>
        )}
      </p>
      <ContentTitle as="h1" className="projector__now" origin={nowOrigin} text={title} />
      <Countdown
        large
        remainingMs={agendaRun.remainingMs(run, plan, now)}
        warningMs={state.settings.warningMinutes * 60_000}
        label={t('run.remaining', { title })}
      />
      {upcoming && (
        <p className="projector__next">
          <span className="projector__label">{t('projectorRun.next')}</span>{' '}
          <ContentTitle as="bdi" origin={nextOrigin} text={titleOf(model, upcoming.key)} />
          {upcoming.startsAt !== null && ` · ${formatClock(upcoming.startsAt, i18n.language)}`}
        </p>
      )}
      <div className="projector__progress">
        <progress
          max={total}
          value={done}
          aria-label={t('projectorRun.dayProgress')}
          aria-valuetext={t('run.progress', { done, total })}
        />
        <span>
          {t('run.progress', { done, total })}
          {' · '}
          {t('projectorRun.endsAt', { time: formatClock(projection.endsAt, i18n.language) })}
        </span>
      </div>
    </div>
  );
}
