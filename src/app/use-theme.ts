// Applies the theme: the learner's saved choice, or the system's preference while they have made none.
import { useEffect, useSyncExternalStore } from 'react';
import { useSettings } from '../store/settings';

const darkQuery = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia?.(darkQuery);
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

const systemPrefersDark = () => window.matchMedia?.(darkQuery).matches ?? false;

export type EffectiveTheme = 'light' | 'dark';

export function useEffectiveTheme(): EffectiveTheme {
  const preference = useSettings((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribe, systemPrefersDark, () => false);
  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}

export function useApplyTheme(): EffectiveTheme {
  const theme = useEffectiveTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
