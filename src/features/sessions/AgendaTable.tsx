import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../content/schema';
import { scheduleAgenda, totalMinutes } from '../../domain/agenda';
import './sessions.css';

type Props = { agenda: readonly AgendaItem[]; large?: boolean };

/**
 * The session's agenda with each item's place in the session. Optional activities
 * are listed apart: the session's length leaves them out until the trainer adds them.
 */
export function AgendaTable({ agenda, large = false }: Props) {
  const { t } = useTranslation();
  const scheduled = scheduleAgenda(agenda);
  const optional = agenda.filter((item) => item.optional);
  return (
    <table className={large ? 'agenda agenda--large' : 'agenda'}>
      <caption>{t('agenda.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('agenda.start')}</th>
          <th scope="col">{t('agenda.activity')}</th>
          <th scope="col">{t('agenda.minutes')}</th>
        </tr>
      </thead>
      <tbody>
        {scheduled.map((item) => (
          <tr key={item.id} className={item.kind === 'break' ? 'agenda__break' : undefined}>
            <td>{t('agenda.clock', { start: item.startMinute, end: item.endMinute })}</td>
            <th scope="row">
              {item.title}
              {item.tool && !large && <span className="tag">{t(`tools.${item.tool}`)}</span>}
            </th>
            <td>{t('agenda.minutesValue', { count: item.minutes })}</td>
          </tr>
        ))}
        {optional.map((item) => (
          <tr key={item.id} className="agenda__optional">
            <td>{t('agenda.optional')}</td>
            <th scope="row">
              {item.title}
              <span className="agenda__hint">{t('agenda.optionalNotCounted')}</span>
            </th>
            <td>{t('agenda.minutesValue', { count: item.minutes })}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td />
          <th scope="row">{t('agenda.total')}</th>
          <td>{t('agenda.minutesValue', { count: totalMinutes(scheduled) })}</td>
        </tr>
      </tfoot>
    </table>
  );
}
