// Topic 'sts-credentials': ids 'sts-NNN'.
import type { Question } from '../types';

export const stsQuestions: Question[] = [];
