// The inspector's tabs (the shared WAI-ARIA tabs): only the selected panel renders its content. The tabs
// may change with the exchange shown: the selection follows its tab by label, and falls back to the first
// when that tab is gone.
import { useState, type ReactNode } from 'react';
import { Tabs } from '../components/tabs';

export interface TabDef {
  label: string;
  render(): ReactNode;
}

const classes = { root: 'inspector__tabs', list: 'inspector__tablist', tab: 'inspector__tab', panel: 'inspector__panel' };

/** `initial` names the tab to open first (case-insensitive, e.g. from a shared link's ?tab=); unknown names open the first. */
export function InspectorTabs({ label, tabs, initial }: { label: string; tabs: readonly TabDef[]; initial?: string }) {
  const [selected, setSelected] = useState(() => tabs.find((tab) => initial !== undefined && tab.label.toLowerCase() === initial.toLowerCase())?.label ?? tabs[0]?.label);
  const found = tabs.findIndex((tab) => tab.label === selected);
  // The selected tab disappeared: select the first for good, so it does not come back by itself later.
  if (found < 0 && tabs[0] && selected !== tabs[0].label) setSelected(tabs[0].label);

  return (
    <Tabs
      label={label}
      tabs={tabs}
      classes={classes}
      focusablePanels
      selected={Math.max(found, 0)}
      onSelect={(index) => setSelected(tabs[index]?.label)}
      panel={(tab, shown) => shown && tab.render()}
    />
  );
}
