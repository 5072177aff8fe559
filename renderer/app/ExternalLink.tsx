// A link out of the app. The link guard (app/link-guard.ts) turns a click on it into `app:openLink`, and main opens
// it in the person's browser only if it is on the allow-list (shared/security/external-links.ts).
import type { ReactNode } from 'react';
import './external-link.css';

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a className="external-link" href={href} rel="noreferrer" title={`Opens ${href} in your browser`}>
      {children}
      <span aria-hidden="true"> ↗</span>
    </a>
  );
}
