import { useTranslation } from 'react-i18next';
import type { QuizGroup } from '../../domain/quiz';
import type { PlanThreat } from '../../domain/planSchema';
import { rankThreats, splitThreatsEvenly } from '../../domain/securityPlan';
import {
  addFactor,
  addThreat,
  removePlanRecord,
  writePlanRecord,
} from '../../sync/plan/planOperations';
import { carryOverStore, type PlanSnapshot } from '../../sync/plan/planStore';
import { groupName } from '../quiz/groupName';
import { AddFactor } from './PlanFactors';
import { planOf } from './planOf';
import { useRoomDoc, useRoomValue } from '../room/RoomContext';
import { PLAN_TEXT_MAX_CHARS } from '../../domain/planSchema';
import { AddTextForm } from '../common/AddTextForm';

type Props = { snapshot: PlanSnapshot; groups: readonly QuizGroup[] };
const LEVELS = [1, 2, 3] as const;

/** Step 1: the threats, typed or carried over, ranked by the chosen criterion; a few picked. */
export function ThreatList({ snapshot, groups }: Props) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const ranked = rankThreats(planOf(snapshot));
  // Ranking by vulnerabilities needs them before any threat is ticked.
  const byVulnerabilities = snapshot.settings.criterion === 'vulnerabilities';
  const add = (text: string, source: PlanThreat['source']) => addThreat(doc, text, source);
  return (
    <div className="plan-step">
      <NewThreat onAdd={(text) => add(text, 'typed')} />
      <CarryOver onAdd={add} />
      {byVulnerabilities && ranked.length > 0 && <p>{t('plan.vulnerabilitiesFirst')}</p>}
      {groups.length > 0 && ranked.some((r) => r.threat.selected) && (
        <button
          type="button"
          onClick={() => {
            const split = splitThreatsEvenly(
              planOf(snapshot),
              groups.map((g) => g.id),
            );
            for (const threat of split) writePlanRecord(doc, 'planThreats', threat);
          }}
        >
          {t('plan.splitEvenly', { count: groups.length })}
        </button>
      )}
      {ranked.length === 0 ? (
        <p>{t('plan.noThreats')}</p>
      ) : (
        <ol className="plan-threats" aria-label={t('plan.rankedThreats')}>
          {ranked.map(({ threat, score }) => (
            <li key={threat.id}>
              <label className="check plan-threats__pick">
                <input
                  type="checkbox"
                  checked={threat.selected}
                  onChange={(e) =>
                    writePlanRecord(doc, 'planThreats', { ...threat, selected: e.target.checked })
                  }
                />
                <span dir="auto">{threat.text}</span>
              </label>
              <span className="tag">{t('plan.score', { score })}</span>
              {(['seriousness', 'probability'] as const).map((field) => (
                <label key={field} className="field field--inline">
                  <span>{t(`plan.${field}`)}</span>
                  <select
                    value={threat[field]}
                    onChange={(e) =>
                      writePlanRecord(doc, 'planThreats', {
                        ...threat,
                        [field]: Number(e.target.value) as 1 | 2 | 3,
                      })
                    }
                  >
                    {LEVELS.map((level) => (
                      <option key={level} value={level}>
                        {t(`plan.level.${level}`)}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              <label className="field field--inline">
                <span>{t('plan.group')}</span>
                <select
                  value={threat.groupId ?? ''}
                  onChange={(e) =>
                    writePlanRecord(doc, 'planThreats', {
                      ...threat,
                      groupId: e.target.value || null,
                    })
                  }
                >
                  <option value="">{t('plan.noGroup')}</option>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {groupName(t, g)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                aria-label={t('plan.removeThreat', { threat: threat.text })}
                onClick={() => removePlanRecord(doc, 'planThreats', threat.id)}
              >
                {t('common.remove')}
              </button>
              {byVulnerabilities && <ThreatVulnerabilities snapshot={snapshot} threat={threat} />}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The vulnerabilities a threat matches, listed in step 1 so that they can rank it. */
function ThreatVulnerabilities({
  snapshot,
  threat,
}: {
  snapshot: PlanSnapshot;
  threat: PlanThreat;
}) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const own = snapshot.factors.items.filter(
    (f) => f.threatId === threat.id && f.kind === 'vulnerability',
  );
  return (
    <div className="plan-threats__vulnerabilities">
      {own.length > 0 && (
        <ul aria-label={t('plan.factorsOf.vulnerability', { threat: threat.text })}>
          {own.map((f) => (
            <li key={f.id} dir="auto">
              {f.text}
            </li>
          ))}
        </ul>
      )}
      <AddFactor
        label={t('plan.vulnerabilityOf', { threat: threat.text })}
        onAdd={(text) => addFactor(doc, threat.id, 'vulnerability', text)}
      />
    </div>
  );
}

function NewThreat({ onAdd }: { onAdd: (text: string) => void }) {
  const { t } = useTranslation();
  return (
    <AddTextForm
      label={t('plan.newThreat')}
      submit={t('plan.addThreat')}
      maxLength={PLAN_TEXT_MAX_CHARS}
      onAdd={onAdd}
    />
  );
}

type CarryProps = { onAdd: (text: string, source: PlanThreat['source']) => void };

/** The role-play's registered incident and the wall's red and yellow cards, one tap from being threats. */
function CarryOver({ onAdd }: CarryProps) {
  const { t } = useTranslation();
  const carried = useRoomValue(carryOverStore);
  if (carried.length === 0) return null;
  return (
    <details className="plan-carry">
      <summary>{t('plan.carryOver', { count: carried.length })}</summary>
      <ul aria-label={t('plan.carryOverLabel')}>
        {carried.map(({ text, source }) => (
          <li key={`${source}:${text}`}>
            <span className="tag">{t(`plan.source.${source}`)}</span> <span dir="auto">{text}</span>
            <button type="button" onClick={() => onAdd(text, source)}>
              {t('plan.addAsThreat')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
