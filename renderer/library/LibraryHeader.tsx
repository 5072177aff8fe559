// The Library view's header: how many generations it holds, and how many match while a search or filter is on.
export function LibraryHeader({ total, matching, filtered }: { total: number; matching: number; filtered: boolean }) {
  const plural = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'generation' : 'generations'}`;
  return (
    <header className="library__head">
      <h2 id="library-title" className="library__title">
        Library
      </h2>
      <span className="library__count" role="status" aria-label="Library count">
        {filtered ? `${matching.toLocaleString()} of ${plural(total)} match` : plural(total)}
      </span>
    </header>
  );
}
