import 'reflect-metadata';
import { exitOnFailure, startContextApp } from '@cogov/hosting';
import { partyOrganization } from './party-organization.context';

/** The Party organization as its own process (PostgreSQL schema party_organization, Kafka). */
startContextApp(partyOrganization).catch(exitOnFailure);
