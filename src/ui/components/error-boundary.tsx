// Catches a render error in one page and shows a friendly message with a way back,
// instead of a blank screen. The rest of the shell (header, navigation) keeps working.
import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** When this value changes (e.g. the route), the boundary clears its error. */
  resetKey?: unknown;
  homeHref: string;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Cognito Lab caught an error while rendering', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section role="alert" className="error-panel" aria-labelledby="error-title">
        <h1 id="error-title">Something went wrong on this page</h1>
        <p>Your saved work is safe. You can go back to the start, or reload the page.</p>
        <p className="error-panel__detail">{error.message}</p>
        <div className="error-panel__actions">
          <a className="button" href={this.props.homeHref} onClick={() => this.setState({ error: null })}>
            Back to Learn
          </a>
          <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </section>
    );
  }
}
