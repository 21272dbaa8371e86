// The headings and leads of the sandbox's two regions. The page's shell paints them (with a loading line) before
// the workspace's code has arrived, and the workspace's panels render the very same ones, so the largest text on
// a first visit is on screen early and does not move when the forms arrive.
import './region-intros.css';

export const CONFIGURE_TITLE = 'Configure the world';
export const ACT_TITLE = 'Act as the app';

export function ConfigureIntro({ headingId }: { headingId?: string }) {
  return (
    <>
      <h2 id={headingId} className="config__title">
        {CONFIGURE_TITLE}
      </h2>
      <p className="config__lead">
        Change the user pool, its app clients, the identity pool, the roles and their policies, the tables, the API and the load balancer. Apply a form and the sandbox
        replays your actions against the new world; a value AWS would refuse is refused here too, with the reason next to the field.
      </p>
    </>
  );
}

export function ActIntro({ headingId }: { headingId?: string }) {
  return (
    <>
      <h2 id={headingId} className="act__title">
        {ACT_TITLE}
      </h2>
      <p className="act__lead">
        Be the learner’s app and browser: each form is one action, and each request it makes becomes a step, drawn and inspected exactly as in a scenario.
      </p>
    </>
  );
}
