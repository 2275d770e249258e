// The Lightning runtime the demo's Salesforce pages run: synthetic shadow (Lightning Experience's
// default), the LWC engine, and the real kizunaDashboard component. Compiled by compileLwcHost.ts.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import KizunaDashboard from 'c/kizunaDashboard';

export { createElement, KizunaDashboard };
