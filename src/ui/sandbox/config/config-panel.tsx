// The sandbox's Configure half: the world file (export, import, reset) and one form per part of the world,
// in a sidebar of sections. Each form edits a draft and applies it through the store, which refuses a
// world that AWS would refuse and then changes nothing.
import { useId } from 'react';
import { AlbSection } from './alb-section';
import { ApiSection } from './api-section';
import { AppClientsSection } from './app-clients-section';
import { GroupsSection } from './groups-section';
import { IdentityPoolSection } from './identity-pool-section';
import { IdentityProvidersSection } from './identity-providers-section';
import { RolesSection } from './roles-section';
import { SectionTabs } from './section-tabs';
import { TablesSection } from './tables-section';
import { UserPoolSection } from './user-pool-section';
import { WorldFile } from './world-file';
import { ConfigureIntro } from '../region-intros';
import './config.css';

export function ConfigPanel() {
  const headingId = useId();
  return (
    <section className="config" aria-labelledby={headingId}>
      <ConfigureIntro headingId={headingId} />
      <WorldFile />
      <SectionTabs
        label="Parts of the world"
        tabs={[
          { label: 'User pool', content: <UserPoolSection /> },
          { label: 'Groups', content: <GroupsSection /> },
          { label: 'App clients', content: <AppClientsSection /> },
          { label: 'Identity providers', content: <IdentityProvidersSection /> },
          { label: 'Identity pool', content: <IdentityPoolSection /> },
          { label: 'Roles and policies', content: <RolesSection /> },
          { label: 'Tables and items', content: <TablesSection /> },
          { label: 'API routes', content: <ApiSection /> },
          { label: 'Load balancer', content: <AlbSection /> },
        ]}
      />
    </section>
  );
}
