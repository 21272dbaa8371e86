// Topic 'identity-pool-roles': ids 'roles-NNN'.
import type { Question } from '../types';

export const roleQuestions: Question[] = [];
