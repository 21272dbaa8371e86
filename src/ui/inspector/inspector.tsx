// The inspector: everything about one exchange, in three tabs — HTTP (the bytes on the wire), Tokens
// (each JWT decoded and its signature checked) and Decision (the notes of why the service answered so).
import type { Exchange } from '../../sim/index';
import type { TokenVerification } from '../../store/player';
import { InspectorTabs } from './inspector-tabs';
import { HttpView } from './http-view';
import { TokensView } from './tokens-view';
import { DecisionView } from './decision-view';
import './inspector.css';

export interface InspectorProps {
  exchange: Exchange;
  /** Calls the service made to others while handling `exchange` (their parentId leads back to it). */
  nested: readonly Exchange[];
  /** Checks a JWT's signature against its issuer's JWKS at a virtual time (the store's verifyToken). */
  verifyToken(token: string, at: number): Promise<TokenVerification>;
}

export function Inspector({ exchange, nested, verifyToken }: InspectorProps) {
  return (
    <section className="inspector" aria-label="Inspector">
      <InspectorTabs
        label="Inspector"
        tabs={[
          { label: 'HTTP', render: () => <HttpView key={exchange.id} exchange={exchange} nested={nested} /> },
          { label: 'Tokens', render: () => <TokensView key={exchange.id} exchange={exchange} verifyToken={verifyToken} /> },
          { label: 'Decision', render: () => <DecisionView key={exchange.id} exchange={exchange} nested={nested} /> },
        ]}
      />
    </section>
  );
}
