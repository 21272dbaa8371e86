// Tabs over the act forms, after the WAI-ARIA Authoring Practices (roving tabindex; arrows, Home and End move
// and select). Unlike the inspector's tabs, every panel stays mounted (hidden), so what the learner typed in
// one form is still there after a look at another.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import '../../inspector/inspector.css';

export interface ActTab {
  label: string;
  content: ReactNode;
}

export function ActTabs({ label, tabs }: { label: string; tabs: readonly ActTab[] }) {
  const [current, setCurrent] = useState(0);
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const selected = Math.min(current, tabs.length - 1);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : undefined;
    if (target === undefined) return;
    event.preventDefault();
    setCurrent(target);
    refs.current[target]?.focus();
  }

  return (
    <div className="act-tabs">
      <div role="tablist" aria-label={label} className="inspector__tablist">
        {tabs.map((tab, i) => (
          <button
            key={tab.label}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            aria-controls={`${base}-panel-${i}`}
            aria-selected={i === selected}
            tabIndex={i === selected ? 0 : -1}
            className="inspector__tab"
            onClick={() => setCurrent(i)}
            onKeyDown={(event) => onKeyDown(event, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div key={tab.label} role="tabpanel" id={`${base}-panel-${i}`} aria-labelledby={`${base}-tab-${i}`} hidden={i !== selected} className="act-tabs__panel">
          {tab.content}
        </div>
      ))}
    </div>
  );
}
