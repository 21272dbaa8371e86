// The theme switch in the header. Its accessible name says what pressing it will do.
export interface ThemeToggleProps {
  theme: 'light' | 'dark';
  onChange(theme: 'light' | 'dark'): void;
}

export function ThemeToggle({ theme, onChange }: ThemeToggleProps) {
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="theme-toggle" onClick={() => onChange(next)} aria-label={`Switch to ${next} theme`}>
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
      <span className="theme-toggle__text">{next === 'dark' ? 'Dark' : 'Light'}</span>
    </button>
  );
}
