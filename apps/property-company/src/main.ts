import 'reflect-metadata';
import { exitOnFailure, startContextApp } from '@cogov/hosting';
import { propertyCompany } from './property-company.context';

startContextApp(propertyCompany).catch(exitOnFailure);
