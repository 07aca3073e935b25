/** The room's quiz data, validated, re-read when any of its maps change. */
import type * as Y from 'yjs';
import {
  ROOM_MAPS,
  readNarrativeRun,
  readQuizAnswers,
  readQuizGroups,
  readQuizRun,
  readProjectorScreen,
  readThoughts,
} from './roomSchema';

export type QuizSnapshot = {
  groups: ReturnType<typeof readQuizGroups>;
  run: ReturnType<typeof readQuizRun>;
  narrative: ReturnType<typeof readNarrativeRun>;
  answers: ReturnType<typeof readQuizAnswers>;
  thoughts: ReturnType<typeof readThoughts>;
  screen: ReturnType<typeof readProjectorScreen>;
};

type Store = { current: QuizSnapshot; listeners: Set<() => void> };
const stores = new WeakMap<Y.Doc, Store>();

function read(doc: Y.Doc): QuizSnapshot {
  return {
    groups: readQuizGroups(doc),
    run: readQuizRun(doc),
    narrative: readNarrativeRun(doc),
    answers: readQuizAnswers(doc),
    thoughts: readThoughts(doc),
    screen: readProjectorScreen(doc),
  };
}

function storeFor(doc: Y.Doc): Store {
  let store = stores.get(doc);
  if (!store) {
    const created: Store = { current: read(doc), listeners: new Set() };
    const onChange = () => {
      created.current = read(doc);
      created.listeners.forEach((listener) => listener());
    };
    for (const name of [
      ROOM_MAPS.quiz,
      ROOM_MAPS.quizGroups,
      ROOM_MAPS.quizAnswers,
      ROOM_MAPS.thoughts,
    ]) {
      doc.getMap(name).observe(onChange);
    }
    stores.set(doc, created);
    store = created;
  }
  return store;
}

export function subscribeQuiz(doc: Y.Doc, listener: () => void): () => void {
  const store = storeFor(doc);
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}

export function quizSnapshot(doc: Y.Doc): QuizSnapshot {
  return storeFor(doc).current;
}
