// A toolbar button driven by a registered command: its label, shortcut hint and enabled state come from the registry.
import type { ReactNode } from 'react';
import { useAnyDialogOpen } from '../../commands/dialog-open';
import { getCommand, runCommand, shortcutLabel } from '../../commands/registry';

interface Props {
  id: string;
  children: ReactNode;
  /** Toggle buttons (tools) say whether they are on. */
  pressed?: boolean;
  className?: string;
  /** Overrides the command's label as the accessible name. */
  label?: string;
}

export function CommandButton({ id, children, pressed, className, label }: Props) {
  // Redrawn when a dialog opens or closes: the command may be off only while one is open.
  useAnyDialogOpen();
  const command = getCommand(id);
  const name = label ?? command?.label ?? id;
  const hint = command?.shortcut ? `${name} (${shortcutLabel(command.shortcut)})` : name;
  return (
    <button
      type="button"
      className={`ed-button ${pressed ? 'is-on' : ''} ${className ?? ''}`}
      aria-label={name}
      aria-pressed={pressed}
      aria-keyshortcuts={command?.shortcut?.replace('Mod', 'Control')}
      title={hint}
      disabled={!command || !command.enabled()}
      onClick={() => runCommand(id)}
    >
      {children}
    </button>
  );
}
