/**
 * A long text cut in the middle when space runs out ("https://hooks.exa…/orders/paid"), so both
 * the host and the path's end stay visible. The whole text is still in the page: the head is only
 * clipped, so reading it aloud, selecting it or matching it finds all of it; the tooltip shows it.
 */
export function MiddleTruncated({ text, tail = 18 }: { text: string; tail?: number }) {
  const cut = text.length > tail * 2 ? text.length - tail : text.length;
  return (
    <span title={text} className="flex min-w-0">
      <span className="truncate">{text.slice(0, cut)}</span>
      {cut < text.length && <span className="shrink-0 whitespace-pre">{text.slice(cut)}</span>}
    </span>
  );
}
