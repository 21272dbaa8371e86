import { Page } from '../components/page';

export default function AboutPage() {
  return (
    <Page title="About Cognito Lab" lead="See how Amazon Cognito really works, one request at a time, without an AWS account.">
      <section className="prose">
        <h2>What it is</h2>
        <p>
          Cognito Lab simulates, in your browser, an Amazon Cognito user pool and identity pool together with the AWS
          services around them: STS, IAM, API Gateway, an Application Load Balancer and DynamoDB. The simulator speaks
          AWS&apos;s real wire protocol, signs real tokens and checks real signatures and policies; every request it
          handles is drawn as a step you can inspect.
        </p>
        <h2>Who it is for</h2>
        <ul>
          <li>Learners preparing for the AWS Certified Solutions Architect – Associate exam (SAA-C03).</li>
          <li>Instructors running live demos: step forward and back, break things on purpose, share a link to a step.</li>
          <li>Anyone drilling the difference between Cognito and IAM, and the rest of the identity stack.</li>
        </ul>
        <h2>Privacy</h2>
        <p>
          Nothing leaves your browser. There is no AWS account, no server and no tracking; your settings are kept in
          this browser&apos;s local storage.
        </p>
        <h2>Built with</h2>
        <p>
          The flow diagrams are drawn with <a href="https://reactflow.dev">React Flow</a>; the screens with React.
        </p>
        <p className="muted">
          Cognito Lab is an independent teaching tool and is not affiliated with or endorsed by Amazon Web Services.
        </p>
      </section>
    </Page>
  );
}
