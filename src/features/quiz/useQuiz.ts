import { useCallback, useSyncExternalStore } from 'react';
import type { RoomDoc } from '../../sync/roomDoc';
import { quizSnapshot, subscribeQuiz, type QuizSnapshot } from '../../sync/quizStore';

/** The room's quiz data, validated, re-read on every change. */
export function useQuiz(doc: RoomDoc): QuizSnapshot {
  const subscribe = useCallback((listener: () => void) => subscribeQuiz(doc, listener), [doc]);
  return useSyncExternalStore(subscribe, () => quizSnapshot(doc));
}
