// Topic 'iam-policy-evaluation': ids 'pol-NNN'.
import type { Question } from '../types';

export const policyQuestions: Question[] = [];
