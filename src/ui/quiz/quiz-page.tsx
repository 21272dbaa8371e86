import { Page } from '../components/page';

export default function QuizPage() {
  return (
    <Page
      title="Quiz"
      lead="Exam-style questions on Cognito, IAM and the identity stack will be here, each answer linked to the simulation that proves it."
    />
  );
}
