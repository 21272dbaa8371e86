import { Page } from '../components/page';

export default function SandboxPage() {
  return (
    <Page
      title="Sandbox"
      lead="The sandbox will let you configure your own user pool, identity pool and policies, act as the app, and break things on purpose to see how each service refuses."
    />
  );
}
