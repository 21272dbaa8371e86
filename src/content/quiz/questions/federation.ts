// Topic 'federation': ids 'fed-NNN'.
import type { Question } from '../types';

export const federationQuestions: Question[] = [];
