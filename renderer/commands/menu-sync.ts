// Keeps the native application menu in step with the command registry: main builds the menu from what this sends
// (id, label, shortcut, menu, enabled), and a click in it comes back as an `app.command` event that runs the command
// here, through the same registry as its button and its shortcut.
import { useEffect } from 'react';
import type { MenuState } from '../../shared/desktop/menu';
import { studio } from '../api';
import { isTextField, listCommands, runCommand, watchCommands } from './registry';

/** The menu as the registry says it is now. */
export function menuState(): MenuState {
  const seen = new Set<string>();
  const commands: MenuState['commands'] = [];
  for (const c of listCommands()) {
    if (!c.menu || seen.has(c.id)) continue;
    seen.add(c.id);
    commands.push({ id: c.id, label: c.label, menu: c.menu, enabled: c.enabled(), ...(c.shortcut ? { shortcut: c.shortcut } : {}) });
  }
  return { commands, textFocus: isTextField(document.activeElement) };
}

/**
 * Enabled states follow stores and the page (a dialog open, a frame loaded, the focus), so rather than knowing every
 * store, the menu is recomputed after anything that could change one: commands coming and going, the DOM changing
 * (React renders what the state is), the focus moving, a key or a click. Coalesced, and sent only when it differs.
 */
export function useMenuSync(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sent = '';
    const flush = () => {
      timer = undefined;
      const state = menuState();
      const text = JSON.stringify(state);
      if (text === sent) return;
      sent = text;
      void studio.app.setMenu(state);
    };
    const schedule = () => {
      timer ??= setTimeout(flush, 40);
    };
    const unwatch = watchCommands(schedule);
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['open', 'disabled', 'aria-disabled', 'hidden'] });
    const events = ['focusin', 'focusout', 'keyup', 'pointerup'] as const;
    for (const e of events) window.addEventListener(e, schedule, true);
    const unsubscribe = studio.on('app.command', ({ id }) => void runCommand(id));
    schedule();
    return () => {
      clearTimeout(timer);
      unwatch();
      observer.disconnect();
      for (const e of events) window.removeEventListener(e, schedule, true);
      unsubscribe();
    };
  }, []);
}
