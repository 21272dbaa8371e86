// Tabs after the WAI-ARIA Authoring Practices: a tablist of tabs with roving tabindex, arrow keys,
// Home and End moving focus and selecting at once; only the selected panel renders its content. The tabs
// may change with the exchange shown: the selection follows its tab by label, and falls back to the first
// when that tab is gone.
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef {
  label: string;
  render(): ReactNode;
}

/** `initial` names the tab to open first (case-insensitive, e.g. from a shared link's ?tab=); unknown names open the first. */
export function InspectorTabs({ label, tabs, initial }: { label: string; tabs: readonly TabDef[]; initial?: string }) {
  const [selected, setSelected] = useState(() => tabs.find((tab) => initial !== undefined && tab.label.toLowerCase() === initial.toLowerCase())?.label ?? tabs[0]?.label);
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const found = tabs.findIndex((tab) => tab.label === selected);
  const current = Math.max(found, 0);
  // The selected tab disappeared: select the first for good, so it does not come back by itself later.
  if (found < 0 && tabs[0] && selected !== tabs[0].label) setSelected(tabs[0].label);

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
    setSelected(tabs[target]?.label);
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
            onClick={() => setSelected(tab.label)}
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
