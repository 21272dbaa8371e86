// A table of a token's claims (or header fields). Each name with a known meaning is a focusable term
// whose plain-words explanation shows on hover and on keyboard focus, as its accessible description.
import { Fragment, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { explainClaim, explainHeaderField } from './claim-explanations';
import { formatClaimValue } from './format-claim';

/** Lets long names break after ":" and "_" (cognito:<wbr>preferred_<wbr>role) rather than mid-word. */
function breakable(name: string): ReactNode {
  return name.split(/(?<=[:_])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

/** Places a tooltip under its term (above it near the bottom), fixed to the viewport so no scrolling table clips it. */
function place(anchor: HTMLElement, tip: HTMLElement): void {
  const a = anchor.getBoundingClientRect();
  const margin = 8;
  const below = a.bottom + tip.offsetHeight <= window.innerHeight - margin || a.top < tip.offsetHeight;
  tip.style.top = `${below ? a.bottom : a.top - tip.offsetHeight}px`;
  tip.style.left = `${Math.max(margin, Math.min(a.left, window.innerWidth - tip.offsetWidth - margin))}px`;
  tip.dataset.side = below ? 'below' : 'above';
}

export function ClaimTerm({ name, explanation }: { name: string; explanation: string | undefined }) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const tip = useRef<HTMLSpanElement>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = Boolean(explanation) && (hovered || focused) && !dismissed;
  useLayoutEffect(() => {
    if (!open) return;
    const update = () => {
      if (button.current && tip.current) place(button.current, tip.current);
    };
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [open]);
  if (!explanation) return <code className="claim-term__name">{breakable(name)}</code>;
  return (
    <span
      className="claim-term"
      onMouseEnter={() => {
        setHovered(true);
        setDismissed(false);
      }}
      onMouseLeave={() => setHovered(false)}
    >
      <button
        ref={button}
        type="button"
        className="claim-term__button"
        aria-describedby={id}
        onFocus={() => {
          setFocused(true);
          setDismissed(false);
        }}
        onBlur={() => setFocused(false)}
        onClick={() => setDismissed(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation();
            setDismissed(true);
          }
        }}
      >
        <code className="claim-term__name">{breakable(name)}</code>
      </button>
      <span ref={tip} role="tooltip" id={id} className="claim-term__tip" hidden={!open}>
        {explanation}
      </span>
    </span>
  );
}

export function ClaimsTable({
  caption,
  values,
  of,
  at,
}: {
  caption: string;
  values: Record<string, unknown>;
  /** Whether these are a token's claims or its header's fields. */
  of: 'claims' | 'header';
  at: number;
}) {
  const explain = of === 'claims' ? explainClaim : explainHeaderField;
  return (
    <div className="inspector__scroll" role="group" aria-label={caption} tabIndex={0}>
      <table className="inspector__table inspector__table--claims">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{of === 'claims' ? 'Claim' : 'Field'}</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(values).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">
                <ClaimTerm name={name} explanation={explain(name)} />
              </th>
              <td className="inspector__value">{formatClaimValue(name, value, at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
