// Which quiz store the quiz pages use: the app's (useQuiz) unless a test or an embedding provides another,
// e.g. one made by createQuizStore with its own clock, storage and question bank.
import { createContext, useContext } from 'react';
import { useQuiz, type createQuizStore, type QuizState } from '../../store/quiz';

export type QuizStore = ReturnType<typeof createQuizStore>;

export const QuizStoreContext = createContext<QuizStore>(useQuiz);

/** The quiz store's state through a selector, like useQuiz(selector). */
export function useQuizState<T>(selector: (state: QuizState) => T): T {
  const useStore = useContext(QuizStoreContext);
  return useStore(selector);
}

/** The store itself, for reading the latest state in event handlers (getState). */
export function useQuizStore(): QuizStore {
  return useContext(QuizStoreContext);
}
