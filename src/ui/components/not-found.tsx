import { Page } from './page';

export function NotFound({ path, homeHref }: { path: string; homeHref: string }) {
  return (
    <Page title="Page not found" lead={`There is nothing at “${path}”.`}>
      <p>
        <a href={homeHref}>Go to Learn</a>
      </p>
    </Page>
  );
}
