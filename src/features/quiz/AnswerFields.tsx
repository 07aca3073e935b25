import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizCase } from '../../content/schema';
import type { QuizGroup } from '../../domain/quiz';
import { ANSWER_JUSTIFICATION_MAX_CHARS } from '../../sync/limits';
import { groupName } from './groupName';

/** A group's answer being keyed in: which group, which situation (when asked), which option, why. */
export type AnswerDraft = { groupId: string; situationId: string; option: string; reason: string };

type Props = {
  quizCase: QuizCase;
  groups: readonly QuizGroup[];
  draft: AnswerDraft;
  onChange: (next: AnswerDraft) => void;
  /** Offer the situation too (a paper card names its situation; a situation's own form does not). */
  withSituation?: boolean;
  /** The group's field, to come back to after each answer. */
  groupRef?: Ref<HTMLSelectElement>;
};

/**
 * The fields of a group's answer, shared by the console's "record an answer"
 * under each situation and the paper-card entry: group, situation, option, reason.
 */
export function AnswerFields({
  quizCase,
  groups,
  draft,
  onChange,
  withSituation,
  groupRef,
}: Props) {
  const { t } = useTranslation();
  const set = (part: Partial<AnswerDraft>) => onChange({ ...draft, ...part });
  return (
    <>
      <label>
        {t('quiz.recordGroup')}
        <select
          ref={groupRef}
          value={draft.groupId}
          onChange={(event) => set({ groupId: event.target.value })}
        >
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {groupName(t, g)}
            </option>
          ))}
        </select>
      </label>
      {withSituation && (
        <label>
          {t('paper.situation')}
          <select
            value={draft.situationId}
            onChange={(event) => set({ situationId: event.target.value })}
          >
            {quizCase.situations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('quiz.recordOption')}
        <select value={draft.option} onChange={(event) => set({ option: event.target.value })}>
          {quizCase.options.map((o) => (
            <option key={o.key} value={o.key}>
              {`${o.key}: ${o.label}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('quiz.recordWhy')}
        <input
          type="text"
          maxLength={ANSWER_JUSTIFICATION_MAX_CHARS}
          value={draft.reason}
          onChange={(event) => set({ reason: event.target.value })}
        />
      </label>
    </>
  );
}
