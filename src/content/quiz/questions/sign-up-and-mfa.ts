// Topic 'sign-up-and-mfa': ids 'mfa-NNN'.
import type { Question } from '../types';

export const signUpMfaQuestions: Question[] = [];
