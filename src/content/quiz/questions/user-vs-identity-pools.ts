// Topic 'user-vs-identity-pools': ids 'pools-NNN'.
import type { Question } from '../types';

export const poolsQuestions: Question[] = [];
