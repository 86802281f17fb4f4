import 'reflect-metadata';
import { exitOnFailure, startProjectionsApp } from '@cogov/hosting';
import { ResidentsCommitteeModule } from '../../residents-committee/src/residents-committee.module';

/** The read models (the five-order chain view, residents) in their own process. */
startProjectionsApp({
  name: 'residents-committee',
  module: ResidentsCommitteeModule,
  entities: ResidentsCommitteeModule.entities,
}).catch(exitOnFailure);
