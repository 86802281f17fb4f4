import 'reflect-metadata';
import { exitOnFailure, startContextApp } from '@cogov/hosting';
import { boards } from './boards.context';

startContextApp(boards).catch(exitOnFailure);
