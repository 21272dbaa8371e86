// Tabs after the WAI-ARIA Authoring Practices, shared by the inspector, the sandbox's act forms and its
// Configure sections: a tablist with one tab stop (roving tabindex); the arrow keys move with wrap-around,
// Home and End go to the ends, and a move focuses and selects at once; each tab and its panel name each other
// by id. What differs between the users is passed in: class names, orientation, whether the selection lives
// here or with the caller, and what a panel shows (all mounted, or only the selected one's content).
import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabsClasses {
  root: string;
  list: string;
  tab: string;
  panel: string;
}

export interface TabsProps<T extends { label: string }> {
  /** The tablist's accessible name. */
  label: string;
  tabs: readonly T[];
  /** What `tab`'s panel holds; `shown` says whether it is the selected one (hidden panels stay in the DOM). */
  panel(tab: T, shown: boolean): ReactNode;
  classes: TabsClasses;
  /** Vertical tabs (a sidebar) also answer ArrowUp and ArrowDown, and say so with aria-orientation. */
  vertical?: boolean;
  /** Puts every panel in the tab order, for panels whose content may hold nothing focusable. */
  focusablePanels?: boolean;
  /** The selected index when the caller keeps it (then `onSelect` reports moves); otherwise the tabs keep their own, from the first. */
  selected?: number;
  onSelect?(index: number): void;
}

export function Tabs<T extends { label: string }>({ label, tabs, panel, classes, vertical = false, focusablePanels = false, selected, onSelect }: TabsProps<T>) {
  const [own, setOwn] = useState(0);
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // Kept here, the index stays within the tabs should there come to be fewer of them.
  const current = selected ?? Math.min(own, tabs.length - 1);
  const select = (index: number) => (onSelect ? onSelect(index) : setOwn(index));

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const next = event.key === 'ArrowRight' || (vertical && event.key === 'ArrowDown');
    const previous = event.key === 'ArrowLeft' || (vertical && event.key === 'ArrowUp');
    const target =
      next ? (index === last ? 0 : index + 1)
      : previous ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : undefined;
    if (target === undefined) return;
    event.preventDefault();
    select(target);
    refs.current[target]?.focus();
  }

  return (
    <div className={classes.root}>
      <div role="tablist" aria-label={label} aria-orientation={vertical ? 'vertical' : undefined} className={classes.list}>
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
            className={classes.tab}
            onClick={() => select(i)}
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
          tabIndex={focusablePanels ? 0 : undefined}
          hidden={i !== current}
          className={classes.panel}
        >
          {panel(tab, i === current)}
        </div>
      ))}
    </div>
  );
}
