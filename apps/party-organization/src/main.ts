import 'reflect-metadata';
import { exitOnFailure, startContextApp } from '@cogov/hosting';
import { PartyOrganizationModule } from './party-organization.module';

/** The Party organization as its own process (PostgreSQL schema party_organization, Kafka). */
startContextApp({
  name: 'party-organization',
  module: PartyOrganizationModule,
  entities: PartyOrganizationModule.entities,
  defaultPort: 3002,
}).catch(exitOnFailure);
