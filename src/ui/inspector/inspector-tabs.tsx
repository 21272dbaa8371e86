// Tabs after the WAI-ARIA Authoring Practices: a tablist of tabs with roving tabindex, arrow keys,
// Home and End moving focus and selecting at once; only the selected panel renders its content.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef {
  label: string;
  render(): ReactNode;
}

export function InspectorTabs({ label, tabs }: { label: string; tabs: readonly TabDef[] }) {
  const [selected, setSelected] = useState(0);
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.min(selected, tabs.length - 1);

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
    setSelected(target);
    refs.current[target]?.focus();
  }

  return (
    <div className="inspector__tabs">
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
            aria-selected={i === current}
            tabIndex={i === current ? 0 : -1}
            className="inspector__tab"
            onClick={() => setSelected(i)}
            onKeyDown={(event) => onKeyDown(event, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div
          key={tab.label}
          role="tabpanel"
          id={`${base}-panel-${i}`}
          aria-labelledby={`${base}-tab-${i}`}
          tabIndex={0}
          hidden={i !== current}
          className="inspector__panel"
        >
          {i === current && tab.render()}
        </div>
      ))}
    </div>
  );
}
