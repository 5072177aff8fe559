// Links never take the window anywhere, and never open a window: a click, a modified click or a middle-click
// (`auxclick`) on any link is stopped here, for every link in the UI, whoever adds it. A link to Kling's docs or
// console goes to main, which checks it against the same allow-list and opens it in the person's browser; any other
// link does nothing. (Main refuses navigation and new windows as well: platform/security.ts.)
import { allowedExternalUrl } from '../../shared/security/external-links';

export function installLinkGuard(doc: Document, openLink: (url: string) => void): () => void {
  const guard = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    // A jump within the page, or a file the page offers to save, stays the browser's business.
    if (link.getAttribute('href')?.startsWith('#') || (link.hasAttribute('download') && link.protocol === 'blob:')) return;
    event.preventDefault();
    // Only the primary and middle buttons follow a link; a right-click opens the context menu.
    if (event.button > 1) return;
    const allowed = allowedExternalUrl(link.href);
    if (allowed) openLink(allowed);
  };
  doc.addEventListener('click', guard, true);
  doc.addEventListener('auxclick', guard, true);
  return () => {
    doc.removeEventListener('click', guard, true);
    doc.removeEventListener('auxclick', guard, true);
  };
}
