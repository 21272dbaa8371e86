// The inspector: everything about one exchange, in tabs — HTTP (the bytes on the wire), Tokens (each JWT
// decoded and its signature checked), then, only when the exchange has them, Authenticator (a TOTP secret:
// its QR code and the virtual authenticator's code), Credentials, Policy, SigV4
// and Items (AWS credentials, IAM evaluations, signature checks, DynamoDB items), Gateway (for API Gateway
// requests: route, authorizer, the events its Lambda functions received), and Decision (the notes of why
// the service answered so).
import { useMemo } from 'react';
import type { Exchange } from '../../sim/index';
import type { TokenVerification } from '../../store/player';
import { InspectorTabs, type TabDef } from './inspector-tabs';
import { HttpView } from './http-view';
import { TokensView } from './tokens-view';
import { CredentialsView } from './credentials-view';
import { PolicyView } from './policy-view';
import { SigV4View } from './sigv4-view';
import { ItemsView } from './items-view';
import { DecisionView } from './decision-view';
import { GatewayView } from './gateway-view';
import { AuthenticatorView } from '../mfa/authenticator-view';
import { notesOfKind } from './aws-notes';
import { findCredentials } from './find-credentials';
import { findDynamoCalls } from './find-items';
import { hasGatewayView } from './gateway-route';
import { findTotpSecret } from '../mfa/totp-secret';
import './inspector.css';
import './inspector-aws.css';
import './inspector-gateway.css';

export interface InspectorProps {
  exchange: Exchange;
  /** Calls the service made to others while handling `exchange` (their parentId leads back to it). */
  nested: readonly Exchange[];
  /** Checks a JWT's signature against its issuer's JWKS at a virtual time (the store's verifyToken). */
  verifyToken(token: string, at: number): Promise<TokenVerification>;
  /** The whole trace, for views that look back at earlier exchanges (whose TOTP secret this is). */
  trace?: readonly Exchange[];
  /** The tab to open first, by label (a shared link's ?tab=). */
  initialTab?: string;
}

const NO_TRACE: readonly Exchange[] = [];

export function Inspector({ exchange, nested, verifyToken, trace = NO_TRACE, initialTab }: InspectorProps) {
  const tabs = useMemo((): TabDef[] => {
    const key = exchange.id;
    const optional = (shown: boolean, tab: TabDef) => (shown ? [tab] : []);
    return [
      { label: 'HTTP', render: () => <HttpView key={key} exchange={exchange} nested={nested} /> },
      { label: 'Tokens', render: () => <TokensView key={key} exchange={exchange} verifyToken={verifyToken} /> },
      ...optional(findTotpSecret(exchange) !== undefined, { label: 'Authenticator', render: () => <AuthenticatorView key={key} exchange={exchange} trace={trace} /> }),
      ...optional(findCredentials(exchange, nested).length > 0, { label: 'Credentials', render: () => <CredentialsView key={key} exchange={exchange} nested={nested} /> }),
      ...optional(notesOfKind('policy', exchange, nested).length > 0, { label: 'Policy', render: () => <PolicyView key={key} exchange={exchange} nested={nested} /> }),
      ...optional(notesOfKind('sigv4', exchange, nested).length > 0, { label: 'SigV4', render: () => <SigV4View key={key} exchange={exchange} nested={nested} /> }),
      ...optional(findDynamoCalls(exchange, nested).length > 0, { label: 'Items', render: () => <ItemsView key={key} exchange={exchange} nested={nested} /> }),
      ...optional(hasGatewayView(exchange, nested), { label: 'Gateway', render: () => <GatewayView key={key} exchange={exchange} nested={nested} /> }),
      { label: 'Decision', render: () => <DecisionView key={key} exchange={exchange} nested={nested} /> },
    ];
  }, [exchange, nested, verifyToken, trace]);

  return (
    <section className="inspector" aria-label="Inspector">
      <InspectorTabs label="Inspector" tabs={tabs} {...(initialTab !== undefined ? { initial: initialTab } : {})} />
    </section>
  );
}
