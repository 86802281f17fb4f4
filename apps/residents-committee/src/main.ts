import 'reflect-metadata';
import { exitOnFailure, startContextApp } from '@cogov/hosting';
import { residentsCommittee } from './residents-committee.context';

/** The residents' committee as its own process (PostgreSQL schema residents_committee, Kafka). */
startContextApp(residentsCommittee).catch(exitOnFailure);
