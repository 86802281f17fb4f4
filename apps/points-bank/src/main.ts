import 'reflect-metadata';
import { exitOnFailure, startContextApp } from '@cogov/hosting';
import { pointsBank } from './points-bank.context';

startContextApp(pointsBank).catch(exitOnFailure);
