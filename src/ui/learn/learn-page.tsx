import { Page } from '../components/page';

export default function LearnPage() {
  return (
    <Page
      title="Learn"
      lead="Guided scenarios will be listed here: each one steps through real exchanges with the simulated Cognito user pool, identity pool, STS, IAM, API Gateway, ALB and DynamoDB."
    />
  );
}
