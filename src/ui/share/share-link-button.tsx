// "Share": opens the share dialog for what is on screen. The player gives it the scenario and the step; the
// sandbox page gives it its document and cursor.
import { useState } from 'react';
import type { ShareTarget } from '../../store/sandbox';
import { ShareDialog } from './share-dialog';

export interface ShareLinkButtonProps {
  target: ShareTarget;
  /** Default "Share". */
  label?: string;
  className?: string;
}

export function ShareLinkButton({ target, label = 'Share', className = 'button button--secondary' }: ShareLinkButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)} title="Share a link to this step">
        {label}
      </button>
      {open && <ShareDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}
