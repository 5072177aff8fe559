// The bridge's one way out of the app: a link the person clicked, opened in their browser only when it is an https
// link to Kling's documentation or console (shared/security/external-links.ts). Everything else is refused in words.
import { allowedExternalUrl } from '../../shared/security/external-links';
import type { DesktopShell } from '../desktop/desktop-shell';
import { UserFacingError } from './user-facing-error';

export function linkHandlers(deps: { desktop: DesktopShell }) {
  return {
    'app:openLink': async ({ url }: { url: string }): Promise<null> => {
      const allowed = allowedExternalUrl(url);
      if (!allowed) {
        throw new UserFacingError('link-refused', 'Kling Studio opens only https links to Kling’s documentation and developer console.');
      }
      await deps.desktop.openInBrowser(allowed);
      return null;
    },
  };
}
