// CorpAD in the world: every user pool SAML provider without a MetadataURL of its own is CorpAD (the one simulated
// SAML IdP), so its ProviderDetails get CorpAD's metadata URL, as CreateIdentityProvider stores it [V BOTO
// IdentityProviderType.ProviderDetails: MetadataURL or MetadataFile, IDPSignout]. CorpAD in turn holds a relying party
// trust for each pool that points at it and has a hosted UI domain: entity ID urn:amazon:cognito:sp:{poolId}, ACS
// https://{domain}.auth.{region}.amazoncognito.com/saml2/idpresponse. Both sides are read when a request arrives, so
// a pool or provider added later is covered too.
import type { Clock } from '../../core/clock';
import type { Random } from '../../core/random';
import type { UserPool } from '../../user-pool/model';
import { CORP_AD_METADATA_URL } from './corp-ad-directory';
import { createCorpAd, type CorpAd, type RelyingParty } from './corp-ad';

export interface CorpAdWorldDeps {
  region: string;
  /** CorpAD's own random source (its ids must not shift the rest of the world's). */
  random: Random;
  clock: Clock;
  pools: Map<string, UserPool>;
}

/** For tests: the CorpAD that serves a simulator, by that simulator's pools (internalsOf(sim).env.pools). */
const corpAds = new WeakMap<Map<string, UserPool>, CorpAd>();
export const corpAdOf = (pools: Map<string, UserPool>): CorpAd | undefined => corpAds.get(pools);

export function createCorpAdForWorld(deps: CorpAdWorldDeps): CorpAd {
  for (const pool of deps.pools.values()) {
    for (const provider of pool.identityProviders) {
      if (provider.type === 'SAML' && !provider.providerDetails?.MetadataURL && !provider.providerDetails?.MetadataFile) {
        provider.providerDetails = { ...provider.providerDetails, MetadataURL: CORP_AD_METADATA_URL, IDPSignout: 'false' };
      }
    }
  }
  const relyingParties = (): RelyingParty[] =>
    [...deps.pools.values()]
      .filter((pool) => pool.domain !== undefined && pool.identityProviders.some((p) => p.type === 'SAML' && p.providerDetails?.MetadataURL === CORP_AD_METADATA_URL))
      .map((pool) => ({ entityId: `urn:amazon:cognito:sp:${pool.id}`, acsUrl: `https://${pool.domain}.auth.${deps.region}.amazoncognito.com/saml2/idpresponse`, displayName: pool.name }));
  const corpAd = createCorpAd({ clock: deps.clock, random: deps.random, relyingParties });
  corpAds.set(deps.pools, corpAd);
  return corpAd;
}
