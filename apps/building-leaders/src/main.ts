import 'reflect-metadata';
import { exitOnFailure, startContextApp } from '@cogov/hosting';
import { buildingLeaders } from './building-leaders.context';

/** The building leaders as their own process (PostgreSQL schema building_leaders, Kafka). */
startContextApp(buildingLeaders).catch(exitOnFailure);
