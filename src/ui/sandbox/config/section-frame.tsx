// The frame of one Configure form: its heading and what it is for, the fields, the error summary (an
// alert that takes focus when Apply is refused, each problem a link to its field), the Apply and Discard
// buttons, and a status line for what happened.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { FormContext, type SectionForm, type SummaryItem } from './section-form';

export function focusField(id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  const focusable = target.matches('input, select, textarea, button, [tabindex]') ? target : target.querySelector<HTMLElement>('input, select, textarea, button');
  focusable?.focus();
  target.scrollIntoView?.({ block: 'center' });
}

/** Shows the item a problem is about when the form shows one item at a time; undefined when it cannot. */
export type Reveal = (path: string) => (() => void) | undefined;

function ErrorSummary({ form, reveal }: { form: SectionForm; reveal?: Reveal }) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const { refusals } = form;
  useEffect(() => {
    if (refusals > 0) ref.current?.focus();
  }, [refusals]);
  const items = form.summary ?? [];
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={items.length ? headingId : undefined} className={items.length ? 'config-summary' : 'config-summary config-summary--empty'}>
      {items.length > 0 && (
        <>
          <h4 id={headingId} className="config-summary__title">
            Not applied: {items.length === 1 ? 'one value was refused' : `${items.length} values were refused`}. Nothing changed.
          </h4>
          <ul className="config-summary__list">
            {items.map((item, i) => (
              <li key={i}>
                {item.targetId ? (
                  <a
                    href={`#${item.targetId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(item.targetId!);
                    }}
                  >
                    {item.location}: {item.message}
                  </a>
                ) : (
                  <Unlinked item={item} form={form} show={reveal?.(item.path)} />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Unlinked({ item, form, show }: { item: SummaryItem; form: SectionForm; show?: () => void }) {
  if (!show) {
    return (
      <span>
        {item.location}: {item.message}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="config-link-button config-summary__show"
      onClick={() => {
        show();
        // Once the item is on screen, its field is registered: go to it.
        setTimeout(() => {
          const id = form.fieldIdFor(item.path);
          if (id) focusField(id);
        }, 0);
      }}
    >
      {item.location}: {item.message} (show it)
    </button>
  );
}

export interface SectionFrameProps<D> {
  form: SectionForm<D>;
  title: string;
  description?: ReactNode;
  /** The Apply button's words, e.g. "Apply user pool settings". */
  applyLabel: string;
  /** Above the form (e.g. a chooser of which item to edit): outside the form, so it does not submit it. */
  before?: ReactNode;
  /** Below the form (e.g. a check that reads the applied world). */
  after?: ReactNode;
  /** For a form showing one item at a time: how to show the item a refused value is in. */
  reveal?: Reveal;
  children: ReactNode;
}

export function SectionFrame<D>({ form: typed, title, description, applyLabel, before, after, reveal, children }: SectionFrameProps<D>) {
  // Fields read and write the draft by path, whatever its type.
  const form = typed as unknown as SectionForm;
  const headingId = useId();
  return (
    <section className="config-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="config-section__title">
        {title}
      </h3>
      {description && <div className="config-section__description">{description}</div>}
      {before}
      <FormContext.Provider value={form}>
        <form className="config-form" aria-labelledby={headingId} onSubmit={form.submit} noValidate>
          <ErrorSummary form={form} reveal={reveal} />
          {children}
          <div className="config-actions">
            <button type="submit" className="button">
              {applyLabel}
            </button>
            <button type="button" className="button button--secondary" onClick={form.discard} disabled={!form.dirty}>
              Discard changes
            </button>
            {form.dirty && <span className="config-actions__dirty">Changes not applied yet</span>}
          </div>
          <p role="status" className="config-status">
            {form.status}
          </p>
        </form>
      </FormContext.Provider>
      {after}
    </section>
  );
}
