// Topic 'tokens': ids 'tok-NNN'.
import type { Question } from '../types';

export const tokenQuestions: Question[] = [];
