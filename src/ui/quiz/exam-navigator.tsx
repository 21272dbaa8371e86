// The exam's question navigator: a button per question saying whether it is answered and flagged.
export interface NavigatorItem {
  answered: boolean;
  flagged: boolean;
}

export function navigatorLabel(index: number, item: NavigatorItem): string {
  return `Question ${index + 1}, ${item.flagged ? 'flagged, ' : ''}${item.answered ? 'answered' : 'unanswered'}`;
}

export function ExamNavigator({ items, current, onGo }: { items: readonly NavigatorItem[]; current: number; onGo(index: number): void }) {
  const answered = items.filter((i) => i.answered).length;
  const flagged = items.filter((i) => i.flagged).length;
  return (
    <nav aria-label="Question navigator" className="quiz-navigator">
      <p className="quiz-navigator__summary">
        {answered} of {items.length} answered{flagged > 0 ? `, ${flagged} flagged` : ''}
      </p>
      <ol className="quiz-navigator__list">
        {items.map((item, index) => (
          <li key={index}>
            <button
              type="button"
              className={[
                'quiz-navigator__button',
                item.answered && 'quiz-navigator__button--answered',
                item.flagged && 'quiz-navigator__button--flagged',
              ]
                .filter(Boolean)
                .join(' ')}
              aria-label={navigatorLabel(index, item)}
              aria-current={index === current ? 'step' : undefined}
              onClick={() => onGo(index)}
            >
              {index + 1}
              {item.flagged && (
                <svg className="quiz-navigator__flag" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
                  <path d="M2 1v8M2 1h6l-1.5 2L8 5H2" fill="currentColor" stroke="currentColor" strokeWidth="1" />
                </svg>
              )}
            </button>
          </li>
        ))}
      </ol>
      <p className="quiz-navigator__legend muted">
        <span className="quiz-navigator__swatch quiz-navigator__swatch--answered" aria-hidden="true" /> answered{' '}
        <span className="quiz-navigator__swatch" aria-hidden="true" /> unanswered{' '}
        <span className="quiz-navigator__swatch quiz-navigator__swatch--flagged" aria-hidden="true" /> flagged
      </p>
    </nav>
  );
}
