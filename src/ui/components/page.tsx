// A page frame: the heading every route starts with and its content. After the learner navigates,
// the new page's heading takes focus, so keyboard and screen-reader users land at its top; on the
// first load focus stays at the start of the document, where the skip link is.
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';

export const FocusOnNavigateContext = createContext(false);

export function Page({ title, lead, children }: { title: string; lead?: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const navigated = useContext(FocusOnNavigateContext);
  const focusOnMount = useRef(navigated);
  useEffect(() => {
    if (focusOnMount.current) heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <article className="page">
      <h1 ref={heading} tabIndex={-1} className="page__title">
        {title}
      </h1>
      {lead && <p className="page__lead">{lead}</p>}
      {children}
    </article>
  );
}
