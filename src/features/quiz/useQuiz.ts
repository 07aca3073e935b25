import { quizStore, type QuizSnapshot } from '../../sync/quiz/quizStore';
import { useRoomValue } from '../room/RoomContext';

/** The room's quiz data, validated, re-read on every change. */
export function useQuiz(): QuizSnapshot {
  return useRoomValue(quizStore);
}
