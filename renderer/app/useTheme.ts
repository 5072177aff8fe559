// The theme in use, as `data-theme` on <html>: the stylesheets switch every colour through CSS variables on it.
// "system" follows the OS (prefers-color-scheme, which Electron's nativeTheme drives) and changes with it live.
import { useEffect } from 'react';
import type { Theme } from '../../shared/settings/preferences';
import { useSettings } from '../store/settings';

const DARK = '(prefers-color-scheme: dark)';

export function resolveTheme(theme: Theme, systemDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}

export function useTheme(): void {
  const theme = useSettings((s) => s.state?.preferences.theme ?? 'system');
  useEffect(() => {
    const query = window.matchMedia(DARK);
    const apply = () => {
      document.documentElement.dataset.theme = resolveTheme(theme, query.matches);
    };
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, [theme]);
}
