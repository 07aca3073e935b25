import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayModel } from './dayModel';

const CHECKED_KEY = 'swk.day.materials';

function readChecked(): string[] {
  try {
    const value = JSON.parse(localStorage.getItem(CHECKED_KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** What to pack for the day, ticked off on the laptop; the ticks survive a reload. */
export function MaterialsChecklist({ model }: { model: DayModel }) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(readChecked);
  const needs = model.materials();
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...checked, id] : checked.filter((c) => c !== id);
    setChecked(next);
    try {
      localStorage.setItem(CHECKED_KEY, JSON.stringify(next));
    } catch {
      // ticks last this page only
    }
  };
  const ready = needs.filter((need) => checked.includes(need.id)).length;
  return (
    <section className="checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{t('checklist.heading')}</h2>
      {needs.length === 0 ? (
        <p>{t('checklist.empty')}</p>
      ) : (
        <>
          <p>{t('checklist.ready', { done: ready, total: needs.length })}</p>
          <ul>
            {needs.map((need) => (
              <li key={need.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={checked.includes(need.id)}
                    onChange={(event) => toggle(need.id, event.target.checked)}
                  />
                  {need.kind === 'case-print-out'
                    ? t('checklist.printCase', { title: model.caseTitle(need.subject) })
                    : need.subject}
                </label>
                <span className="checklist__for">
                  {t('checklist.neededFor', { activities: need.neededFor.join(', ') })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
