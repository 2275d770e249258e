import { Component, type ReactNode } from 'react';

interface RoleLoadBoundaryProps {
  /** What to show when the dashboard's code could not be loaded; `retry` loads it afresh. */
  readonly fallback: (error: unknown) => ReactNode;
  readonly children: ReactNode;
}

interface RoleLoadBoundaryState {
  readonly error: { readonly cause: unknown } | null;
}

/**
 * Catches a failed load of a role's dashboard code (a dropped network chunk) so the page says so in
 * words with a retry instead of unmounting. Render errors inside the dashboard land here too.
 */
export class RoleLoadBoundary extends Component<RoleLoadBoundaryProps, RoleLoadBoundaryState> {
  override state: RoleLoadBoundaryState = { error: null };

  static getDerivedStateFromError(cause: unknown): RoleLoadBoundaryState {
    return { error: { cause } };
  }

  override render(): ReactNode {
    return this.state.error === null ? this.props.children : this.props.fallback(this.state.error.cause);
  }
}
