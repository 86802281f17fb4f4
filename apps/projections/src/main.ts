import 'reflect-metadata';
import { exitOnFailure, startProjectionsApp } from '@cogov/hosting';
import { CONTEXTS } from '../../contexts';

/** The read models of every context that has some, each following its own context's store. */
startProjectionsApp(CONTEXTS).catch(exitOnFailure);
