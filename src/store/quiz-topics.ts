// What the quiz pages need beside the quiz store: the topics and their names (values of src/content, which the
// UI may not import at run time, as architecture.md says), and a dry run of an import, so the learner can be
// shown what a file holds, or why it is refused, before it replaces their progress.
export { TOPICS, TOPIC_LABELS } from '../content/quiz/types';
export { importProgress as checkImport } from './quiz-progress';
