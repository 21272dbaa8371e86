// Tabs over the act forms (the shared WAI-ARIA tabs, styled as the inspector's). Unlike the inspector's
// tabs, every panel stays mounted (hidden), so what the learner typed in one form is still there after a
// look at another.
import type { ReactNode } from 'react';
import { Tabs } from '../../components/tabs';
import '../../inspector/inspector.css';

export interface ActTab {
  label: string;
  content: ReactNode;
}

const classes = { root: 'act-tabs', list: 'inspector__tablist', tab: 'inspector__tab', panel: 'act-tabs__panel' };

export function ActTabs({ label, tabs }: { label: string; tabs: readonly ActTab[] }) {
  return <Tabs label={label} tabs={tabs} classes={classes} panel={(tab) => tab.content} />;
}
