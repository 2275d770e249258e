// The standalone bundle's entry (`pnpm build:web` → dist/kizuna-dashboard.js): importing it
// defines <kizuna-dashboard> and hands the page the registration and iframe APIs.
import './cspSafeZod';
import { defineKizunaDashboard } from './element/kizunaDashboardElement';

defineKizunaDashboard();

export * from './index';
