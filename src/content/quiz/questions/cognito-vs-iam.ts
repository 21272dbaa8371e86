// Topic 'cognito-vs-iam': ids 'iam-vs-NNN'.
import type { Question } from '../types';

export const cognitoVsIamQuestions: Question[] = [];
