// "Try it live" in the Learn library: labs that run on a simulator of their own, at the real time, rather
// than replaying a recorded scenario. Kept tiny: the lab itself loads only when opened.
import { useId } from 'react';
import { TOTP_LAB_HREF } from './lab-route';
import './live-labs.css';

export function LiveLabs() {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="live-labs">
      <h2 id={headingId} className="library__heading">
        Try it live
      </h2>
      <ul className="library__grid live-labs__grid">
        <li className="card card--live">
          <h3 className="card__title">
            <a href={TOTP_LAB_HREF} className="card__link">
              Set up TOTP MFA with your phone
            </a>
          </h3>
          <p className="card__goal">
            Scan a QR code with a real authenticator app (or use the built-in one), verify it, switch MFA on and sign in with a password and a code.
          </p>
          <p className="card__meta">
            <span className="badge badge--intermediate">intermediate</span>
            <span>User pool · MFA</span>
            <span>about 5 min</span>
          </p>
        </li>
      </ul>
    </section>
  );
}
