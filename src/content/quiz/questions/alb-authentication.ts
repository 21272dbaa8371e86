// Topic 'alb-authentication': ids 'alb-NNN'.
import type { Question } from '../types';

export const albQuestions: Question[] = [];
