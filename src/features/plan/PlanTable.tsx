import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FitPages } from '../common/FitPages';
import type { QuizGroup } from '../../domain/quiz';
import { costTotals, planObjectives, planRows } from '../../domain/securityPlan';
import type { PlanSnapshot } from '../../sync/plan/planStore';
import { groupName } from '../quiz/groupName';
import { planFormat } from '../../pdf/planFormat';
import { planOf } from './planOf';
import { FromPaperMark } from '../common/FromPaperMark';

type Props = { snapshot: PlanSnapshot; groups: readonly QuizGroup[]; large?: boolean };

/** The plan table as the template lays it out, filling in as groups work, with the cost totals. */
export function PlanTable({ snapshot, groups, large = false }: Props) {
  const { t, i18n } = useTranslation();
  const plan = planOf(snapshot);
  const format = planFormat(t, i18n.language, plan.settings.currency);
  const plenary = plan.settings.plenaryGroupId ?? null;
  const plenaryGroup = groups.find((g) => g.id === plenary);
  // In plenary, one group's measures at a time.
  const objectives = planObjectives(plan).objectives.filter(
    (o) => !plenaryGroup || o.threat.groupId === plenaryGroup.id,
  );
  const totals = costTotals(plan);
  const columns = [
    t('plan.col.comprehensive'),
    t('plan.col.specific'),
    t('plan.col.measure'),
    t('plan.col.responsibility'),
    t('plan.col.cost'),
    t('plan.col.timetable'),
  ];
  return (
    <div className={large ? 'plan-table plan-table--large' : 'plan-table'}>
      {plenaryGroup && (
        <p className="plan-table__plenary">
          {t('plan.plenaryOf', { group: groupName(t, plenaryGroup) })}
        </p>
      )}
      {objectives.length === 0 ? (
        <p>{t('plan.selectFirst')}</p>
      ) : (
        <Blocks
          large={large}
          items={objectives.flatMap((objective) =>
            planRows({ ...plan, threats: [objective.threat] }, format).map((row, index) => ({
              objective,
              row,
              index,
            })),
          )}
          render={(shown) =>
            objectives.flatMap((objective) => {
              const rows = shown.filter((entry) => entry.objective === objective);
              if (rows.length === 0) return [];
              const group = groups.find((g) => g.id === objective.threat.groupId);
              return [
                <table key={objective.threat.id} className="plan-table__block" data-fit-group>
                  <caption dir="auto">
                    {objective.threat.text}
                    {group && <span className="tag">{groupName(t, group)}</span>}
                  </caption>
                  <thead>
                    <tr>
                      {columns.map((c) => (
                        <th key={c} scope="col">
                          {c}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(({ row, index }) => (
                      <tr key={index} data-fit-item>
                        {row.map((cell, column) => (
                          <td key={column} dir="auto">
                            {cell}
                            {/* planRows gives one row per measure, in the objective's order. */}
                            {column === 2 && objective.measures[index]?.agreed && (
                              <span className="tag">{t('plan.agreed')}</span>
                            )}
                            {column === 2 && objective.measures[index]?.source === 'paper' && (
                              <FromPaperMark />
                            )}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>,
              ];
            })
          }
        />
      )}
      <p className="plan-table__totals" role="status">
        {t('plan.totals', {
          total: format.money(totals.total),
          recurring: format.money(totals.recurring),
          uncosted: totals.uncosted,
        })}
      </p>
    </div>
  );
}

/** On the projector the threats' tables turn pages rather than run off the screen. */
function Blocks<T>({
  large,
  items,
  render,
}: {
  large: boolean;
  items: readonly T[];
  render: (items: readonly T[]) => ReactNode;
}) {
  return large ? <FitPages items={items} render={render} /> : <>{render(items)}</>;
}
