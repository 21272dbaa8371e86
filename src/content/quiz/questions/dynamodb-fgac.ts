// Topic 'dynamodb-fgac': ids 'ddb-NNN'.
import type { Question } from '../types';

export const dynamoQuestions: Question[] = [];
