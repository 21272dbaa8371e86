// The Configure panel's sections as vertical tabs (a sidebar), on the shared WAI-ARIA tabs: one tab stop,
// arrow keys Up and Down (and Left and Right), Home and End move focus and select. Every panel stays mounted
// (hidden when not selected), so a draft survives a visit elsewhere.
import type { ReactNode } from 'react';
import { Tabs } from '../../components/tabs';

export interface SectionTab {
  label: string;
  content: ReactNode;
}

const classes = { root: 'config-tabs', list: 'config-tabs__list', tab: 'config-tabs__tab', panel: 'config-tabs__panel' };

export function SectionTabs({ label, tabs }: { label: string; tabs: readonly SectionTab[] }) {
  return <Tabs label={label} tabs={tabs} classes={classes} vertical panel={(tab) => tab.content} />;
}
