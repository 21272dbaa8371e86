// The small banner that says a new version of Cognito Lab is ready (Reload / Later), or that the app now works
// offline. It sits in a polite live region that is always in the page, so a screen reader announces the message
// when it appears without taking the learner's focus away from what they are doing. A new version floats in the
// corner until answered; "ready to work offline" is only news, so it sits quietly after the footer instead of
// covering the player's controls on a phone.
import { useId, useState } from 'react';
import './update-prompt.css';

export interface UpdatePromptProps {
  /** A new version is installed and waiting for a reload. */
  needRefresh: boolean;
  /** The app was just stored for offline use (the first visit). */
  offlineReady: boolean;
  onReload(): void | Promise<void>;
  onDismiss(): void;
}

export function UpdatePrompt({ needRefresh, offlineReady, onReload, onDismiss }: UpdatePromptProps) {
  const id = useId();
  const [reloading, setReloading] = useState(false);
  const visible = needRefresh || offlineReady;
  return (
    <div className="update-prompt" role="status">
      {visible && (
        <div className={needRefresh ? 'update-prompt__box' : 'update-prompt__box update-prompt__box--quiet'} role="group" aria-labelledby={id}>
          <p id={id} className="update-prompt__text">
            {needRefresh ? 'A new version of Cognito Lab is ready. Reload to use it; your saved progress stays.' : 'Cognito Lab is ready to work offline.'}
          </p>
          <div className="update-prompt__actions">
            {needRefresh && (
              <button
                type="button"
                className="button"
                disabled={reloading}
                onClick={() => {
                  setReloading(true);
                  void Promise.resolve(onReload()).catch(() => setReloading(false));
                }}
              >
                {reloading ? 'Reloading…' : 'Reload'}
              </button>
            )}
            <button type="button" className="button button--secondary" onClick={onDismiss}>
              {needRefresh ? 'Later' : 'Dismiss'}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
