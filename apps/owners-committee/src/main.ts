import 'reflect-metadata';
import { exitOnFailure, startContextApp } from '@cogov/hosting';
import { ownersCommittee } from './owners-committee.context';

startContextApp(ownersCommittee).catch(exitOnFailure);
