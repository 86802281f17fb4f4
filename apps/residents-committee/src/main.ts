import 'reflect-metadata';
import { exitOnFailure, startContextApp } from '@cogov/hosting';
import { ResidentsCommitteeModule } from './residents-committee.module';

/** The residents' committee as its own process (PostgreSQL schema residents_committee, Kafka). */
startContextApp({
  name: 'residents-committee',
  module: ResidentsCommitteeModule,
  entities: ResidentsCommitteeModule.entities,
  defaultPort: 3001,
}).catch(exitOnFailure);
