// Topic 'api-gateway-authorizers': ids 'apigw-NNN'.
import type { Question } from '../types';

export const authorizerQuestions: Question[] = [];
