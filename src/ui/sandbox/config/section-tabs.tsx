// The Configure panel's sections as vertical tabs (a sidebar): the tablist after the WAI-ARIA Authoring
// Practices — one tab stop, arrow keys Up and Down (and Left and Right), Home and End move focus and
// select. Every panel stays mounted (hidden when not selected), so a draft survives a visit elsewhere.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface SectionTab {
  label: string;
  content: ReactNode;
}

export function SectionTabs({ label, tabs }: { label: string; tabs: readonly SectionTab[] }) {
  const [selected, setSelected] = useState(0);
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowDown' || event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : undefined;
    if (target === undefined) return;
    event.preventDefault();
    setSelected(target);
    refs.current[target]?.focus();
  }

  return (
    <div className="config-tabs">
      <div role="tablist" aria-label={label} aria-orientation="vertical" className="config-tabs__list">
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
            className="config-tabs__tab"
            onClick={() => setSelected(i)}
            onKeyDown={(event) => onKeyDown(event, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div key={tab.label} role="tabpanel" id={`${base}-panel-${i}`} aria-labelledby={`${base}-tab-${i}`} hidden={i !== selected} className="config-tabs__panel">
          {tab.content}
        </div>
      ))}
    </div>
  );
}
