import type { TFunction } from 'i18next';
import type { QuizGroup } from '../../domain/quiz';

export function groupName(t: TFunction, group: QuizGroup | undefined): string {
  if (!group) return '';
  return group.name ?? t('quiz.groupName', { number: group.number });
}
