import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed, in the reader's language. */
  label: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** Keeps a failure in one feature area from blanking the page: the rest keeps working. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };
  static getDerivedStateFromError(error: Error): State {
    return { error };
  }
  componentDidCatch(error: Error) {
    console.error(`${this.props.label}:`, error);
  }
  render() {
    if (this.state.error) {
      return (
        <div role="alert" className="feature-error">
          <strong>{this.props.label}</strong>
          <p>{this.state.error.message}</p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            重试 · Retry
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
