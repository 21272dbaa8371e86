// Topic 'architecture': ids 'arch-NNN'.
import type { Question } from '../types';

export const architectureQuestions: Question[] = [];
