import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Tabs, type TabsProps } from './tabs';

type Tab = { label: string; text: string };

const tabs: Tab[] = [
  { label: 'One', text: 'first panel' },
  { label: 'Two', text: 'second panel' },
  { label: 'Three', text: 'third panel' },
];

const classes = { root: 'r', list: 'l', tab: 't', panel: 'p' };

function renderTabs(props: Partial<TabsProps<Tab>> = {}) {
  const user = userEvent.setup();
  render(<Tabs label="Parts" tabs={tabs} classes={classes} panel={(tab) => <p>{tab.text}</p>} {...props} />);
  return user;
}

const tab = (name: string) => screen.getByRole('tab', { name });

/** The one tab that is selected, has the tab stop and holds focus (when `focused`). */
function expectSelected(name: string, focused = true) {
  for (const other of screen.getAllByRole('tab')) {
    const on = other === tab(name);
    expect(other).toHaveAttribute('aria-selected', String(on));
    expect(other).toHaveAttribute('tabindex', on ? '0' : '-1');
  }
  if (focused) expect(tab(name)).toHaveFocus();
  expect(screen.getByRole('tabpanel', { name })).toBeVisible();
  expect(screen.getAllByRole('tabpanel')).toHaveLength(1); // the hidden panels are out of the accessibility tree
}

describe('Tabs', () => {
  it('is a named tablist whose tabs and panels name each other, with the first selected', () => {
    renderTabs();
    expect(screen.getByRole('tablist', { name: 'Parts' })).not.toHaveAttribute('aria-orientation');
    expectSelected('One', false);
    const panel = screen.getByRole('tabpanel', { name: 'One' });
    expect(tab('One')).toHaveAttribute('aria-controls', panel.id);
    expect(panel).toHaveTextContent('first panel');
    expect(panel).not.toHaveAttribute('tabindex');
  });

  it('moves focus and selection at once with ArrowRight and ArrowLeft, wrapping at both ends', async () => {
    const user = renderTabs();
    await user.click(tab('One'));
    await user.keyboard('{ArrowRight}');
    expectSelected('Two');
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expectSelected('One');
    await user.keyboard('{ArrowLeft}');
    expectSelected('Three');
    await user.keyboard('{ArrowLeft}');
    expectSelected('Two');
  });

  it('goes to the ends with Home and End', async () => {
    const user = renderTabs();
    await user.click(tab('Two'));
    await user.keyboard('{End}');
    expectSelected('Three');
    await user.keyboard('{Home}');
    expectSelected('One');
  });

  it('is one tab stop: Tab leaves the tablist for the selected panel', async () => {
    const user = renderTabs({ focusablePanels: true });
    await user.click(tab('Two'));
    await user.tab();
    expect(screen.getByRole('tabpanel', { name: 'Two' })).toHaveFocus();
  });

  it('ignores ArrowDown and ArrowUp unless vertical', async () => {
    const user = renderTabs();
    await user.click(tab('One'));
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expectSelected('One');
  });

  it('answers ArrowDown and ArrowUp too when vertical, and says so', async () => {
    const user = renderTabs({ vertical: true });
    expect(screen.getByRole('tablist', { name: 'Parts' })).toHaveAttribute('aria-orientation', 'vertical');
    await user.click(tab('One'));
    await user.keyboard('{ArrowUp}');
    expectSelected('Three');
    await user.keyboard('{ArrowDown}');
    expectSelected('One');
    await user.keyboard('{ArrowRight}');
    expectSelected('Two');
  });

  it('keeps every panel mounted, or renders only the selected content when the panel says so', async () => {
    const user = renderTabs({ panel: (t, shown) => shown && <p>{t.text}</p> });
    expect(screen.getByText('first panel')).toBeInTheDocument();
    expect(screen.queryByText('second panel')).not.toBeInTheDocument();
    await user.click(tab('Two'));
    expect(screen.queryByText('first panel')).not.toBeInTheDocument();
    expect(screen.getByText('second panel')).toBeVisible();
  });

  it('leaves the selection to the caller when given one', async () => {
    function Controlled() {
      const [selected, setSelected] = useState(2);
      return (
        <>
          <Tabs label="Parts" tabs={tabs} classes={classes} panel={(t) => t.text} selected={selected} onSelect={setSelected} />
          <output aria-label="Selected">{selected}</output>
        </>
      );
    }
    const user = userEvent.setup();
    render(<Controlled />);
    expectSelected('Three', false);
    await user.click(tab('Three'));
    await user.keyboard('{ArrowRight}');
    expectSelected('One');
    expect(screen.getByRole('status', { name: 'Selected' })).toHaveTextContent('0');
  });
});
